import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { deleteTool, recoverTool } from '../src/crud.js';
import { crudServiceCannotRecover, defineEntity } from '../src/entity.js';
import { ToolDispatcher, type Caller } from '../src/dispatch.js';
import { isGauzyMcpError } from '../src/errors.js';
import { Inventory } from '../src/inventory.js';
import { silentLogger } from '../src/log.js';
import { validatePlugin } from '../src/plugin-validation.js';
import { ok } from '../src/results.js';
import { retiredTool } from '../src/retired.js';
import { definePlugin, defineTool, KERNEL_API_VERSION, type PluginDefinition, type ServerFacts } from '../src/tool.js';

// Issue #16: a tool Gauzy cannot back (restore over the generic recover route) is withdrawn, but its name stays
// callable and says why, so prompts that name it get an answer instead of "unknown tool".

const archivable = defineEntity({ name: 'gadget', gauzyClass: 'Equipment', noun: 'gadget', plural: 'gadgets', path: '/api/equipment', scope: 'organization', fields: {}, operations: ['findById', 'delete', 'softDelete', 'recover'], softDelete: crudServiceCannotRecover('gadgets') });
const recoverable = defineEntity({ name: 'gadget', gauzyClass: 'Equipment', noun: 'gadget', plural: 'gadgets', path: '/api/equipment', scope: 'organization', fields: {}, operations: ['findById', 'delete', 'softDelete', 'recover'], softDelete: { recover: true } });

const listThings = defineTool({ name: 'list_gadgets', title: 'List', description: 'Lists gadgets.', toolset: 'gadgets', effect: 'read', input: z.object({}), routes: ['GET /api/equipment'], handler: async () => ok({}, '') });

const gadgetPlugin = (entity = archivable): PluginDefinition =>
  definePlugin({
    name: 'gadgets',
    version: '1.0.0',
    description: 'Gadgets.',
    kernel: KERNEL_API_VERSION,
    toolsets: [{ name: 'gadgets', description: 'Gadgets', default: true }],
    tools: [
      listThings,
      deleteTool(entity, { name: 'archive_gadget', title: 'Archive', description: 'Soft-delete a gadget.', toolset: 'gadgets', mode: 'soft' }),
      recoverTool(entity, { name: 'restore_gadget', title: 'Restore', description: 'Restore a gadget.', toolset: 'gadgets', aliases: ['recover_gadget'] }),
    ],
  });

const facts = (inventory: Inventory): ServerFacts => ({
  name: 'test', version: '0.0.0', protocolVersions: [], transport: 'memory', gauzyBaseUrl: 'http://127.0.0.1:9', sandbox: true, readOnly: false,
  toolCount: inventory.tools.length, toolsets: [], plugins: [],
});

/** A caller whose every use fails the test: a retired tool must not reach Gauzy or the session. */
const untouchable = new Proxy({} as Caller, {
  get: (_target, key) => {
    // What the caller may call (scopes, the connection's tool selection) is read first; Gauzy and the session never.
    if (key === 'scopes' || key === 'view' || key === 'subject' || key === 'then') return undefined;
    throw new Error(`the retired tool touched caller.${String(key)}`);
  },
});

test('a restore tool over an entity Gauzy cannot recover is retired: callable by name and alias, not listed, not counted', () => {
  const inventory = new Inventory([gadgetPlugin()]);
  assert.deepEqual(inventory.tools.map((tool) => tool.name), ['archive_gadget', 'list_gadgets']);
  assert.deepEqual(inventory.retired.map((tool) => tool.name), ['restore_gadget']);
  assert.match(inventory.get('restore_gadget')?.definition.retired?.reason ?? '', /^Gauzy's API cannot restore archived \(soft-deleted\) gadgets/);
  assert.equal(inventory.get('recover_gadget')?.name, 'restore_gadget');
  assert.equal(inventory.toolsets.find((toolset) => toolset.name === 'gadgets')?.tools, 2);
  assert.equal(inventory.plugins[0]?.tools, 2);
  assert.ok(!inventory.visibleTo(['mcp.read', 'mcp.write']).some((tool) => tool.name === 'restore_gadget'));
  // It is selected like any tool (toolsets, include/exclude), and stays in read-only servers (it changes nothing).
  assert.equal(new Inventory([gadgetPlugin()], { readOnly: true }).get('restore_gadget')?.name, 'restore_gadget');
  assert.equal(new Inventory([gadgetPlugin()], { exclude: ['restore_gadget'] }).get('restore_gadget'), undefined);
});

test('calling a retired name answers GMCP_ERR_TOOL_RETIRED with the reason, whatever the arguments, and touches nothing', async () => {
  const inventory = new Inventory([gadgetPlugin()]);
  const dispatcher = new ToolDispatcher(inventory, facts(inventory), silentLogger);
  for (const [name, args] of [['restore_gadget', { id: 'not-even-a-uuid' }], ['recover_gadget', undefined]] as const) {
    const result = await dispatcher.call(name, args, { caller: untouchable, signal: new AbortController().signal });
    assert.equal(result.isError, true);
    const text = (result.content[0] as { text: string }).text;
    assert.match(text, /^GMCP_ERR_TOOL_RETIRED: The tool restore_gadget is not offered: Gauzy's API cannot restore archived \(soft-deleted\) gadgets/);
    assert.match(text, /answers 404/);
  }
});

test('where the entity can be recovered, the restore tool is listed over PUT /:id/recover and the archive tool says it can be restored', () => {
  const inventory = new Inventory([gadgetPlugin(recoverable)]);
  const restore = inventory.tools.find((tool) => tool.name === 'restore_gadget');
  assert.ok(restore, 'restore_gadget is listed');
  assert.deepEqual(restore.definition.routes, ['PUT /api/equipment/:id/recover']);
  assert.equal(inventory.retired.length, 0);
});

test('an entity spec that does not say whether Gauzy can recover stops the pack that archives or restores it', () => {
  // defineEntity refuses a soft-deleting entity that does not say; a hand-made spec can still get here.
  assert.throws(() => defineEntity({ name: 'gadget', gauzyClass: 'Equipment', noun: 'gadget', plural: 'gadgets', path: '/api/equipment', scope: 'organization', fields: {}, operations: ['softDelete'] }), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /does not say whether Gauzy can recover/.test(error.message));
  const silent = { ...defineEntity({ name: 'gadget', gauzyClass: 'Equipment', noun: 'gadget', plural: 'gadgets', path: '/api/equipment', scope: 'organization', fields: {}, operations: ['delete'] }), softDelete: undefined };
  for (const build of [
    () => recoverTool(silent, { name: 'restore_gadget', title: 'Restore', description: 'Restore.', toolset: 'gadgets' }),
    () => deleteTool(silent, { name: 'archive_gadget', title: 'Archive', description: 'Archive.', toolset: 'gadgets', mode: 'soft' }),
  ]) {
    assert.throws(build, (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /gadget entity spec does not say/.test(error.message));
  }
  // A hard delete needs no answer.
  assert.doesNotThrow(() => deleteTool(silent, { name: 'delete_gadget', title: 'Delete', description: 'Delete.', toolset: 'gadgets', mode: 'hard' }));
});

test('a retired tool must give its reason', () => {
  const bad = { ...retiredTool({ name: 'old_gadget', title: 'Old', toolset: 'gadgets', reason: 'gone' }), retired: { reason: '' } };
  assert.throws(() => validatePlugin({ ...gadgetPlugin(), tools: [listThings, bad] }), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /must say why/.test(error.message));
});
