import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginAs, newSandbox } from './helpers.js';

test('task create 202 with number/prefix (taskNumber only on load); employee auto-added to members; whitelist strips', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'employee');
  const project = s.seed.projects[0]!;
  const before = s.db.list('task').filter((t) => t.projectId === project.id).reduce((m, t) => Math.max(m, Number(t.number)), 0);
  const res = await s.app.inject({ method: 'POST', url: '/api/tasks', headers, payload: { title: 'New', status: 'open', projectId: project.id, organizationId: s.seed.organizationId, tenantId: s.seed.tenantId, junk: 'x' } });
  assert.equal(res.statusCode, 202);
  const task = res.json();
  assert.equal(task.number, before + 1);
  assert.equal(task.prefix, 'Gau');
  assert.equal(task.taskNumber, undefined, 'the create answer is the saved entity: TaskSubscriber.afterEntityLoad has not run');
  const loaded = await s.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers });
  assert.equal(loaded.json().taskNumber, `GAU-${before + 1}`);
  assert.equal(task.junk, undefined);
  assert.deepEqual(task.members.map((m: { id: string }) => m.id), [s.seed.users.employee.employeeId]);
  assert.equal(task.createdByUserId, s.seed.users.employee.id);
});

test('invalid task create 400 like the sample; incomplete PUT 400', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const res = await s.app.inject({ method: 'POST', url: '/api/tasks', headers, payload: { title: 12345, status: 'not-a-status', estimate: 'soon', organizationId: s.seed.organizationId, tenantId: s.seed.tenantId } });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json(), { message: ['title must be a string', 'estimate must be a number conforming to the specified constraints'], error: 'Bad Request', statusCode: 400 });
  const task = s.db.list('task').find((t) => t.tenantId === s.seed.tenantId)!;
  const put = await s.app.inject({ method: 'PUT', url: `/api/tasks/${task.id}`, headers, payload: { description: 'only this', organizationId: s.seed.organizationId } });
  assert.equal(put.statusCode, 400);
  assert.ok((put.json().message as string[]).includes('title should not be empty'));
  const ok = await s.app.inject({ method: 'PUT', url: `/api/tasks/${task.id}`, headers, payload: { title: 'Renamed', status: 'done', organizationId: s.seed.organizationId } });
  assert.equal(ok.statusCode, 202);
  assert.equal(ok.json().title, 'Renamed');
});

test('project create 201, delete 204; task delete 200 DeleteResult; missing delete affected 0', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const res = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { name: 'Sandbox project', billing: 'RATE', organizationId: s.seed.organizationId } });
  assert.equal(res.statusCode, 201);
  const id = res.json().id;
  const del = await s.app.inject({ method: 'DELETE', url: `/api/organization-projects/${id}`, headers });
  assert.equal(del.statusCode, 204);
  assert.equal(del.body, '');
  assert.equal(s.db.get('organizationProject', id), undefined);
  const task = s.db.list('task').find((t) => t.tenantId === s.seed.tenantId)!;
  const tdel = await s.app.inject({ method: 'DELETE', url: `/api/tasks/${task.id}`, headers });
  assert.equal(tdel.statusCode, 200);
  assert.deepEqual(tdel.json(), { raw: [], affected: 1 });
  const again = await s.app.inject({ method: 'DELETE', url: `/api/tasks/${task.id}`, headers });
  assert.deepEqual(again.json(), { raw: [], affected: 0 });
  const bad = await s.app.inject({ method: 'POST', url: '/api/organization-projects', headers, payload: { name: 'X', billing: 'NOPE', organizationId: s.seed.organizationId } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().message, ['billing must be one of the following values: RATE, FLAT_FEE, MILESTONES']);
});

