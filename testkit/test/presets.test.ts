import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { callerEmployeeId, callerUserId, createKernel, definePlugin, defineTool, describePreset, KERNEL_API_VERSION, ok, silentLogger, uuid } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, packCatalog, type Sandbox, type TestClient } from '../src/index.js';

// Reference names that are one filter of a listed tool (get_my_comments is list_comments with your employee):
// callable, not listed, the fixed arguments set by the kernel, the caller's ids filled in once it knows who calls.

const listRequests = defineTool({
  name: 'list_requests',
  title: 'List requests',
  description: 'Lists requests by employee, author and status.',
  toolset: 'requests',
  effect: 'read',
  input: z.object({ employeeId: uuid().optional(), authorId: uuid().optional(), status: z.enum(['REQUESTED', 'APPROVED']).optional(), take: z.number().int().default(20) }),
  routes: ['GET /api/employee/me'],
  presets: {
    get_my_requests: { employeeId: callerEmployeeId },
    get_pending_requests: { status: 'REQUESTED' },
    get_my_pending_written_requests: { authorId: callerUserId, status: 'REQUESTED' },
  },
  // Echoes what it was called with, so the test sees the arguments the kernel hands the handler.
  handler: async (args) => ok({ args }, JSON.stringify(args)),
});

const plugin = definePlugin({ name: 'requests', version: '1.0.0', description: 'Requests.', kernel: KERNEL_API_VERSION, toolsets: [{ name: 'requests', description: 'Requests', default: true }], tools: [listRequests] });

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

test('a preset name is callable and not listed; the catalog reads it as a preset', async () => {
  const listed = await client.listAllTools();
  assert.deepEqual(listed.map((tool: { name: string }) => tool.name), ['list_requests']);
  const catalog = packCatalog([plugin]);
  assert.equal(catalog.callable('get_my_requests'), 'preset');
  assert.equal(catalog.callable('list_requests'), 'listed');
  assert.deepEqual(catalog.listed[0]?.presets, ['get_my_requests', 'get_pending_requests', 'get_my_pending_written_requests']);
  assert.equal(describePreset(listRequests.presets!.get_my_pending_written_requests!), 'authorId = your user id, status = "REQUESTED"');
});

test("the handler gets the fixed literals and the caller's own ids beside the caller's other arguments", async () => {
  const { employee } = sandbox.seed.users;
  const mine = await client.call('get_my_requests', { take: 5 });
  assert.equal(mine.isError, false, mine.text);
  assert.deepEqual(mine.structured?.args, { employeeId: employee.employeeId, take: 5 });
  const pending = await client.call('get_pending_requests', {});
  assert.deepEqual(pending.structured?.args, { status: 'REQUESTED', take: 20 });
  const both = await client.call('get_my_pending_written_requests', { status: 'REQUESTED' });
  assert.deepEqual(both.structured?.args, { authorId: employee.id, status: 'REQUESTED', take: 20 });
  // The listed tool is untouched by its presets.
  assert.deepEqual((await client.call('list_requests', {})).structured?.args, { take: 20 });
});

test('an argument a preset fixes is refused with another value, naming it and the tool that chooses it; unknown ones as ever', async () => {
  const other = await client.call('get_pending_requests', { status: 'APPROVED' });
  assert.equal(other.isError, true);
  assert.equal(other.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  assert.match(other.text, /status: get_pending_requests fixes it to "REQUESTED"; call list_requests to choose another/);
  const someoneElse = await client.call('get_my_requests', { employeeId: sandbox.seed.users.superAdmin.employeeId });
  assert.match(someoneElse.text, /employeeId: get_my_requests fixes it to your employee id; call list_requests/);
  const unknown = await client.call('get_my_requests', { search: 'x' });
  assert.match(unknown.text, /search: unknown argument; this tool takes authorId, status, take, organizationId/);
  assert.doesNotMatch(unknown.text, /takes employeeId/);
});
