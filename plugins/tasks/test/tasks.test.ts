import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { assertRelationsResolve, connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import { taskEntity } from '../src/entities.js';
import tasksPlugin from '../src/index.js';
import { tasksSandbox } from '../src/sandbox.js';

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: tasksSandbox });
  admin = await connectInMemory(createKernel({ plugins: [tasksPlugin], inventory: { toolsets: ['all'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
  employee = await connectInMemory(createKernel({ plugins: [tasksPlugin], inventory: { toolsets: ['all'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'employee') }).serverFactory, { protocol: '2025-06-18' });
});
after(async () => {
  await admin.close();
  await employee.close();
  await sandbox.close();
});

const projectId = () => sandbox.seed.projects[0]!.id;

async function newTask(extra: Record<string, unknown> = {}) {
  const result = await admin.call('create_task', { title: 'A task', projectId: projectId(), ...extra });
  assert.equal(result.isError, false, result.text);
  return result.structured!;
}

test('create_task sends Gauzy\'s values, defaults status to open, and Gauzy numbers it', async () => {
  const task = await newTask({ title: 'Numbered', priority: 'urgent', size: 'small', issueType: 'bug', estimate: 3600, memberIds: [sandbox.seed.users.employee.employeeId] });
  assert.equal(task.status, 'open');
  assert.equal(task.priority, 'urgent');
  assert.equal(typeof task.number, 'number');
  const stored = await admin.call('get_task_by_id', { id: String(task.id), relations: ['members'] });
  assert.deepEqual((stored.structured!.members as Array<{ id: string }>).map((member) => member.id), [sandbox.seed.users.employee.employeeId]);
  const bad = await admin.call('create_task', { title: 'x', priority: 'HIGH', dueDate: 'tomorrow' });
  assert.deepEqual([...bad.error!.fields!].sort(), ['dueDate', 'priority']);
});

test('list_tasks filters by project and status; get_tasks and the paged route agree', async () => {
  const task = await newTask({ title: 'Blocked one', status: 'blocked' });
  const blocked = await admin.call('list_tasks', { projectId: projectId(), status: 'blocked', take: 100 });
  assert.ok((blocked.structured!.items as Array<{ id: string; status: string }>).every((entry) => entry.status === 'blocked'));
  assert.ok((blocked.structured!.items as Array<{ id: string }>).some((entry) => entry.id === task.id));
  const alias = await admin.call('get_tasks', { projectId: projectId(), status: 'blocked', take: 100 });
  assert.equal(alias.structured!.total, blocked.structured!.total);
  const paged = await admin.call('get_tasks_pagination', { projectId: projectId(), status: 'blocked', take: 100 });
  assert.equal(paged.isError, false, paged.text);
  assert.equal(paged.structured!.total, blocked.structured!.total);
  // get_task_count is list_tasks with the same filters: the answer's total is the count.
  const count = await admin.call('get_task_count', { projectId: projectId(), status: 'blocked', take: 1 });
  assert.equal(count.structured!.total, blocked.structured!.total);
});

test('update_task reads, merges and sends the whole DTO: changing one field keeps the rest', async () => {
  const task = await newTask({ title: 'Keep my title', priority: 'low', memberIds: [sandbox.seed.users.employee.employeeId] });
  const updated = await admin.call('update_task', { id: String(task.id), status: 'in-progress' });
  assert.equal(updated.isError, false, updated.text);
  const stored = (await admin.call('get_task_by_id', { id: String(task.id), relations: ['members'] })).structured!;
  assert.equal(stored.status, 'in-progress');
  assert.equal(stored.title, 'Keep my title');
  assert.equal(stored.priority, 'low');
  assert.equal((stored.members as unknown[]).length, 1);
  assert.equal((await admin.call('update_task', { id: MISSING, status: 'done' })).error!.status, 404);
});

test('assign and unassign keep the other assignees', async () => {
  const { employee: emp, localAdmin } = sandbox.seed.users;
  const task = await newTask({ memberIds: [emp.employeeId] });
  await admin.call('assign_task_to_employee', { taskId: String(task.id), employeeId: localAdmin.employeeId });
  let members = ((await admin.call('get_task_by_id', { id: String(task.id), relations: ['members'] })).structured!.members as Array<{ id: string }>).map((member) => member.id).sort();
  assert.deepEqual(members, [emp.employeeId, localAdmin.employeeId].sort());
  await admin.call('unassign_task_from_employee', { taskId: String(task.id), employeeId: emp.employeeId });
  members = ((await admin.call('get_task_by_id', { id: String(task.id), relations: ['members'] })).structured!.members as Array<{ id: string }>).map((member) => member.id);
  assert.deepEqual(members, [localAdmin.employeeId]);
});

test('my tasks, tasks by employee and team tasks', async () => {
  const mine = await employee.call('create_task', { title: 'Mine' });
  assert.equal(mine.isError, false, mine.text);
  const listed = await employee.call('get_my_tasks', { take: 100 });
  assert.ok((listed.structured!.items as Array<{ id: string }>).some((task) => task.id === mine.structured!.id));
  const byEmployee = await admin.call('get_tasks_by_employee', { employeeId: sandbox.seed.users.employee.employeeId, take: 100 });
  assert.ok((byEmployee.structured!.items as Array<{ id: string }>).some((task) => task.id === mine.structured!.id));
  const team = sandbox.seed.teams[0]!;
  const teamTasks = await admin.call('get_team_tasks', { teamId: team.id });
  assert.equal(teamTasks.isError, false, teamTasks.text);
  const myTeams = await admin.call('get_team_tasks', {});
  assert.equal(myTeams.isError, false, myTeams.text);
});

test('delete_task: employees are refused with Gauzy\'s 403; admins delete; unknown ids are not found', async () => {
  const task = await newTask({ title: 'Doomed' });
  const denied = await employee.call('delete_task', { id: String(task.id) });
  assert.equal(denied.error!.status, 403);
  assert.equal((await admin.call('delete_task', { id: String(task.id) })).isError, false);
  assert.equal((await admin.call('get_task_by_id', { id: String(task.id) })).error!.status, 404);
  const missing = await admin.call('delete_task', { id: MISSING });
  assert.equal(missing.error!.status, 404);
});

// Issue #16: Gauzy's generic PUT /:id/recover (CrudService.softRecover) never finds a soft-deleted row on TypeORM.
test('archive_task soft-deletes and promises no restore; restore_task is not listed and answers GMCP_ERR_TOOL_RETIRED saying why', async () => {
  const listed = await admin.listAllTools();
  assert.ok(!listed.some((tool) => tool.name === 'restore_task'), 'restore_task is not offered');
  assert.doesNotMatch(listed.find((tool) => tool.name === 'archive_task')!.description ?? '', /restore_task|brought back|can be recovered/);
  const task = await newTask({ title: 'Archived' });
  const archived = await admin.call('archive_task', { id: String(task.id) });
  assert.equal(archived.isError, false, archived.text);
  assert.equal(archived.structured!.recoverable, false);
  assert.equal((await admin.call('get_task_by_id', { id: String(task.id) })).error!.status, 404);
  sandbox.clearRequests();
  const restore = await admin.call('restore_task', { id: String(task.id) });
  assert.equal(restore.error!.code, 'GMCP_ERR_TOOL_RETIRED');
  assert.match(restore.text, /restore_task/);
  assert.equal(sandbox.requests.length, 0, 'nothing is sent to Gauzy');
  assert.ok(sandbox.db.get('task', String(task.id))?.deletedAt, 'still archived');
});

test('bulk create/update/delete report every item', async () => {
  const created = await admin.call('bulk_create_tasks', { tasks: [{ title: 'B1', projectId: projectId() }, { title: 'B2', projectId: MISSING }, { title: 'B3' }] });
  assert.equal(created.structured!.total, 3);
  const results = created.structured!.results as Array<{ ok: boolean; id?: string }>;
  assert.equal(results[0]!.ok, true);
  assert.equal(results[2]!.ok, true);
  const ids = results.filter((entry) => entry.ok).map((entry) => entry.id!);
  const updated = await admin.call('bulk_update_tasks', { updates: ids.map((id) => ({ id, status: 'done' })) });
  assert.equal(updated.structured!.succeeded, ids.length);
  for (const id of ids) assert.equal((await admin.call('get_task_by_id', { id })).structured!.status, 'done');
  const removed = await admin.call('bulk_delete_tasks', { ids: [...ids, MISSING] });
  assert.equal(removed.structured!.succeeded, ids.length);
  assert.equal(removed.structured!.failed, 1);
  // The failed item is named by the id it was given, beside its place in the list.
  assert.match(removed.text, new RegExp(`- #${ids.length + 1} \\(id ${MISSING}\\) failed: `));
  const tooMany = await admin.call('bulk_delete_tasks', { ids: [] });
  assert.deepEqual(tooMany.error!.fields, ['ids']);
});

test('get_task_statistics counts by status for a project', async () => {
  await newTask({ title: 'Done one', status: 'done' });
  const stats = await admin.call('get_task_statistics', { projectId: projectId() });
  assert.equal(stats.isError, false, stats.text);
  assert.ok(((stats.structured!.byStatus as Record<string, number>).done ?? 0) >= 1);
  assert.equal(typeof stats.structured!.overdue, 'number');
});

test('get_my_tasks and get_team_tasks page by rows over routes that count skip in pages: take=1 walks every task once, and nextSkip reaches the last', async () => {
  const team = sandbox.seed.teams[0]!;
  for (const [client, name, args] of [[employee, 'get_my_tasks', {}], [admin, 'get_team_tasks', { teamId: team.id }]] as const) {
    const all = await client.call(name, { ...args, take: 100 });
    assert.equal(all.isError, false, all.text);
    const expected = (all.structured!.items as Array<{ id: string }>).map((task) => task.id);
    assert.ok(expected.length >= 4, `${name}: the seed gives at least four tasks to walk (${expected.length})`);
    const walked: string[] = [];
    let skip: number | undefined = 0;
    while (skip !== undefined) {
      const page = await client.call(name, { ...args, take: 1, skip });
      assert.equal(page.isError, false, page.text);
      walked.push(...(page.structured!.items as Array<{ id: string }>).map((task) => task.id));
      skip = page.structured!.nextSkip as number | undefined;
      assert.ok(walked.length <= expected.length, `${name}: more pages than tasks`);
    }
    assert.deepEqual(walked, expected, `${name}: one task per page, each once, in order`);
    // A window that straddles two of the route's pages is still the rows asked for.
    const straddling = await client.call(name, { ...args, take: 2, skip: 1 });
    assert.deepEqual((straddling.structured!.items as Array<{ id: string }>).map((task) => task.id), expected.slice(1, 3));
  }
});

test('every relation the pack offers is one Gauzy has: each comes back on the record from list_tasks, get_task_by_id, get_my_tasks and get_team_tasks', async () => {
  await assertRelationsResolve(admin, taskEntity.include, { list: ['list_tasks'], get: 'get_task_by_id' });
  await assertRelationsResolve(employee, taskEntity.include, { list: ['get_my_tasks', 'get_team_tasks'] });
});

test('get_my_tasks as an admin answers the admin\'s own tasks: Gauzy answers an admin every assigned task unless the employee is named', async () => {
  const employeeId = sandbox.seed.users.superAdmin.employeeId;
  const own = sandbox.db.list('task').filter((row) => row.tenantId === sandbox.seed.tenantId && row.organizationId === sandbox.seed.organizationId && !row.deletedAt && (row.memberIds as string[]).includes(employeeId));
  const assigned = sandbox.db.list('task').filter((row) => row.tenantId === sandbox.seed.tenantId && row.organizationId === sandbox.seed.organizationId && !row.deletedAt && (row.memberIds as string[]).length > 0);
  assert.ok(own.length > 0 && own.length < assigned.length, 'the admin is assigned some tasks, not all');
  sandbox.clearRequests();
  const mine = await admin.call('get_my_tasks', { take: 100 });
  assert.equal(mine.isError, false, mine.text);
  assert.deepEqual((mine.structured!.items as Array<{ id: string }>).map((task) => task.id).sort(), own.map((row) => row.id).sort());
  const sent = sandbox.requests.find((request) => request.path === '/api/tasks/me')!;
  assert.equal(((sent.query.where as Record<string, unknown>).members as { id: string }).id, employeeId);
});