test('soft delete hides the row; pagination skip is a page; count is a bare number', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const org = s.seed.organizationId;
  const task = s.db.list('task').find((t) => t.tenantId === s.seed.tenantId)!;
  const countBefore = (await s.app.inject({ method: 'GET', url: `/api/tasks/count?organizationId=${org}`, headers })).json();
  assert.equal(typeof countBefore, 'number');
  const soft = await s.app.inject({ method: 'DELETE', url: `/api/tasks/${task.id}/soft`, headers });
  assert.equal(soft.statusCode, 202);
  assert.ok(soft.json().deletedAt);
  assert.equal((await s.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers })).statusCode, 404);
  assert.equal((await s.app.inject({ method: 'GET', url: `/api/tasks/count?organizationId=${org}`, headers })).json(), countBefore - 1);
  const withDeleted = await s.app.inject({ method: 'GET', url: `/api/tasks?where[organizationId]=${org}&withDeleted=true`, headers });
  assert.ok((withDeleted.json().items as Array<{ id: string }>).some((t) => t.id === task.id));
  const p1 = (await s.app.inject({ method: 'GET', url: `/api/tasks/pagination?where[organizationId]=${org}&take=5&skip=1`, headers })).json();
  const p2 = (await s.app.inject({ method: 'GET', url: `/api/tasks/pagination?where[organizationId]=${org}&take=5&skip=2`, headers })).json();
  assert.equal(p1.items.length, 5);
  assert.notEqual(p1.items[0].id, p2.items[0].id);
  assert.equal(p1.total, countBefore - 1, 'the soft-deleted task stays out of the total');
  const tooMany = await s.app.inject({ method: 'GET', url: `/api/tasks?where[organizationId]=${org}&take=101`, headers });
  assert.equal(tooMany.statusCode, 400);
});

// Issue #16: CrudService.softRecover (packages/core/src/lib/core/crud/crud.service.ts) looks the row up with
// findOneByIdString and no withDeleted, so on TypeORM it never finds a soft-deleted row.
const RESTORE_NOT_FOUND = 'An error occurred during restoring entity: The requested record was not found';

test('recover as Gauzy answers it for tasks and projects: a soft-deleted row is never found (404); a live one comes back as is (202)', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const task = s.db.list('task').find((t) => t.tenantId === s.seed.tenantId)!;
  const project = s.db.list('organizationProject').find((p) => p.tenantId === s.seed.tenantId)!;
  for (const [path, row] of [['/api/tasks', task], ['/api/organization-projects', project]] as const) {
    const live = await s.app.inject({ method: 'PUT', url: `${path}/${row.id}/recover`, headers });
    assert.equal(live.statusCode, 202, live.body);
    assert.equal(live.json().id, row.id);
    assert.equal((await s.app.inject({ method: 'DELETE', url: `${path}/${row.id}/soft`, headers })).statusCode, 202);
    const archived = await s.app.inject({ method: 'PUT', url: `${path}/${row.id}/recover`, headers });
    assert.equal(archived.statusCode, 404);
    assert.deepEqual(archived.json(), { statusCode: 404, message: RESTORE_NOT_FOUND });
    assert.ok(s.db.get(row === task ? 'task' : 'organizationProject', row.id)?.deletedAt, 'still soft-deleted');
    const softAgain = await s.app.inject({ method: 'DELETE', url: `${path}/${row.id}/soft`, headers });
    assert.deepEqual(softAgain.json(), { statusCode: 404, message: 'An error occurred during soft removal: The requested record was not found' });
  }
});

test('GET a missing project is OrganizationProjectService.findById\'s 400; a missing task stays the plain 404', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const missing = '00000000-0000-4000-8000-000000000000';
  const project = await s.app.inject({ method: 'GET', url: `/api/organization-projects/${missing}?relations[]=members`, headers });
  assert.equal(project.statusCode, 400);
  assert.deepEqual(project.json(), { statusCode: 400, message: 'Failed to find organization project: The requested record was not found' });
  const task = await s.app.inject({ method: 'GET', url: `/api/tasks/${missing}`, headers });
  assert.deepEqual([task.statusCode, task.json()], [404, { statusCode: 404, message: 'The requested record was not found' }]);
});

