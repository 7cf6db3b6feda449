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
  ({ client } = await connect(sandbox));
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('the default packs describe their entities, and every relation path they offer reaches a described entity', () => {
  assert.deepEqual(packEntities.map((entity) => entity.name).sort(), ['organizationProject', 'task', 'timeLog']);
  assert.deepEqual(unresolvedRelations(described), []);
});

test('every offered relation comes back filled through the derived list and get tools of the full sandbox', async () => {
  const tools = new Set((await allPlugins()).flatMap((plugin) => plugin.tools.map((tool) => tool.name)));
  let checked = 0;
  for (const entity of packEntities) {
    const list = crudToolName(entity, 'list');
    const get = crudToolName(entity, 'get');
    if (!tools.has(list) || !entity.include.length) continue;
    await assertRelationsResolve(client, entity.include, { list: [list], get: tools.has(get) ? get : undefined });
    checked++;
  }
  assert.equal(checked, 2, 'tasks and projects were checked');
});
