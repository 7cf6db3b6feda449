import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, findGauzyRoute, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import teamsPlugin from '../src/index.js';

let sandbox: Sandbox;
let client: TestClient;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  client = await connectInMemory(createKernel({ plugins: [teamsPlugin], inventory: { toolsets: ['example-teams'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('the example plugin\'s routes are real Gauzy routes', () => {
  for (const tool of teamsPlugin.tools) for (const route of tool.routes) assert.ok(findGauzyRoute(...(route.split(' ') as [string, string])), route);
});

test('example_list_teams and example_get_team read the seeded team', async () => {
  const team = sandbox.seed.teams[0]!;
  const list = await client.call('example_list_teams', {});
  assert.equal(list.isError, false, list.text);
  assert.ok((list.structured!.items as Array<{ id: string }>).some((entry) => entry.id === team.id));
  const one = await client.call('example_get_team', { id: team.id });
  assert.equal(one.structured!.name, team.name);
  const bad = await client.call('example_get_team', { id: 'nope' });
  assert.deepEqual(bad.error!.fields, ['id']);
});
