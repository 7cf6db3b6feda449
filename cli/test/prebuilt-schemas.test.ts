import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { definePlugin, defineTool, KERNEL_API_VERSION, ok, type PluginDefinition } from '@gauzy-mcp/core';
import { convertSchemas, Inventory } from '@gauzy-mcp/core/internal';
import { DEFAULT_PLUGIN_PACKAGES } from '../src/plugins.js';
import { kernelCode, SCHEMAS_FILE, schemasSource, usePrebuiltSchemasIfCurrent, writePrebuiltSchemas } from '../src/prebuilt-schemas.js';

const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-prebuilt-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const samplePlugin = (): PluginDefinition =>
  definePlugin({
    name: 'sample',
    version: '1.0.0',
    description: 'sample',
    kernel: KERNEL_API_VERSION,
    toolsets: [{ name: 'alpha', description: 'a', default: true }],
    tools: [
      defineTool({
        name: 'list_things',
        title: 'List things',
        description: 'Lists things.',
        toolset: 'alpha',
        effect: 'read',
        input: z.object({ take: z.number().int().max(50).optional() }),
        output: z.object({ total: z.number() }),
        routes: ['GET /api/tasks'],
        handler: async () => ok({ total: 0 }, ''),
      }),
    ],
  });

/** A pack's and a kernel's built files in a scratch folder, the pack's schemas kept beside them with a marker put in. */
function builtPack(name: string) {
  const packDir = join(scratch, name, 'pack');
  const coreDir = join(scratch, name, 'core');
  mkdirSync(packDir, { recursive: true });
  mkdirSync(coreDir, { recursive: true });
  writeFileSync(join(packDir, 'index.js'), 'export default {};\n');
  writeFileSync(join(packDir, 'chunk-A.js'), 'export const a = 1;\n');
  writeFileSync(join(coreDir, 'index.js'), 'export const kernel = 1;\n');
  writePrebuiltSchemas(samplePlugin(), packDir, kernelCode(coreDir));
  const file = JSON.parse(readFileSync(join(packDir, SCHEMAS_FILE), 'utf8'));
  file.schemas.list_things.output.description = 'kept at build';
  writeFileSync(join(packDir, SCHEMAS_FILE), JSON.stringify(file));
  return { packDir, coreDir, entry: pathToFileURL(join(packDir, 'index.js')).href };
}

const listedOutput = (plugin: PluginDefinition) => new Inventory([plugin], { toolsets: ['all'] }).get('list_things')!.listing.outputSchema;

test('a pack loaded from the files its schemas were converted from is listed from what its build kept', () => {
  const { coreDir, entry } = builtPack('current');
  const plugin = samplePlugin();
  assert.equal(usePrebuiltSchemasIfCurrent(plugin, entry, () => kernelCode(coreDir)), true);
  assert.equal(listedOutput(plugin)?.description, 'kept at build');
});

test('a pack or a kernel changed since the build, or a damaged file, is converted at start instead', () => {
  const converted = listedOutput(samplePlugin());
  assert.notEqual(converted?.description, 'kept at build');
  const changes: Record<string, (pack: ReturnType<typeof builtPack>) => void> = {
    'a pack file edited': ({ packDir }) => writeFileSync(join(packDir, 'chunk-A.js'), 'export const a = 2;\n'),
    'a pack file added': ({ packDir }) => writeFileSync(join(packDir, 'chunk-B.js'), 'export const b = 1;\n'),
    'the kernel rebuilt': ({ coreDir }) => writeFileSync(join(coreDir, 'index.js'), 'export const kernel = 2;\n'),
    'the file cut short': ({ packDir }) => writeFileSync(join(packDir, SCHEMAS_FILE), readFileSync(join(packDir, SCHEMAS_FILE), 'utf8').slice(0, 40)),
    'the file of another shape': ({ packDir }) => writeFileSync(join(packDir, SCHEMAS_FILE), '[1,2]'),
    'no file': ({ packDir }) => rmSync(join(packDir, SCHEMAS_FILE)),
  };
  for (const [change, make] of Object.entries(changes)) {
    const pack = builtPack(change.replace(/\W+/g, '-'));
    make(pack);
    const plugin = samplePlugin();
    assert.equal(usePrebuiltSchemasIfCurrent(plugin, pack.entry, () => kernelCode(pack.coreDir)), false, change);
    assert.deepEqual(listedOutput(plugin), converted, change);
  }
  // A pack not loaded from a file keeps the conversion too.
  assert.equal(usePrebuiltSchemasIfCurrent(samplePlugin(), 'data:text/javascript,export default {}', () => kernelCode()), false);
});

test('every default pack, as built, keeps the schemas its files convert to', async (t) => {
  const coreDist = fileURLToPath(new URL('../../core/dist/', import.meta.url));
  assert.ok(existsSync(join(coreDist, 'index.js')), 'core/dist is missing: run "npm run setup" (install + build) first');
  for (const name of DEFAULT_PLUGIN_PACKAGES) {
    const packDist = fileURLToPath(new URL(`../../plugins/${name.replace('@gauzy-mcp/plugin-', '')}/dist/`, import.meta.url));
    const kept = JSON.parse(readFileSync(join(packDist, SCHEMAS_FILE), 'utf8'));
    // Converted from exactly the built files a start loads (a stale file would be refused, not used).
    assert.equal(kept.from, schemasSource(dirname(join(packDist, 'index.js')), kernelCode(coreDist)), `${name}: ${SCHEMAS_FILE} is not current: run npm run build`);
    const plugin = ((await import(pathToFileURL(join(packDist, 'index.js')).href)) as { default: PluginDefinition }).default;
    assert.deepEqual(kept.schemas, convertSchemas(plugin), name);
    t.diagnostic(`${name}: ${Object.keys(kept.schemas).length} tools`);
  }
});