test('project employee assignment and employee projects; relations join', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const employeeId = s.seed.users.employee.employeeId;
  const target = s.seed.projects.find((p) => p.name === 'CI/CD Pipeline')!;
  const put = await s.app.inject({ method: 'PUT', url: '/api/organization-projects/employee', headers, payload: { addedProjectIds: [target.id], removedProjectIds: [], member: { id: employeeId }, organizationId: s.seed.organizationId } });
  assert.equal(put.statusCode, 200);
  assert.equal(put.json(), true);
  const list = await s.app.inject({ method: 'GET', url: `/api/organization-projects/employee/${employeeId}?organizationId=${s.seed.organizationId}`, headers });
  assert.ok(Array.isArray(list.json()));
  assert.ok((list.json() as Array<{ id: string }>).some((p) => p.id === target.id));
  const tasks = await s.app.inject({ method: 'GET', url: `/api/tasks?where[organizationId]=${s.seed.organizationId}&relations[]=project&relations[]=members&where[members][id]=${employeeId}`, headers });
  const items = tasks.json().items as Array<{ project: { name: string }; members: Array<{ id: string }> }>;
  assert.ok(items.length > 0);
  assert.ok(items.every((t) => t.members.some((m) => m.id === employeeId) && typeof t.project.name === 'string'));
  const emp = await s.app.inject({ method: 'GET', url: `/api/employee?where[organizationId]=${s.seed.organizationId}&relations[0]=user`, headers });
  assert.ok((emp.json().items as Array<{ fullName: string; user: { email: string } }>).some((e) => e.fullName === 'Default Employee' && e.user.email === 'employee@ever.co'));
  const working = await s.app.inject({ method: 'GET', url: `/api/employee/working?data=${encodeURIComponent(JSON.stringify({ findInput: { organizationId: s.seed.organizationId, tenantId: s.seed.tenantId } }))}`, headers });
  assert.equal(working.statusCode, 200);
  assert.ok(working.json().total >= 6);
});

test('a relation the entity does not have is refused as Gauzy refuses it: 200 {message} from findAll and findById, 400 {} from the paged routes', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'superAdmin');
  const scope = `where[organizationId]=${s.seed.organizationId}&where[tenantId]=${s.seed.tenantId}`;
  const task = s.db.list('task').find((row) => row.organizationId === s.seed.organizationId)!;
  const get = (url: string) => s.app.inject({ method: 'GET', url, headers });

  const list = await get(`/api/tasks?${scope}&take=1&relations[]=creator`);
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json(), { message: 'Property "creator" was not found in "Task". Make sure your query is correct.' });
  const nested = await get(`/api/tasks?${scope}&take=1&relations[]=members.employee`);
  assert.deepEqual(nested.json(), { message: 'Property "employee" was not found in "Employee". Make sure your query is correct.' });
  const byId = await get(`/api/tasks/${task.id}?organizationId=${s.seed.organizationId}&relations[]=nope`);
  assert.equal(byId.statusCode, 200);
  assert.deepEqual(byId.json(), { message: 'Property "nope" was not found in "Task". Make sure your query is correct.' });
  for (const paged of ['/api/tasks/pagination', '/api/tasks/me']) {
    const refused = await get(`${paged}?${scope}&take=1&skip=1&relations[]=nope`);
    assert.equal(refused.statusCode, 400, paged);
    assert.deepEqual(refused.json(), {}, paged);
  }
  const project = await get(`/api/organization-projects?${scope}&take=1&relations[]=nope`);
  assert.deepEqual(project.json(), { message: 'Property "nope" was not found in "OrganizationProject". Make sure your query is correct.' });

  // The relations Gauzy has resolve, nested ones included.
  for (const relation of ['tags', 'children', 'createdByUser', 'members.user', 'parent', 'teams', 'project']) {
    const ok = await get(`/api/tasks?${scope}&take=1&relations[]=${relation}`);
    assert.ok(Array.isArray(ok.json().items), `${relation}: ${ok.body}`);
    assert.ok(relation.split('.')[0]! in ok.json().items[0], relation);
  }
  for (const relation of ['members.employee', 'tags', 'teams', 'organizationContact', 'tasks']) {
    const ok = await get(`/api/organization-projects?${scope}&take=1&relations[]=${relation}`);
    assert.ok(relation.split('.')[0]! in ok.json().items[0], `${relation}: ${ok.body}`);
  }
});
