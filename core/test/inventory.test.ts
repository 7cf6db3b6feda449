import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { isGauzyMcpError } from '../src/errors.js';
import { annotationsFor, listedAnnotations, resolvedAnnotations } from '../src/annotations.js';
import { convertSchemas, Inventory, inventoryOptionsFromEnv } from '../src/inventory.js';
import { usePrebuiltSchemas } from '../src/prebuilt-schemas.js';
import { validatePlugin } from '../src/plugin-validation.js';
import { definePlugin, defineTool, KERNEL_API_VERSION, type PluginDefinition } from '../src/tool.js';
import { ok } from '../src/results.js';

const tool = (name: string, effect: 'read' | 'write' | 'delete', toolset = 'alpha', extra: Record<string, unknown> = {}) =>
  defineTool({ name, title: name, description: `Does ${name}.`, toolset, effect, input: z.object({}), routes: ['GET /api/tasks'], handler: async () => ok({}, ''), ...extra });

const plugin = (overrides: Partial<PluginDefinition> = {}): PluginDefinition =>
  definePlugin({
    name: 'sample',
    version: '1.0.0',
    description: 'sample',
    kernel: KERNEL_API_VERSION,
    toolsets: [{ name: 'alpha', description: 'a', default: true }, { name: 'beta', description: 'b' }],
    tools: [tool('list_things', 'read'), tool('create_thing', 'write', 'alpha', { aliases: ['add_thing'] }), tool('delete_thing', 'delete', 'beta')],
    ...overrides,
  });

