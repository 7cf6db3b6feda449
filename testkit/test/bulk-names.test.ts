import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { createKernel, definePlugin, defineTool, GauzyMcpError, KERNEL_API_VERSION, ok, silentLogger, uuid, validatePlugin, withBulkNames } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, packCatalog, type Sandbox, type TestClient } from '../src/index.js';

// Reference names of bulk routes Gauzy lacks (bulk_create_daily_plans): the one-item tool run per item, each
// reported, a bad item failing alone; callable, not listed.

const MISSING = '00000000-0000-4000-8000-000000000000';
const seen: Array<Record<string, unknown>> = [];

const createNote = defineTool({
  name: 'create_note',
  title: 'Create a note',
  description: 'Creates a note.',
  toolset: 'notes',
  effect: 'write',
  input: z.object({ text: z.string().min(1), pinned: z.boolean().default(false) }),
  routes: ['GET /api/employee/me'],
  handler: async (args, ctx) => {
    seen.push({ ...args, organizationId: ctx.scope.organizationId });
    return ok({ id: `note-${seen.length}`, ...args }, `Created ${args.text}`);
  },
});
const deleteNote = defineTool({
  name: 'delete_note',
  title: 'Delete a note',
  description: 'Deletes a note.',
  toolset: 'notes',
  effect: 'delete',
  input: z.object({ id: uuid() }),
  routes: ['GET /api/employee/me'],
  handler: async ({ id }) => {
    if (id === MISSING) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: ['The requested record was not found'] });
    return ok({ id }, `Deleted ${id}`);
  },
});

const plugin = definePlugin({
  name: 'notes', version: '1.0.0', description: 'Notes.', kernel: KERNEL_API_VERSION, toolsets: [{ name: 'notes', description: 'Notes', default: true }],
  tools: withBulkNames([createNote, deleteNote], { create_note: { bulk_create_notes: { field: 'notes' } }, delete_note: { bulk_delete_notes: { field: 'ids', ids: true } } }),
});

let sandbox: Sandbox;
let client: TestClient;
before(async () => {
  sandbox = await createSandbox({ seed: 'default' });
  client = await connectInMemory(createKernel({ plugins: [plugin], log: silentLogger, ...kernelOptionsFor(sandbox, 'employee') }).serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('a bulk name is callable, not listed, and runs its tool once per item with the caller\'s scope; a bad item fails alone, named by its field', async () => {
  assert.deepEqual((await client.listAllTools()).map((tool: { name: string }) => tool.name).sort(), ['create_note', 'delete_note']);
  assert.equal(packCatalog([plugin]).callable('bulk_create_notes'), 'bulk');
  seen.length = 0;
  const result = await client.call('bulk_create_notes', { notes: [{ text: 'one' }, { text: '' }, { text: 'three', pinned: true }, { text: 'four', colour: 'red' }] });
  assert.equal(result.isError, false, result.text);
  assert.deepEqual([result.structured!.succeeded, result.structured!.failed, result.structured!.total], [2, 2, 4]);
  assert.match(result.text, /- #1 ok: Created one\n/);
  assert.deepEqual(seen, [{ text: 'one', pinned: false, organizationId: sandbox.seed.organizationId }, { text: 'three', pinned: true, organizationId: sandbox.seed.organizationId }]);
  assert.match(result.text, /^Ran create_note for 2 of 4 items; 2 failed\./);
  assert.match(result.text, /- #2 failed: Invalid arguments for create_note \(text: /);
  assert.match(result.text, /- #4 failed: Invalid arguments for create_note \(colour: unknown argument; this tool takes text, pinned\)/);
});

test('a bulk name of ids runs each as { id }; a failing id is named; the items must be there, 1 to 50', async () => {
  const id = '11111111-1111-4111-8111-111111111111';
  const removed = await client.call('bulk_delete_notes', { ids: [id, MISSING, 'nope'] });
  assert.deepEqual([removed.structured!.succeeded, removed.structured!.failed], [1, 2]);
  assert.match(removed.text, new RegExp(`- #2 \\(id ${MISSING}\\) failed: The requested record was not found`));
  assert.match(removed.text, /- #3 \(id nope\) failed: Invalid arguments for delete_note \(id: must be a UUID\)/);
  assert.deepEqual((await client.call('bulk_delete_notes', { ids: [] })).error?.fields, ['ids']);
  assert.deepEqual((await client.call('bulk_delete_notes', { ids: Array.from({ length: 51 }, () => id) })).error?.fields, ['ids']);
  assert.deepEqual((await client.call('bulk_delete_notes', { notes: [id] })).error?.fields?.sort(), ['ids', 'notes']);
});

test('a bulk name without its items field, or of ids for a tool without id, is refused at load', () => {
  const refusal = (tools: ReturnType<typeof withBulkNames>) => {
    try {
      validatePlugin(definePlugin({ name: 'notes', version: '1.0.0', description: 'Notes.', kernel: KERNEL_API_VERSION, toolsets: [{ name: 'notes', description: 'Notes' }], tools }));
    } catch (error) {
      return String((error as Error).message);
    }
    return 'accepted';
  };
  assert.match(refusal(withBulkNames([createNote], { create_note: { bulk_create_notes: { field: '' } } })), /bulk name "bulk_create_notes" needs the field its items come in/);
  assert.match(refusal(withBulkNames([createNote], { create_note: { bulk_create_notes: { field: 'notes', ids: true } } })), /runs ids, but the tool takes no id/);
  assert.match(refusal(withBulkNames([createNote], { create_note: { create_note: { field: 'notes' } } })), /name "create_note" is used twice/);
});
