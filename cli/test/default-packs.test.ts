import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_PLUGIN_PACKAGES, loadPlugins, pluginPackagesFromEnv } from '../src/plugins.js';

test('the default packs are the CLI\'s own @gauzy-mcp/plugin-* dependencies, the one list of them', async () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  const packs = ['candidates', 'comments', 'contacts', 'daily-plans', 'diagnostics', 'employees', 'equipment', 'expenses', 'goals', 'income', 'invoices', 'products', 'projects', 'reports', 'sales', 'session', 'skills', 'tasks', 'time-off', 'time-tracking', 'warehouses', 'workflows'];
  assert.deepEqual(DEFAULT_PLUGIN_PACKAGES, packs.map((pack) => `@gauzy-mcp/plugin-${pack}`));
  assert.ok(DEFAULT_PLUGIN_PACKAGES.every((name) => name in manifest.dependencies));
  const plugins = await loadPlugins();
  assert.deepEqual(plugins.map((plugin) => plugin.name), packs);
});

test('GAUZY_MCP_PLUGINS replaces the default packs', () => {
  assert.deepEqual(pluginPackagesFromEnv({}), DEFAULT_PLUGIN_PACKAGES);
  assert.deepEqual(pluginPackagesFromEnv({ GAUZY_MCP_PLUGINS: '@gauzy-mcp/plugin-tasks, ./mine.js' }), ['@gauzy-mcp/plugin-tasks', './mine.js']);
});