test('effect drives annotations and scope', () => {
  const inventory = new Inventory([plugin()], { toolsets: ['all'] });
  const byName = Object.fromEntries(inventory.tools.map((entry) => [entry.name, entry]));
  assert.deepEqual(byName.list_things!.annotations, { title: 'list_things', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
  assert.equal(byName.list_things!.scope, 'mcp.read');
  assert.deepEqual({ ...byName.delete_thing!.annotations, title: undefined }, { title: undefined, readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false });
  assert.equal(byName.create_thing!.scope, 'mcp.write');
  assert.equal(byName.create_thing!.annotations.idempotentHint, false);
});

test('tools/list sends only the hints that differ from MCP\'s defaults, and a client applying the defaults reads them all', () => {
  const inventory = new Inventory([plugin()], { toolsets: ['all'] });
  const byName = Object.fromEntries(inventory.tools.map((entry) => [entry.name, entry]));
  assert.deepEqual(byName.list_things!.listing.annotations, { readOnlyHint: true, openWorldHint: false });
  assert.deepEqual(byName.create_thing!.listing.annotations, { readOnlyHint: false, destructiveHint: false, openWorldHint: false });
  assert.deepEqual(byName.delete_thing!.listing.annotations, { readOnlyHint: false, idempotentHint: true, openWorldHint: false });
  for (const entry of inventory.tools) assert.deepEqual(resolvedAnnotations(entry.listing.annotations, entry.listing.title), entry.annotations, entry.name);
  // Every combination survives the round trip, open-world tools included.
  for (const effect of ['read', 'write', 'delete'] as const)
    for (const idempotent of [true, false, undefined])
      for (const openWorld of [true, false, undefined]) {
        const full = annotationsFor({ title: 't', effect, idempotent, openWorld });
        const listed = listedAnnotations(full);
        assert.ok(!('title' in listed));
        assert.deepEqual(resolvedAnnotations(listed, 't'), full, `${effect} ${idempotent} ${openWorld}`);
      }
});

test('session tools get an optional organizationId; aliases resolve but are not listed twice', () => {
  const inventory = new Inventory([plugin()]);
  assert.equal(inventory.get('add_thing')?.name, 'create_thing');
  assert.equal(inventory.tools.filter((entry) => entry.name === 'create_thing').length, 1);
  assert.ok(!inventory.tools.some((entry) => entry.name === 'add_thing'));
  const props = inventory.get('list_things')!.listing.inputSchema.properties as Record<string, unknown>;
  assert.ok('organizationId' in props);
});

test('filters apply in order: toolsets, include, read-only, exclude (exclusion wins)', () => {
  const names = (options: ConstructorParameters<typeof Inventory>[1]) => new Inventory([plugin()], options).tools.map((entry) => entry.name);
  assert.deepEqual(names({ toolsets: ['all'] }), ['create_thing', 'delete_thing', 'list_things']);
  assert.deepEqual(names({ toolsets: ['beta'], include: ['list_things'] }), ['delete_thing', 'list_things']);
  assert.deepEqual(names({ toolsets: ['all'], readOnly: true }), ['list_things']);
  assert.deepEqual(names({ readOnly: true, include: ['create_thing'] }), ['list_things']);
  assert.deepEqual(names({ toolsets: ['all'], exclude: ['add_thing'], include: ['create_thing'] }), ['delete_thing', 'list_things']);
});

test('toolsets: the default ones unless named; "all" serves every one, a list exactly those, "default" in a list adds the defaults', () => {
  const names = (toolsets?: string[]) => new Inventory([plugin()], toolsets ? { toolsets } : {}).tools.map((entry) => entry.name);
  const alphaOnly = ['create_thing', 'list_things'];
  assert.deepEqual(names(), alphaOnly, 'nothing named: only the toolsets their plugin marks default');
  assert.deepEqual(names([]), alphaOnly, 'an empty list is the same as none');
  assert.deepEqual(names(['default']), alphaOnly);
  assert.deepEqual(names(['all']), ['create_thing', 'delete_thing', 'list_things']);
  assert.deepEqual(names(['beta']), ['delete_thing'], 'a list serves exactly its toolsets, defaults not added');
  assert.deepEqual(names(['beta', 'default']), ['create_thing', 'delete_thing', 'list_things']);
  // Opt-in: a toolset that does not say default: true is not served unless named.
  const unmarked = plugin({ toolsets: [{ name: 'alpha', description: 'a' }, { name: 'beta', description: 'b' }] });
  assert.deepEqual(new Inventory([unmarked]).tools.map((entry) => entry.name), []);
  const info = new Inventory([plugin()]).toolsets.map(({ name, default: isDefault, tools }) => ({ name, isDefault, tools }));
  assert.deepEqual(info, [{ name: 'alpha', isDefault: true, tools: 2 }, { name: 'beta', isDefault: false, tools: 0 }], 'every toolset is reported, with the tools it serves');
});

test('an unknown toolset stops start-up naming every unknown one, the known ones and which are default', () => {
  assert.throws(
    () => new Inventory([plugin()], { toolsets: ['alpha', 'gamma', 'delta'] }),
    (error: unknown) =>
      isGauzyMcpError(error, 'GMCP_ERR_CONFIG_INVALID') &&
      error.message.includes('unknown toolsets "gamma", "delta"; known: alpha, beta (default: alpha), or "all" or "default"'),
  );
});

test('"all" and "default" are reserved: a plugin cannot declare a toolset so named', () => {
  for (const name of ['all', 'default']) {
    assert.throws(
      () => validatePlugin(plugin({ toolsets: [{ name, description: 'x' }], tools: [tool('list_things', 'read', name)] })),
      (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /reserved/.test(error.message),
    );
  }
});

test('scope views hide tools above the token\'s scopes', () => {
  const inventory = new Inventory([plugin()], { toolsets: ['all'] });
  assert.deepEqual(inventory.visibleTo(['mcp.read']).map((entry) => entry.name), ['list_things']);
  assert.equal(inventory.visibleTo(['mcp.write']).length, 3);
});

test('configuration errors name what is wrong and list what exists', () => {
  assert.throws(() => new Inventory([plugin()], { toolsets: ['gamma'] }), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_CONFIG_INVALID') && /gamma.*alpha, beta/.test(error.message));
  assert.throws(() => new Inventory([plugin()], { exclude: ['nope'] }), /unknown tool "nope"/);
  assert.throws(() => inventoryOptionsFromEnv({ GAUZY_MCP_READ_ONLY: 'maybe' }), /GAUZY_MCP_READ_ONLY/);
  assert.deepEqual(inventoryOptionsFromEnv({ GAUZY_MCP_TOOLSETS: 'alpha, beta', GAUZY_MCP_READ_ONLY: 'true', GAUZY_MCP_EXCLUDE_TOOLS: 'x' }), { toolsets: ['alpha', 'beta'], readOnly: true, include: undefined, exclude: ['x'] });
});

test('bad plugins fail at load with a coded error naming the plugin', () => {
  const cases: Array<[Partial<PluginDefinition>, RegExp]> = [
    [{ name: 'Bad Name' }, /name must match/],
    [{ version: 'one' }, /semver/],
    [{ kernel: '^99.0.0' }, /needs kernel API \^99\.0\.0, this kernel implements 1\.3\.0/],
    [{ tools: [tool('x', 'read')] }, /must match/],
    [{ tools: [tool('list_things', 'read', 'gamma')] }, /toolset "gamma"/],
    [{ tools: [tool('list_things', 'read', 'alpha', { routes: ['GET /nope'] })] }, /route "GET \/nope"/],
    [{ tools: [tool('list_things', 'read', 'alpha', { description: 'x'.repeat(700) })] }, /description/],
    [{ tools: [tool('list_things', 'read'), tool('list_things', 'write')] }, /used twice/],
  ];
  for (const [overrides, message] of cases) {
    assert.throws(() => validatePlugin(plugin(overrides)), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && message.test(error.message) && error.details.plugin === (overrides.name ?? 'sample'), String(message));
  }
});

test('two plugins defining the same tool name stop the load', () => {
  const other = plugin({ name: 'other', tools: [tool('add_thing', 'read')] });
  assert.throws(() => new Inventory([plugin(), other]), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_DUPLICATE_TOOL') && /add_thing.*sample.*other/.test(error.message));
});

// An output schema zod converts to something other than an object: publishing it fails (GMCP_ERR_PLUGIN_INVALID).
const unpublishable = z.object({ a: z.string() }).meta({ type: 'string' });

test('only the tools served are converted to JSON Schema at start: a toolset not served costs no conversion', () => {
  const broken = () => plugin({ tools: [tool('list_things', 'read'), tool('delete_thing', 'delete', 'beta', { output: unpublishable })] });
  // Served: the start fails, naming the schema.
  assert.throws(() => new Inventory([broken()], { toolsets: ['all'] }), (error: unknown) => isGauzyMcpError(error) && error.code === 'GMCP_ERR_PLUGIN_INVALID');
  // Not served: never converted, so the start succeeds (before, every registered tool was converted, served or not).
  const inventory = new Inventory([broken()], { toolsets: ['alpha'] });
  assert.deepEqual(inventory.tools.map((entry) => entry.name), ['list_things']);
});

test('a pack\'s schemas converted earlier are listed as handed over; the tools not handed over are converted', () => {
  const output = { type: 'object' as const, description: 'handed over', properties: {} };
  const input = { type: 'object' as const, description: 'handed over input', properties: {} };
  const handed = plugin({ tools: [tool('list_things', 'read'), tool('delete_thing', 'delete', 'beta', { output: unpublishable })] });
  usePrebuiltSchemas(handed, { delete_thing: { input, output } });
  const inventory = new Inventory([handed], { toolsets: ['all'] });
  assert.deepEqual(inventory.get('delete_thing')!.listing.outputSchema, output);
  assert.deepEqual(inventory.get('delete_thing')!.listing.inputSchema, input);
  assert.ok('organizationId' in (inventory.get('list_things')!.listing.inputSchema.properties as object), 'converted as usual');
  // What a build keeps is always converted anew, whatever was handed over.
  const converted = convertSchemas(plugin());
  assert.deepEqual(Object.keys(converted).sort(), ['create_thing', 'delete_thing', 'list_things']);
  assert.deepEqual(converted.list_things!.input, new Inventory([plugin()]).get('list_things')!.listing.inputSchema);
  assert.throws(() => convertSchemas(handed), (error: unknown) => isGauzyMcpError(error) && error.code === 'GMCP_ERR_PLUGIN_INVALID');
});
