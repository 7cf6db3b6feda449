import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { PluginDefinition } from '@gauzy-mcp/core';
import { Inventory, type ListedTool } from '@gauzy-mcp/core/internal';
import { DEFAULT_PLUGIN_PACKAGES } from '../src/plugins.js';
import { checkPackSnapshots, packageRoot, renderSnapshot, SNAPSHOT_SUFFIX, TOOLSNAPS_DIR, updatingToolsnaps } from './toolsnaps.js';

const repo = new URL('../..', import.meta.url).pathname;

test('tool snapshots: every listed tool of the default packs matches its committed __toolsnaps__ file, none missing, none stale', async (t) => {
  const packs: Array<{ plugin: PluginDefinition; root: string }> = [];
  for (const name of DEFAULT_PLUGIN_PACKAGES) {
    const plugin = ((await import(name)) as { default: PluginDefinition }).default;
    packs.push({ plugin, root: packageRoot(name) });
  }
  const inventory = new Inventory(packs.map((pack) => pack.plugin), { toolsets: ['all'] });
  const update = updatingToolsnaps();
  const problems: string[] = [];
  let checked = 0;
  let shownDiff = false;
  for (const { plugin, root } of packs) {
    const listings = inventory.tools.filter((tool) => tool.plugin === plugin.name).map((tool) => tool.listing);
    checked += listings.length;
    const result = checkPackSnapshots(root, listings, update);
    for (const path of result.written) t.diagnostic(`wrote ${relative(repo, path)}`);
    for (const path of result.missing) problems.push(`missing: ${relative(repo, path)}`);
    for (const path of result.stale) problems.push(`stale (no such listed tool): ${relative(repo, path)}`);
    for (const change of result.changed) problems.push(`changed: ${relative(repo, change.path)}`);
    // The first changed snapshot shows its diff; the list below names the rest.
    const first = result.changed[0];
    if (first && !shownDiff) {
      shownDiff = true;
      t.diagnostic(`first change, in ${relative(repo, first.path)} (+ now listed, - committed):`);
      try {
        assert.deepEqual(JSON.parse(first.actual), JSON.parse(first.expected));
      } catch (error) {
        for (const line of (error as Error).message.split('\n').slice(1)) t.diagnostic(line);
      }
    }
  }
  assert.ok(checked > 0, 'the default packs list tools');
  assert.deepEqual(problems, [], 'tool snapshots differ from the listed tools: review the diff, then run `npm run toolsnaps:update` and commit the files');
});

test('the snapshot check names a missing, a changed and a stale snapshot; an update rewrites and removes exactly those', () => {
  const root = mkdtempSync(join(tmpdir(), 'toolsnaps-'));
  try {
    const listing = (name: string, description = `Does ${name}.`): ListedTool => ({
      name,
      title: name,
      description,
      inputSchema: { type: 'object', properties: {} },
      annotations: { readOnlyHint: true, openWorldHint: false },
    });
    const dir = join(root, TOOLSNAPS_DIR);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `kept${SNAPSHOT_SUFFIX}`), renderSnapshot(listing('kept')));
    writeFileSync(join(dir, `changed${SNAPSHOT_SUFFIX}`), renderSnapshot(listing('changed')));
    writeFileSync(join(dir, `gone${SNAPSHOT_SUFFIX}`), renderSnapshot(listing('gone')));
    const listings = [listing('kept'), listing('changed', 'Does something else.'), listing('added')];
    const checked = checkPackSnapshots(root, listings, false);
    assert.deepEqual(checked.missing, [join(dir, `added${SNAPSHOT_SUFFIX}`)]);
    assert.deepEqual(checked.changed.map((change) => change.path), [join(dir, `changed${SNAPSHOT_SUFFIX}`)]);
    assert.deepEqual(checked.stale, [join(dir, `gone${SNAPSHOT_SUFFIX}`)]);
    assert.deepEqual(checked.written, [], 'a check writes nothing');
    const updated = checkPackSnapshots(root, listings, true);
    assert.deepEqual(updated.written.sort(), [join(dir, `added${SNAPSHOT_SUFFIX}`), join(dir, `changed${SNAPSHOT_SUFFIX}`), `${join(dir, `gone${SNAPSHOT_SUFFIX}`)} (removed)`]);
    assert.deepEqual(readdirSync(dir).sort(), [`added${SNAPSHOT_SUFFIX}`, `changed${SNAPSHOT_SUFFIX}`, `kept${SNAPSHOT_SUFFIX}`]);
    const again = checkPackSnapshots(root, listings, false);
    assert.deepEqual([again.missing, again.changed, again.stale], [[], [], []]);
    // Key order in the entry does not matter; the snapshot is the same.
    const reordered = JSON.parse(JSON.stringify({ ...listing('kept'), inputSchema: { properties: {}, type: 'object' } })) as ListedTool;
    assert.equal(renderSnapshot(reordered), readFileSync(join(dir, `kept${SNAPSHOT_SUFFIX}`), 'utf8'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
