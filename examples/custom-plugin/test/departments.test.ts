import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, crudConformance, findGauzyRoute, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import departmentsPlugin, { departmentEntity } from '../src/index.js';
import { departmentSandbox } from '../src/sandbox.js';

// The generated suite: create changes the sandbox state, bad arguments name the field, missing ids are not found,
// the employee is refused where Gauzy's permissions refuse the role, relations resolve, paging reaches every row.
crudConformance({
  entity: departmentEntity,
  plugin: departmentsPlugin,
  sandboxEntities: departmentSandbox,
  sample: { create: { name: 'Quality' }, update: { name: 'Quality assurance' } },
});

let sandbox: Sandbox;
let client: TestClient;

before(async () => {
  // The sandbox learns the department from the pack's own description; it has no model of it otherwise.
  sandbox = await createSandbox({ seed: 'demo', entities: [...departmentSandbox] });
  const kernel = createKernel({ plugins: [departmentsPlugin], inventory: { toolsets: ['example-departments'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') });
  client = await connectInMemory(kernel.serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

const table = () => sandbox.db.list(departmentEntity.name);

test("the pack brings a zod of its own, not the kernel's, and the kernel serves its schemas", () => {
  const zodOf = (require: NodeRequire) => ({ path: require.resolve('zod'), version: (require('zod/package.json') as { version: string }).version });
  const kernelZod = zodOf(createRequire(fileURLToPath(import.meta.resolve('@gauzy-mcp/core'))));
  const ownZod = zodOf(createRequire(import.meta.url));
  assert.notEqual(ownZod.path, kernelZod.path);
  assert.notEqual(ownZod.version, kernelZod.version);
  // The fields are this copy's schemas; the tools' input objects around them are the kernel's.
  assert.equal((departmentEntity.fields.name as unknown as { _zod: { version: { patch: number } } })._zod.version.patch, Number(ownZod.version.split('.')[2]));
  assert.deepEqual(departmentsPlugin.tools.map((tool) => tool.name).sort(), [
    'create_department',
    'delete_department',
    'get_department_by_id',
    'get_department_count',
    'list_departments',
    'update_department',
  ]);
});

test("the pack's routes are real Gauzy routes", () => {
  for (const tool of departmentsPlugin.tools) for (const route of tool.routes) assert.ok(findGauzyRoute(...(route.split(' ') as [string, string])), route);
});

test('create, list, get, update and delete a department, each write visible in the sandbox state', async () => {
  const [first, second] = sandbox.seed.teams[0]!.memberEmployeeIds;
  assert.ok(first && second, 'the demo seed has a team with two members');
  assert.equal(table().length, 0);

  const created = await client.call('create_department', { name: 'Research', memberIds: [first] });
  assert.equal(created.isError, false, created.text);
  const id = created.structured!.id as string;
  const row = sandbox.db.get(departmentEntity.name, id);
  assert.equal(row?.name, 'Research');
  assert.deepEqual(row?.memberIds, [first]);
  assert.equal(row?.organizationId, sandbox.seed.organizationId);

  const list = await client.call('list_departments', {});
  assert.equal(list.isError, false, list.text);
  assert.deepEqual((list.structured!.items as Array<{ id: string }>).map((item) => item.id), [id]);

  const one = await client.call('get_department_by_id', { id, relations: ['members'] });
  assert.equal(one.isError, false, one.text);
  assert.equal(one.structured!.name, 'Research');
  assert.deepEqual((one.structured!.members as Array<{ id: string }>).map((member) => member.id), [first]);

  const count = await client.call('get_department_count', {});
  assert.equal(count.structured!.count, 1, count.text);

  const renamed = await client.call('update_department', { id, name: 'Research & Development' });
  assert.equal(renamed.isError, false, renamed.text);
  assert.equal(sandbox.db.get(departmentEntity.name, id)?.name, 'Research & Development');
  assert.deepEqual(sandbox.db.get(departmentEntity.name, id)?.memberIds, [first], 'an update of the name keeps the members');

  const regrouped = await client.call('update_department', { id, memberIds: [first, second] });
  assert.equal(regrouped.isError, false, regrouped.text);
  assert.deepEqual(sandbox.db.get(departmentEntity.name, id)?.memberIds, [first, second]);
  assert.equal(sandbox.db.get(departmentEntity.name, id)?.name, 'Research & Development');

  const deleted = await client.call('delete_department', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get(departmentEntity.name, id), undefined);
  assert.equal(table().length, 0);
});

test('a bad argument names the field and sends nothing; a missing department is not found', async () => {
  sandbox.clearRequests();
  const bad = await client.call('create_department', { name: '' });
  assert.deepEqual(bad.error!.fields, ['name']);
  assert.equal(sandbox.requests.filter((request) => request.path.startsWith(departmentEntity.path)).length, 0);
  assert.equal(table().length, 0);

  const missing = await client.call('get_department_by_id', { id: '00000000-0000-4000-8000-000000000000' });
  assert.equal(missing.isError, true);
  assert.equal(missing.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  const gone = await client.call('delete_department', { id: '00000000-0000-4000-8000-000000000000' });
  assert.equal(gone.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND', gone.text);
});

test('Gauzy answers every department whatever take says: the tool cuts the page itself and nextSkip reaches the rest', async () => {
  for (const name of ['Paging A', 'Paging B', 'Paging C']) assert.equal((await client.call('create_department', { name })).isError, false);
  const total = table().filter((row) => row.deletedAt == null).length;
  sandbox.clearRequests();
  const first = await client.call('list_departments', { take: 2 });
  assert.equal(first.isError, false, first.text);
  assert.equal((first.structured!.items as unknown[]).length, 2, 'take is honoured although the route ignores it');
  assert.equal(first.structured!.total, total);
  assert.equal(first.structured!.nextSkip, 2);
  const sent = sandbox.requests.find((request) => request.path === '/api/organization-department')!;
  assert.match(decodeURIComponent(sent.rawQuery), /data=/);
  assert.ok(!/take|skip/.test(decodeURIComponent(sent.rawQuery)), `no paging sent to a route that ignores it: ${sent.rawQuery}`);
  const seen = new Set<string>();
  for (let skip = 0; skip < total; skip += 2) {
    for (const item of (await client.call('list_departments', { take: 2, skip })).structured!.items as Array<{ id: string }>) seen.add(item.id);
  }
  assert.equal(seen.size, total);
});
