import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { PluginDefinition } from '@gauzy-mcp/core';
import { loadConfiguredPlugins } from '../src/index.js';

const HOST_DIR = fileURLToPath(new URL('..', import.meta.url));

test('the composition root sees each plugin as it is loaded, with the specifier it was imported as (a package or a path)', async () => {
  const seen: Array<[string, string]> = [];
  const plugins = await loadConfiguredPlugins(['@gauzy-mcp/plugin-tasks', './test/fixtures/conformance-plugin.ts'], {
    baseDir: HOST_DIR,
    prepare: (plugin: PluginDefinition, specifier: string) => seen.push([plugin.name, specifier]),
  });
  assert.deepEqual(
    seen.map(([name]) => name),
    plugins.map((plugin) => plugin.name),
  );
  assert.equal(seen[0]![1], '@gauzy-mcp/plugin-tasks');
  assert.equal(seen[1]![1], new URL('../test/fixtures/conformance-plugin.ts', import.meta.url).href);
});
