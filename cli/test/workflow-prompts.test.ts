import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Inventory } from '@gauzy-mcp/core/internal';
import type { Sandbox } from '@gauzy-mcp/testkit';
import { allPlugins, connect, createSandbox } from './helpers.js';

// Issue #15 item 6: prompts for the documented use cases, each listed only where its tools are served.

let sandbox: Sandbox;
before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
});
after(async () => {
  await sandbox.close();
});

const promptNames = async (toolsets?: string[]) => {
  const { client } = await connect(sandbox, toolsets ? { inventory: { toolsets } } : {});
  try {
    return (await client.client.listPrompts()).prompts.map((prompt) => prompt.name).sort();
  } finally {
    await client.close();
  }
};

test('every tool a workflow prompt uses is a listed tool of the full catalog', async () => {
  const inventory = new Inventory(await allPlugins(), { toolsets: ['all'] });
  const listed = new Set(inventory.tools.flatMap((tool) => [tool.name, ...(tool.definition.aliases ?? [])]));
  const workflows = (await allPlugins()).find((plugin) => plugin.name === 'workflows')!;
  assert.equal(workflows.prompts?.length, 5);
  for (const prompt of workflows.prompts ?? []) assert.deepEqual((prompt.uses ?? []).filter((tool) => !listed.has(tool)), [], prompt.name);
});

test('a prompt is listed only where its tools are: all five with every toolset, the two over default tools by default', async () => {
  assert.deepEqual(await promptNames(['all']), ['month-end-expenses', 'operations-dashboard', 'project-setup', 'recruitment-pipeline', 'weekly-team-report']);
  assert.deepEqual(await promptNames(), ['operations-dashboard', 'project-setup']);
  assert.deepEqual(await promptNames(['default', 'reports']), ['operations-dashboard', 'project-setup', 'weekly-team-report']);
});

test('prompts/get through an MCP client: the plan with the arguments in it; a missing required argument is refused', async () => {
  const { client } = await connect(sandbox, { inventory: { toolsets: ['all'] } });
  try {
    const plan = await client.client.getPrompt({ name: 'month-end-expenses', arguments: { month: '2026-10', threshold: '80' } });
    const body = (plan.messages[0]!.content as { text: string }).text;
    assert.match(body, /list_expenses with status "UNINVOICED", startDate "2026-10-01", endDate "2026-10-31" and maxAmount 80/);
    await assert.rejects(client.client.getPrompt({ name: 'project-setup', arguments: {} }), /projectName/);
    await assert.rejects(client.client.getPrompt({ name: 'month-end-expenses', arguments: { month: 'October' } }), /month/);
  } finally {
    await client.close();
  }
});
