import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { PluginDefinition } from '@gauzy-mcp/core';
import { Inventory } from '@gauzy-mcp/core/internal';
import { catalogSizes, formatBytes, type CatalogSizes } from '../src/catalog-size.js';
import { toolsReport } from '../src/commands/tools.js';
import { allPlugins } from './helpers.js';

// Issue #9: tools/list is paid for in every conversation. These budgets hold the catalog to what a model can
// afford; the figures are printed on every run so a change's cost is visible.

/** No single tool's tools/list entry may exceed this. */
const MAX_TOOL_BYTES = 2048;

/**
 * The default toolsets a client gets without asking: held to 40 KB. What it took, from 58.3 KB: annotations
 * that send only the hints differing from MCP's defaults and no second title (5.9 -> 3.0 KB), no description
 * on the organizationId every tool takes (the server instructions say it once), one listed tool per job
 * (get_tasks_pagination and get_auth_status are aliases), and the bulk tools in their own toolsets.
 */
const DEFAULT_TOOLSETS_BUDGET = 40 * 1024;

/** The whole catalog, every toolset of every pack: 340 tools when the packs have landed. */
const FULL_CATALOG_BUDGET = 180 * 1024;
/** Catalog mode is for clients with small tool budgets: its listing (the meta-tools) holds to 8 KB. */
const CATALOG_MODE_BUDGET = 8 * 1024;

/**
 * The average that fits 340 tools into the full budget is 529 bytes; today's tools are the widest entities
 * (projects, tasks: 18 fields each) and average more. Held at what was reached so no pack makes it worse;
 * the full budget above is the limit that counts.
 */
const AVERAGE_TOOL_BUDGET = 1160;
const AVERAGE_TOOL_TARGET = Math.floor(FULL_CATALOG_BUDGET / 340);

let plugins: PluginDefinition[];
let sizes: CatalogSizes;

before(async () => {
  plugins = await allPlugins();
  sizes = catalogSizes(plugins);
});

test('catalog size: the figures, and the budgets they must stay within', (t) => {
  t.diagnostic(`all packs: ${sizes.tools} tools, ${formatBytes(sizes.bytes)} (budget ${formatBytes(FULL_CATALOG_BUDGET)}), ${sizes.averageBytes} bytes a tool on average (340 tools fit at ${AVERAGE_TOOL_TARGET}; held at ${AVERAGE_TOOL_BUDGET})`);
  t.diagnostic(`  at that average, 340 tools would take ${formatBytes(sizes.averageBytes * 340)} (target 180 KB)`);
  for (const pack of sizes.packs) t.diagnostic(`  ${pack.name}: ${pack.tools} tools, ${formatBytes(pack.bytes)}`);
  t.diagnostic(`default toolsets (${sizes.defaultToolsets.names.join(', ')}): ${sizes.defaultToolsets.tools} tools, ${formatBytes(sizes.defaultToolsets.bytes)} (budget ${formatBytes(DEFAULT_TOOLSETS_BUDGET)})`);
  t.diagnostic(`catalog mode: ${sizes.catalogMode.stateful.tools} meta-tools, ${formatBytes(sizes.catalogMode.stateful.bytes)} (stateless: ${sizes.catalogMode.stateless.tools}, ${formatBytes(sizes.catalogMode.stateless.bytes)}; budget ${formatBytes(CATALOG_MODE_BUDGET)})`);
  t.diagnostic(`largest tool: ${sizes.largest?.name}, ${sizes.largest?.bytes} bytes (max ${MAX_TOOL_BYTES})`);
  for (const tool of sizes.perTool.slice(0, 5)) t.diagnostic(`  ${tool.name}: ${tool.bytes} bytes`);

  assert.deepEqual(sizes.perTool.filter((tool) => tool.bytes > MAX_TOOL_BYTES).map((tool) => `${tool.name}: ${tool.bytes} bytes`), [], `no tool over ${MAX_TOOL_BYTES} bytes`);
  assert.ok(sizes.defaultToolsets.bytes <= DEFAULT_TOOLSETS_BUDGET, `default toolsets take ${sizes.defaultToolsets.bytes} bytes, over ${DEFAULT_TOOLSETS_BUDGET}`);
  assert.ok(sizes.bytes <= FULL_CATALOG_BUDGET, `the full catalog takes ${sizes.bytes} bytes, over ${FULL_CATALOG_BUDGET}`);
  assert.ok(sizes.averageBytes <= AVERAGE_TOOL_BUDGET, `the average tool takes ${sizes.averageBytes} bytes, over ${AVERAGE_TOOL_BUDGET}`);
  assert.ok(sizes.catalogMode.stateful.bytes <= CATALOG_MODE_BUDGET, `catalog mode's tools/list takes ${sizes.catalogMode.stateful.bytes} bytes, over ${CATALOG_MODE_BUDGET}`);
  assert.ok(sizes.catalogMode.stateless.bytes < sizes.catalogMode.stateful.bytes && sizes.catalogMode.stateless.tools === sizes.catalogMode.stateful.tools - 1, 'a stateless request is not offered enable_toolset');
});

