import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isGauzyMcpError, type PluginDefinition } from '@gauzy-mcp/core';
import { inventoryOptionsFromEnv, type InventoryOptions } from '@gauzy-mcp/core/internal';
import type { Sandbox } from '@gauzy-mcp/testkit';
import { allPlugins, connect, createSandbox } from './helpers.js';

// What a client of the default packs is handed over MCP, by toolset selection.

let sandbox: Sandbox;
let plugins: PluginDefinition[];

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  plugins = await allPlugins();
});
after(async () => {
  await sandbox.close();
});

/** The listed (not retired) tool names the packs declare in these toolsets, sorted as tools/list sorts them. */
function declaredIn(toolsets: readonly string[]): string[] {
  return plugins
    .flatMap((plugin) => plugin.tools)
    .filter((tool) => toolsets.includes(tool.toolset) && !tool.retired)
    .map((tool) => tool.name)
    .sort();
}

async function listedNames(inventory?: InventoryOptions): Promise<string[]> {
  const { client } = await connect(sandbox, { plugins, ...(inventory ? { inventory } : {}) });
  try {
    return (await client.listAllTools()).map((tool) => tool.name);
  } finally {
    await client.close();
  }
}

/** The everyday areas every client gets without asking; everything else (diagnostics, bulk, HR, recruitment…) on request. */
const DEFAULTS = ['employees', 'projects', 'session', 'tasks', 'time-tracking'];
const allToolsets = () => plugins.flatMap((plugin) => plugin.toolsets.map((toolset) => toolset.name)).sort();

test('the default packs mark employees, projects, tasks, time-tracking and session default; diagnostics, the bulk toolsets and the other areas are not', () => {
  const declared = Object.fromEntries(plugins.flatMap((plugin) => plugin.toolsets.map((toolset) => [toolset.name, toolset.default === true] as const)));
  assert.deepEqual(Object.keys(declared).filter((name) => declared[name]).sort(), DEFAULTS);
  for (const name of ['diagnostics', 'projects-bulk', 'tasks-bulk', 'candidates', 'time-off']) assert.equal(declared[name], false, name);
});

test('with no toolsets named, tools/list holds exactly the default toolsets\' tools', async () => {
  const names = await listedNames();
  assert.deepEqual(names, declaredIn(DEFAULTS));
  assert.ok(!names.includes('get_server_info'), 'a diagnostics tool is not served by default');
  assert.ok(!names.some((name) => name.startsWith('bulk_')), 'the bulk tools are served on request');
});

test('"all" serves every toolset, a list exactly the toolsets named, "default" in a list adds the defaults', async () => {
  assert.deepEqual(await listedNames({ toolsets: ['all'] }), declaredIn(allToolsets()));
  assert.deepEqual(await listedNames({ toolsets: ['default', 'tasks-bulk'] }), declaredIn([...DEFAULTS, 'tasks-bulk']));
  assert.deepEqual(await listedNames({ toolsets: ['tasks', 'diagnostics'] }), declaredIn(['tasks', 'diagnostics']));
  assert.deepEqual(await listedNames({ toolsets: ['diagnostics', 'default'] }), declaredIn([...DEFAULTS, 'diagnostics']));
  assert.deepEqual(await listedNames(inventoryOptionsFromEnv({ GAUZY_MCP_TOOLSETS: 'session, diagnostics' })), declaredIn(['session', 'diagnostics']));
});

test('an unknown toolset stops the kernel, naming the known toolsets and the default ones', async () => {
  await assert.rejects(
    connect(sandbox, { plugins, inventory: { toolsets: ['tasks', 'hr'] } }),
    (error: unknown) =>
      isGauzyMcpError(error, 'GMCP_ERR_CONFIG_INVALID') &&
      error.message.includes(`unknown toolset "hr"; known: ${allToolsets().join(', ')} (default: ${DEFAULTS.join(', ')})`),
  );
});
