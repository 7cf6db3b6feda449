import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, defineEntity, definePlugin, deleteTool, KERNEL_API_VERSION, recoverTool, silentLogger } from '@gauzy-mcp/core';
import { z } from 'zod';
import { connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '../src/index.js';

// Issue #16, the other half: where Gauzy's service recovers with withDeleted (EmployeeService does; the
// employees pack comes later), the restore tool is offered and works. A test entity on the equipment routes
// stands in for it: `softDelete: { recover: true }` is also what teaches the sandbox the withDeleted recover.

const gadget = defineEntity({
  name: 'testGadget', gauzyClass: 'Equipment', noun: 'gadget', plural: 'gadgets', path: '/api/equipment',
  operations: ['findById', 'softDelete', 'recover'], scope: 'organization', fields: { name: z.string() }, softDelete: { recover: true },
});
const gadgetsPlugin = definePlugin({
  name: 'gadgets',
  version: '1.0.0',
  description: 'Test gadgets.',
  kernel: KERNEL_API_VERSION,
  toolsets: [{ name: 'gadgets', description: 'Gadgets', default: true }],
  tools: [
    deleteTool(gadget, { name: 'archive_gadget', title: 'Archive a gadget', description: 'Soft-delete a gadget; restore_gadget brings it back.', toolset: 'gadgets', mode: 'soft' }),
    recoverTool(gadget, { name: 'restore_gadget', title: 'Restore a gadget', description: 'Bring back an archived gadget.', toolset: 'gadgets' }),
  ],
});

let sandbox: Sandbox;
let client: TestClient;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: [gadget] });
  client = await connectInMemory(createKernel({ plugins: [gadgetsPlugin], log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('recover: true — restore_gadget is listed, and archive then restore brings the row back in the sandbox', async () => {
  const listed = (await client.listAllTools()).map((tool) => tool.name);
  assert.deepEqual(listed.sort(), ['archive_gadget', 'restore_gadget']);
  const row = sandbox.db.insert('testGadget', { name: 'Drill', tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, deletedAt: null });
  const archived = await client.call('archive_gadget', { id: row.id });
  assert.equal(archived.isError, false, archived.text);
  assert.equal(archived.structured!.recoverable, true);
  assert.match(archived.text, /it can be restored/);
  assert.ok(sandbox.db.get('testGadget', row.id)?.deletedAt);
  const restored = await client.call('restore_gadget', { id: row.id });
  assert.equal(restored.isError, false, restored.text);
  assert.equal(sandbox.db.get('testGadget', row.id)?.deletedAt, null);
  const missing = await client.call('restore_gadget', { id: '00000000-0000-4000-8000-000000000000' });
  assert.equal(missing.error?.status, 400);
  assert.deepEqual(missing.error?.gauzyMessages, ['An error occurred during restoring entity: The requested record was not found']);
});
