import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { crudToolName, unresolvedRelations, type EntityDefinition } from '@gauzy-mcp/core';
import { assertRelationsResolve, PLATFORM_ENTITIES, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import { allPlugins, connect, createSandbox, demoEntities } from './helpers.js';

// Issue #9: a relation a tool offers is modelled by construction. Every include path of every entity the
// default packs describe must reach described entities, and through the tools each must come back filled in a
// sandbox that serves all of them (a pack's own tests may join another pack's table raw).

const described: EntityDefinition[] = [...PLATFORM_ENTITIES, ...demoEntities].map((entry) => ('entity' in entry ? entry.entity : entry));
const packEntities = demoEntities.map((entry) => ('entity' in entry ? entry.entity : entry));

let sandbox: Sandbox;
let client: TestClient;
before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  ({ client } = await connect(sandbox, { inventory: { toolsets: ['all'] } }));
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('the default packs describe their entities, and every relation path they offer reaches a described entity', () => {
  // Every pack's entities (a platform entity a pack describes more fully, like the employee, included).
  for (const name of ['candidate', 'comment', 'dailyPlan', 'employee', 'organizationContact', 'organizationProject', 'task', 'timeLog', 'timeOffRequest']) {
    assert.ok(packEntities.some((entity) => entity.name === name), `${name} is described by a default pack`);
  }
  assert.deepEqual(unresolvedRelations(described), []);
});

test('every offered relation comes back filled through the derived list and get tools of the full sandbox', async () => {
  // What each tool offers in its published schema (a list may join fewer paths than its get, or none).
  const offered = new Map(
    (await client.listAllTools()).map((tool) => {
      const relations = (tool.inputSchema.properties as Record<string, { items?: { enum?: string[] } }> | undefined)?.relations;
      return [tool.name, relations?.items?.enum ?? []] as const;
    }),
  );
  const checked: string[] = [];
  for (const entity of packEntities) {
    const list = crudToolName(entity, 'list');
    const get = crudToolName(entity, 'get');
    const viaList = offered.get(list) ?? [];
    const viaGet = offered.get(get) ?? [];
    if (!viaList.length && !viaGet.length) continue;
    if (viaList.length) await assertRelationsResolve(client, viaList, { list: [list] });
    if (viaGet.length) {
      const first = offered.has(list) ? ((await client.call(list, { take: 1 })).structured?.items as Array<{ id: string }> | undefined)?.[0]?.id : undefined;
      if (!first) continue;
      await assertRelationsResolve(client, viaGet, { list: [], get, id: first });
    }
    checked.push(entity.name);
  }
  for (const name of ['organizationProject', 'task', 'organizationContact', 'candidate']) assert.ok(checked.includes(name), `${name}'s relations were checked (checked: ${checked.join(', ')})`);
});