test('catalog size: the figures add up and are measured on the entries tools/list sends', () => {
  const inventory = new Inventory(plugins, { toolsets: ['all'] });
  assert.equal(sizes.tools, inventory.tools.length);
  assert.equal(sizes.bytes, inventory.tools.reduce((sum, tool) => sum + Buffer.byteLength(JSON.stringify(tool.listing)), 0));
  assert.equal(sizes.packs.reduce((sum, pack) => sum + pack.bytes, 0), sizes.bytes);
  assert.equal(sizes.packs.reduce((sum, pack) => sum + pack.tools, 0), sizes.tools);
  const defaults = new Inventory(plugins, { toolsets: ['default'] });
  assert.equal(sizes.defaultToolsets.tools, defaults.tools.length);
  assert.ok(sizes.defaultToolsets.tools > 0 && sizes.defaultToolsets.bytes <= sizes.bytes);
  assert.equal(sizes.largest?.bytes, Math.max(...sizes.perTool.map((tool) => tool.bytes)));
});

test('every listed schema is an object schema as MCP requires, without the noise the slimming removes', () => {
  for (const tool of new Inventory(plugins, { toolsets: ['all'] }).tools) {
    const { inputSchema, outputSchema } = tool.listing;
    assert.equal(inputSchema.type, 'object', `${tool.name} input`);
    assert.equal(typeof inputSchema.properties, 'object', `${tool.name} input lists its properties`);
    if (outputSchema) assert.equal(outputSchema.type, 'object', `${tool.name} output`);
    const json = JSON.stringify(tool.listing);
    for (const noise of ['"$schema"', '9007199254740991', '"additionalProperties":{}', '"_meta"']) assert.ok(!json.includes(noise), `${tool.name} carries ${noise}`);
    assert.ok(!/"format":"uuid","pattern"|"pattern":"[^"]*","format":"uuid"/.test(json), `${tool.name} repeats the uuid pattern`);
  }
});

test('a schema that points the model at another tool names a listed one', () => {
  const inventory = new Inventory(plugins, { toolsets: ['all'] });
  const listed = new Set(inventory.tools.map((tool) => tool.name));
  const pointers: string[] = [];
  const walk = (node: unknown, owner: string): void => {
    if (Array.isArray(node)) return node.forEach((entry) => walk(entry, owner));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') {
        for (const [, name] of value.matchAll(/\bas in ([a-z]+(?:_[a-z]+)+)/g)) pointers.push(listed.has(name!) ? '' : `${owner} points at ${name}, which is not listed`);
      } else walk(value, owner);
    }
  };
  for (const tool of inventory.tools) walk(tool.listing.inputSchema, tool.name);
  assert.ok(pointers.length > 0, 'the bulk tools point at their single-record tools');
  assert.deepEqual(pointers.filter(Boolean), []);
});

test('gauzy-mcp tools prints the catalog bytes: total, per pack, default toolsets, largest tool, each tool', () => {
  const report = toolsReport(plugins);
  const lines = report.split('\n');
  assert.match(lines[0]!, new RegExp(`^${sizes.tools} tools in ${plugins.length} packs$`));
  assert.ok(lines.includes(`tools/list: ${formatBytes(sizes.bytes)} for all ${sizes.tools} tools, ${sizes.averageBytes.toLocaleString('en-US')} bytes a tool on average`), report);
  assert.ok(lines.includes(`default toolsets (${sizes.defaultToolsets.names.join(', ')}): ${sizes.defaultToolsets.tools} tools, ${formatBytes(sizes.defaultToolsets.bytes)}`), report);
  assert.ok(lines.includes(`largest tool: ${sizes.largest!.name}, ${sizes.largest!.bytes.toLocaleString('en-US')} bytes`), report);
  for (const pack of sizes.packs) assert.ok(lines.some((line) => new RegExp(`^${pack.name} [\\d.]+: ${pack.tools} tools, ${formatBytes(pack.bytes).replace(/[().]/g, '\\$&')}$`).test(line)), pack.name);
  for (const tool of sizes.perTool) assert.ok(lines.some((line) => line.startsWith(`  ${tool.name}`) && line.endsWith(`  ${tool.bytes} bytes`)), tool.name);
});
