import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, defineEntity, silentLogger } from '@gauzy-mcp/core';
import { assertTextAgrees, assertRelationsResolve, connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import { projectEntity } from '../src/entities.js';
import projectsPlugin from '../src/index.js';
import { projectsSandbox } from '../src/sandbox.js';

/**
 * The progress and statistics tools read Gauzy's task list. A pack may not import another (the tasks pack
 * owns the task entity), so the test teaches the sandbox only the route this pack reads.
 */
const tasksAsRead = defineEntity({
  name: 'task',
  gauzyClass: 'Task',
  noun: 'task',
  plural: 'tasks',
  path: '/api/tasks',
  operations: ['findAll'],
  scope: 'organization',
  fields: {},
});

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: [...projectsSandbox, tasksAsRead] });
  admin = await connectInMemory(createKernel({ plugins: [projectsPlugin], inventory: { toolsets: ['all'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
  employee = await connectInMemory(createKernel({ plugins: [projectsPlugin], inventory: { toolsets: ['all'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'employee') }).serverFactory, { protocol: '2025-06-18' });
});
after(async () => {
  await admin.close();
  await employee.close();
  await sandbox.close();
});

async function newProject(name: string, extra: Record<string, unknown> = {}) {
  const result = await admin.call('create_project', { name, ...extra });
  assert.equal(result.isError, false, result.text);
  return String(result.structured!.id);
}

test('list_projects pages the organization\'s projects and filters by status; get_projects is an alias', async () => {
  const page = await admin.call('list_projects', { take: 2 });
  assert.equal(page.isError, false, page.text);
  assert.equal((page.structured!.items as unknown[]).length, 2);
  assert.ok((page.structured!.total as number) >= 3);
  assert.equal(page.structured!.nextSkip, 2);
  const alias = await admin.call('get_projects', { take: 2, fields: ['name'] });
  assert.deepEqual(Object.keys((alias.structured!.items as object[])[0]!).sort(), ['id', 'name']);
  const id = await newProject('Status filter probe', { status: 'cancelled' });
  const cancelled = await admin.call('list_projects', { status: 'cancelled', take: 100 });
  assert.ok((cancelled.structured!.items as Array<{ id: string; status: string }>).every((project) => project.status === 'cancelled'));
  assert.ok((cancelled.structured!.items as Array<{ id: string }>).some((project) => project.id === id));
  const bad = await admin.call('list_projects', { status: 'CANCELLED', take: 500 });
  assert.equal(bad.isError, true);
  assert.deepEqual([...bad.error!.fields!].sort(), ['status', 'take']);
});

test('create_project stores the project with Gauzy enum values; invalid billing is refused before Gauzy', async () => {
  const id = await newProject('Backend API', { billing: 'FLAT_FEE', budgetType: 'cost', budget: 5000, currency: 'USD', memberIds: [sandbox.seed.users.employee.employeeId] });
  const stored = await admin.call('get_project_by_id', { id, relations: ['members'] });
  assert.equal(stored.structured!.name, 'Backend API');
  assert.equal(stored.structured!.billing, 'FLAT_FEE');
  const bad = await admin.call('create_project', { name: 'x', billing: 'HOURLY' });
  assert.equal(bad.isError, true);
  assert.deepEqual(bad.error!.fields, ['billing']);
});

// OrganizationProjectService.findById wraps the NotFoundException in HttpException(..., BAD_REQUEST): the real Gauzy
// answers 400 {"statusCode":400,"message":"Failed to find organization project: The requested record was not found"}.
test('get_project_by_id: Gauzy\'s 400 "Failed to find organization project" for an unknown id, field error for a malformed one', async () => {
  const missing = await admin.call('get_project', { id: MISSING });
  assert.equal(missing.isError, true);
  assert.equal(missing.error!.status, 400);
  assert.deepEqual(missing.error!.gauzyMessages, ['Failed to find organization project: The requested record was not found']);
  const malformed = await admin.call('get_project_by_id', { id: '42' });
  assert.deepEqual(malformed.error!.fields, ['id']);
});

test('update_project changes only the given fields', async () => {
  const id = await newProject('Rename me', { billing: 'RATE', color: '#111111' });
  const result = await admin.call('update_project', { id, name: 'Renamed', status: 'in-progress' });
  assert.equal(result.isError, false, result.text);
  const stored = (await admin.call('get_project_by_id', { id })).structured!;
  assert.equal(stored.name, 'Renamed');
  assert.equal(stored.status, 'in-progress');
  assert.equal(stored.billing, 'RATE');
  const nothing = await admin.call('update_project', { id });
  assert.equal(nothing.error!.code, 'GMCP_ERR_INVALID_ARGUMENTS');
});

test('delete_project removes it; an unknown id is reported as not found', async () => {
  const id = await newProject('Delete me');
  const deleted = await admin.call('delete_project', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.deepEqual((await admin.call('get_project_by_id', { id })).error!.gauzyMessages, ['Failed to find organization project: The requested record was not found']);
  const again = await admin.call('delete_project', { id });
  assert.equal(again.isError, true);
  assert.equal(again.error!.status, 400);
  assert.deepEqual(again.error!.gauzyMessages, ['Failed to find organization project: The requested record was not found']);
});

// Issue #16: Gauzy's generic PUT /:id/recover (CrudService.softRecover) never finds a soft-deleted row on TypeORM.
test('archive_project soft-deletes and promises no restore; restore_project is not listed and answers GMCP_ERR_TOOL_RETIRED saying why', async () => {
  const listed = await admin.listAllTools();
  assert.ok(!listed.some((tool) => tool.name === 'restore_project'), 'restore_project is not offered');
  const archiveListing = listed.find((tool) => tool.name === 'archive_project')!;
  assert.doesNotMatch(archiveListing.description ?? '', /restore_project|brought back|can be recovered/);
  assert.match(archiveListing.description ?? '', /cannot be restored/);

  const soft = await newProject('Archive me');
  const archived = await admin.call('archive_project', { id: soft });
  assert.equal(archived.isError, false, archived.text);
  assert.equal(archived.structured!.recoverable, false);
  assert.doesNotMatch(archived.text, /can be recovered/);
  assert.ok(sandbox.db.get('organizationProject', soft)?.deletedAt, 'soft-deleted in Gauzy');
  assert.deepEqual((await admin.call('get_project_by_id', { id: soft })).error!.gauzyMessages, ['Failed to find organization project: The requested record was not found']);

  sandbox.clearRequests();
  const restore = await admin.call('restore_project', { id: soft });
  assert.equal(restore.isError, true);
  assert.equal(restore.error!.code, 'GMCP_ERR_TOOL_RETIRED');
  assert.match(restore.text, /restore_project/);
  assert.match(restore.text, /404/);
  assert.equal(sandbox.requests.length, 0, 'nothing is sent to Gauzy');
});

test('an employee may not delete projects: Gauzy\'s 403 comes back as isError', async () => {
  const id = await newProject('Protected');
  const denied = await employee.call('delete_project', { id });
  assert.equal(denied.isError, true);
  assert.equal(denied.error!.status, 403);
  assert.deepEqual(denied.error!.gauzyMessages, ['Forbidden resource']);
});

test('bulk tools report each item, and a failure does not hide the others', async () => {
  const created = await admin.call('bulk_create_projects', { projects: [{ name: 'Bulk A' }, { name: 'Bulk B' }, { name: 'Bulk C' }] });
  assert.equal(created.structured!.succeeded, 3);
  const ids = (created.structured!.results as Array<{ id: string }>).map((entry) => entry.id);
  const updated = await admin.call('bulk_update_projects', { updates: [{ id: ids[0], status: 'completed' }, { id: MISSING, status: 'completed' }, { id: ids[2], status: 'completed' }] });
  assert.equal(updated.structured!.succeeded, 2);
  assert.equal(updated.structured!.failed, 1);
  const failure = (updated.structured!.results as Array<{ index: number; ok: boolean; error?: { gauzyMessages?: string[] } }>)[1]!;
  assert.equal(failure.ok, false);
  assert.deepEqual(failure.error!.gauzyMessages, ['Failed to find organization project: The requested record was not found']);
  assert.equal((await admin.call('get_project_by_id', { id: ids[2] })).structured!.status, 'completed');
  const removed = await admin.call('bulk_delete_projects', { ids });
  assert.equal(removed.structured!.succeeded, 3);
  assert.equal((await admin.call('get_project_by_id', { id: ids[1] })).error!.status, 400);
});

test('membership: assign, list by employee, my projects, bulk assign, unassign', async () => {
  const id = await newProject('Membership');
  const employeeId = sandbox.seed.users.employee.employeeId;
  assert.equal((await admin.call('assign_project_to_employee', { projectId: id, employeeId })).isError, false);
  const theirs = await admin.call('get_projects_by_employee', { employeeId, take: 100 });
  assert.ok((theirs.structured!.items as Array<{ id: string }>).some((project) => project.id === id));
  const mine = await employee.call('get_my_projects', { take: 100 });
  assert.ok((mine.structured!.items as Array<{ id: string }>).some((project) => project.id === id));
  const others = sandbox.seed.users;
  const bulk = await admin.call('bulk_assign_project_to_employees', { projectId: id, employeeIds: [others.localAdmin.employeeId, others.superAdmin.employeeId] });
  assert.equal(bulk.structured!.succeeded, 2);
  assert.equal((await admin.call('unassign_project_from_employee', { projectId: id, employeeId })).isError, false);
  const after = await admin.call('get_projects_by_employee', { employeeId, take: 100 });
  assert.ok(!(after.structured!.items as Array<{ id: string }>).some((project) => project.id === id));
  const malformed = await admin.call('assign_project_to_employee', { projectId: id });
  assert.deepEqual(malformed.error!.fields, ['employeeId']);
});

test('get_my_team_projects lists projects of the caller\'s teams', async () => {
  const result = await admin.call('get_my_team_projects', {});
  assert.equal(result.isError, false, result.text);
  assert.ok(Array.isArray(result.structured!.items));
});

test('count, progress and statistics compose real reads', async () => {
  // get_project_count is list_projects: the answer's total is the count.
  const count = await admin.call('get_project_count', { take: 1 });
  assert.equal(count.structured!.total, sandbox.db.list('organizationProject').filter((p) => p.organizationId === sandbox.seed.organizationId && !p.deletedAt).length);
  assert.match(count.text, new RegExp(`^1 of ${String(count.structured!.total)} projects`));
  const project = sandbox.seed.projects[0]!;
  const progress = await admin.call('get_project_progress', { projectId: project.id });
  assert.equal(progress.isError, false, progress.text);
  assert.ok((progress.structured!.tasks as { total: number }).total >= 1);
  const stats = await admin.call('get_project_statistics', { projectId: project.id });
  assert.equal(stats.isError, false, stats.text);
  assert.equal(typeof stats.structured!.totalSeconds, 'number');
  const missing = await admin.call('get_project_progress', { projectId: MISSING });
  assert.deepEqual([missing.error!.status, missing.error!.gauzyMessages], [400, ['Failed to find organization project: The requested record was not found']]);
});

/** The sandbox's own time logs since a date, summed as Gauzy's daily report sums them (seconds between start and stop). */
function expectedTime(startDate: string, projectId?: string) {
  const logs = sandbox.db.list('timeLog').filter((log) => !log.deletedAt && Date.parse(String(log.startedAt)) >= Date.parse(startDate) && (!projectId || log.projectId === projectId));
  const byEmployee = new Map<string, number>();
  for (const log of logs) {
    const seconds = Math.max(0, Math.floor((Date.parse(String(log.stoppedAt)) - Date.parse(String(log.startedAt))) / 1000));
    byEmployee.set(String(log.employeeId), (byEmployee.get(String(log.employeeId)) ?? 0) + seconds);
  }
  return { byEmployee, total: [...byEmployee.values()].reduce((sum, seconds) => sum + seconds, 0) };
}

function employeeName(employeeId: string): string {
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', employeeId)!.userId))!;
  return `${String(user.firstName)} ${String(user.lastName)}`;
}


interface Share { id: string | null; name: string; seconds: number; hours: number; percent: number }

test('get_project_statistics: each employee by name and id with hours, seconds and share, the totals and the period, in text and structure', async () => {
  const project = sandbox.seed.projects[0]!;
  const startDate = new Date(Date.now() - 30 * 24 * 3600_000).toISOString();
  const endDate = new Date().toISOString();
  for (const args of [{ startDate, endDate }, { startDate, endDate, projectId: project.id }]) {
    const stats = await admin.call('get_project_statistics', args);
    assert.equal(stats.isError, false, stats.text);
    const expected = expectedTime(startDate, args.projectId);
    const structured = stats.structured!;
    assert.ok(expected.byEmployee.size >= 2, 'the demo seed has logs of several employees');
    assert.deepEqual(structured.period, { startDate, endDate });
    assert.equal(structured.totalSeconds, expected.total);
    const byEmployee = structured.byEmployee as Share[];
    assert.deepEqual(new Map(byEmployee.map((entry) => [entry.id, entry.seconds])), expected.byEmployee);
    assert.ok(stats.text.startsWith(`${(expected.total / 3600).toFixed(2)} h (${expected.total} s) tracked from ${startDate.slice(0, 10)} to ${endDate.slice(0, 10)}.`), stats.text);
    for (const [employeeId, seconds] of expected.byEmployee) {
      const name = employeeName(employeeId);
      const percent = Math.round((seconds / expected.total) * 1000) / 10;
      assert.deepEqual(byEmployee.find((entry) => entry.id === employeeId), { id: employeeId, name, seconds, hours: Math.round(seconds / 36) / 100, percent });
      assert.ok(stats.text.includes(`- ${name} (id ${employeeId}): ${(seconds / 3600).toFixed(2)} h (${seconds} s), ${percent}%`), `${name} in the text`);
    }
    const byProject = structured.byProject as Array<Share & { employees: Share[] }>;
    assert.equal(byProject.reduce((sum, entry) => sum + entry.seconds, 0), expected.total);
    assert.ok(stats.text.includes(`${project.name} (id ${project.id})`));
    assertTextAgrees(stats.text, structured);
    assert.ok(Buffer.byteLength(JSON.stringify(structured)) < 10 * Buffer.byteLength(stats.text), 'structured content under ten times its text');
  }
  const none = await admin.call('get_project_statistics', { startDate: '2001-01-01', endDate: '2001-01-31' });
  assert.equal(none.text, 'No time tracked from 2001-01-01 to 2001-01-31.');
  assert.equal(none.structured!.totalSeconds, 0);
});

test('every relation the pack offers is one Gauzy has: each comes back on the record from list_projects and get_project_by_id', async () => {
  await assertRelationsResolve(admin, projectEntity.include, { list: ['list_projects'], get: 'get_project_by_id' });
});
