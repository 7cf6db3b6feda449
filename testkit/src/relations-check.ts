import assert from 'node:assert/strict';
import type { TestClient } from './mcp-client.js';

type Item = Record<string, unknown>;

/**
 * Asks each tool for every relation an entity offers and checks that each comes back on the record, so a
 * relation the sandbox (and so, by its fidelity, Gauzy) does not have fails the pack's tests instead of
 * being offered to a model. `list` tools are called with `take: 1`; the `get` tool with `id`, or else the first listed id.
 */
export async function assertRelationsResolve(
  client: TestClient,
  relations: readonly string[],
  tools: { list: readonly string[]; get?: string; id?: string },
): Promise<void> {
  let firstId: string | undefined = tools.id;
  const check = (tool: string, record: Item | undefined) => {
    assert.ok(record, `${tool}: returned no record to check relations on`);
    for (const relation of relations) assert.ok(relation.split('.')[0]! in record, `${tool}: ${relation}`);
  };
  for (const tool of tools.list) {
    const listed = await client.call(tool, { take: 1, relations: [...relations] });
    assert.equal(listed.isError, false, listed.text);
    const first = (listed.structured!.items as Item[])[0];
    check(tool, first);
    firstId ??= first && String(first.id);
  }
  if (tools.get) {
    const one = await client.call(tools.get, { id: firstId, relations: [...relations] });
    assert.equal(one.isError, false, one.text);
    check(tools.get, one.structured);
  }
}
