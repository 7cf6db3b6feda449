import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGauzyMcpError } from '@gauzy-mcp/core';
import { DEFAULT_PLUGIN_PACKAGES, loadPlugins } from '../src/plugins.js';

test('loadPlugins returns the packs in the order named, though it imports them together', async () => {
  const names = ['@gauzy-mcp/plugin-time-tracking', '@gauzy-mcp/plugin-projects', '@gauzy-mcp/plugin-tasks'];
  assert.deepEqual((await loadPlugins(names)).map((plugin) => plugin.name), ['time-tracking', 'projects', 'tasks']);
  assert.equal((await loadPlugins()).length, DEFAULT_PLUGIN_PACKAGES.length);
});

test('a pack that cannot be imported is named, with the installed defaults', async () => {
  await assert.rejects(loadPlugins(['@gauzy-mcp/plugin-tasks', '@gauzy-mcp/plugin-payroll']), (error: unknown) =>
    isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /@gauzy-mcp\/plugin-payroll is invalid: cannot be loaded .*installed defaults: .*@gauzy-mcp\/plugin-tasks/.test((error as Error).message));
  await assert.rejects(loadPlugins(['@gauzy-mcp/core']), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /@gauzy-mcp\/core is invalid: has no default export/.test((error as Error).message));
});
