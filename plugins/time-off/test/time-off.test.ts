import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { assertTextAgrees, connectInMemory, kernelOptionsFor, packCatalog, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import timeOffPlugin from '../src/index.js';
import { timeOffSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's time off (testkit/src/seeds/time-off.ts). */
const POLICY = { default: '5a1e0c2b-7d3f-4e8a-9b1c-2d3e4f5a6b71', vacation: '5b2f1d3c-8e4a-4f9b-8c2d-3e4f5a6b7c82', sick: '5c3a2e4d-9f5b-4a8c-9d3e-4f5a6b7c8d93' };
const REQUEST = {
  nextWeek: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01',
  lastMonth: '6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d02',
  longLeave: '6c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e03',
  denied: '6d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f04',
};

usePackHarness({ plugin: timeOffPlugin, sandboxEntities: timeOffSandbox }, (opened) => ({ sandbox, admin, employee } = opened));

const DAY_MS = 86_400_000;
/** The day (`YYYY-MM-DD`) of the Monday `weeks` from this week's, plus `days`, as the seed places its rows. */
function mondayPlus(weeks: number, days = 0): string {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  return new Date(today - sinceMonday * DAY_MS + (weeks * 7 + days) * DAY_MS).toISOString().slice(0, 10);
}
const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const row = (id: string) => sandbox.db.get('timeOffRequest', id)!;
const nameOf = (employeeId: string) => {
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', employeeId)!.userId))!;
  return `${String(user.firstName)} ${String(user.lastName)}`;
};
const me = () => sandbox.seed.users.employee.employeeId;
const demo = (index: number) => sandbox.seed.demoEmployees[index]!.employeeId;
const lastRequest = (method: string, path: string) => sandbox.requests.filter((entry) => entry.method === method && entry.path === path).at(-1)!;

async function fileRequest(args: Item): Promise<string> {
  const created = await admin.call('create_time_off_request', { policyId: POLICY.vacation, ...args });
  assert.equal(created.isError, false, created.text);
  return String(created.structured!.id);
}

test('every reference tool of time-off is callable by its exact name: listed, an alias, or retired with a reason', async () => {
  const names = readFileSync(new URL('../../../testkit/data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8')
    .split('\n').map((line) => line.split('\t')).filter((cells) => cells[0] === 'time-off').map((cells) => cells[1]!);
  assert.equal(names.length, 20);
  const catalog = packCatalog([timeOffPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  const listed = new Set((await admin.listAllTools()).map((tool) => tool.name));
  assert.deepEqual([...listed].sort(), [
    'approve_time_off_request', 'create_time_off_policy', 'create_time_off_request', 'delete_time_off_policy', 'delete_time_off_request',
    'deny_time_off_request', 'get_time_off_request_by_id', 'get_time_off_statistics', 'list_time_off_policies',
    'list_time_off_requests', 'update_time_off_policy', 'update_time_off_request',
  ]);
  const aliases: Record<string, string> = {
    get_time_off_requests: 'list_time_off_requests', get_time_off_request_count: 'list_time_off_requests',
    get_time_off_request: 'get_time_off_request_by_id', get_time_off_policies: 'list_time_off_policies', get_time_off_policy: 'list_time_off_policies',
    assign_employees_to_time_off_policy: 'update_time_off_policy',
  };
  for (const [alias, canonical] of Object.entries(aliases)) assert.ok(catalog.listed.find((tool) => tool.name === canonical)?.aliases.includes(alias), `${alias} is an alias of ${canonical}`);
  assert.deepEqual(catalog.listed.find((tool) => tool.name === 'list_time_off_requests')?.presets, ['get_my_time_off_requests', 'get_pending_time_off_requests']);
  for (const [name, instead] of [
    ['cancel_time_off_request', /delete_time_off_request removes a request; deny_time_off_request/],
    ['get_time_off_balance', /no allowance of days.*get_time_off_statistics/],
    ['get_my_time_off_balance', /yours: employeeId "me"/],
  ] as const) {
    assert.ok(!listed.has(name), `${name} is not listed`);
    sandbox.clearRequests();
    const answer = await employee.call(name, { employeeId: me() });
    assert.equal(answer.error?.code, 'GMCP_ERR_TOOL_RETIRED', answer.text);
    assert.match(answer.text, instead);
    assert.equal(sandbox.requests.length, 0);
  }
});

test('who is off next week: the requests overlapping the days, with names, days, status and policy, a leave that spans them included', async () => {
  sandbox.clearRequests();
  const week = await admin.call('list_time_off_requests', { startDate: mondayPlus(1), endDate: mondayPlus(1, 6) });
  assert.equal(week.isError, false, week.text);
  // By first day: the long leave started two weeks ago and is still running; last month's day and the denied day in two weeks are not.
  assert.deepEqual(ids(week), [REQUEST.longLeave, REQUEST.nextWeek]);
  assert.equal(week.text.split('\n')[0], '2 of 2 time-off requests:');
  assert.ok(week.text.includes(`${nameOf(me())} (id ${me()}): ${mondayPlus(1)} to ${mondayPlus(1, 4)}, 5 days [REQUESTED] (id ${REQUEST.nextWeek}) · policy Vacation (id ${POLICY.vacation}) · "Family trip"`), week.text);
  assert.ok(week.text.includes(`${nameOf(demo(0))} (id ${demo(0)}): ${mondayPlus(-2)} to ${mondayPlus(3, 4)}, 40 days [APPROVED]`), week.text);
  assertTextAgrees(week.text, week.structured!);
  const item = (week.structured!.items as Item[]).find((entry) => entry.id === REQUEST.nextWeek)!;
  assert.deepEqual(item.employees, [{ id: me(), name: nameOf(me()) }]);
  assert.deepEqual(item.policy, { id: POLICY.vacation, name: 'Vacation' });
  assert.equal(item.days, 5);
  // Gauzy was asked for the requests starting or ending from a year before the first day on (so a long leave is found), with the relations the line names.
  const asked = lastRequest('GET', '/api/time-off-request/pagination').query as { where: Item; relations: string[] };
  assert.equal(asked.where.startDate, new Date(Date.parse(mondayPlus(1)) - 366 * DAY_MS).toISOString());
  assert.equal(asked.where.endDate, new Date(Date.parse(mondayPlus(1, 6)) + DAY_MS - 1).toISOString());
  assert.deepEqual(asked.relations, ['policy', 'employees', 'employees.user']);
});

test('list_time_off_requests filters by employee and policy here (Gauzy\'s filters fail) and by status in Gauzy; get_pending_time_off_requests is it with status REQUESTED', async () => {
  sandbox.clearRequests();
  const theirs = await admin.call('list_time_off_requests', { employeeId: demo(0) });
  assert.deepEqual(ids(theirs), [REQUEST.longLeave]);
  assert.equal((lastRequest('GET', '/api/time-off-request/pagination').query.where as Item).employeeIds, undefined, 'not sent: Gauzy answers 400');
  assert.deepEqual(ids(await admin.call('get_time_off_requests', { policyId: POLICY.sick })), [REQUEST.longLeave, REQUEST.denied]);
  const pending = await admin.call('get_pending_time_off_requests', {});
  assert.ok(ids(pending).includes(REQUEST.nextWeek));
  assert.match((await admin.call('get_pending_time_off_requests', { status: 'DENIED' })).text, /status: get_pending_time_off_requests fixes it to "REQUESTED"/);
  assert.ok((pending.structured!.items as Item[]).every((entry) => entry.status === 'REQUESTED'));
  assert.equal((lastRequest('GET', '/api/time-off-request/pagination').query.where as Item).status, 'REQUESTED');
  const count = await admin.call('get_time_off_request_count', { status: 'DENIED' });
  assert.equal(count.structured!.total, sandbox.db.list('timeOffRequest').filter((entry) => entry.status === 'DENIED' && entry.organizationId === sandbox.seed.organizationId).length);
  const backwards = await admin.call('list_time_off_requests', { startDate: '2026-05-10', endDate: '2026-05-01' });
  assert.deepEqual(backwards.error?.fields, ['endDate']);
  const wrong = await admin.call('list_time_off_requests', { status: 'PENDING', search: 'x' });
  assert.deepEqual([...wrong.error!.fields!].sort(), ['search', 'status']);
});

test('list_time_off_requests with employeeId "me": the caller\'s own requests (Gauzy has no "my" route), for the employee too', async () => {
  const mine = await employee.call('list_time_off_requests', { employeeId: 'me' });
  assert.equal(mine.isError, false, mine.text);
  assert.deepEqual(ids(mine), sandbox.db.list('timeOffRequest').filter((entry) => (entry.employeeIds as string[]).includes(me())).sort((a, b) => String(a.start).localeCompare(String(b.start))).map((entry) => entry.id));
  assert.ok(ids(mine).includes(REQUEST.nextWeek));
  assert.match(mine.text, /time-off requests of yours:/);
  // The reference name is that call (Gauzy has no "my time off" route).
  assert.deepEqual(await employee.call('get_my_time_off_requests', {}), mine);
  const admins = await admin.call('get_time_off_requests', { employeeId: 'me', startDate: mondayPlus(-5), endDate: mondayPlus(-5, 6) });
  assert.deepEqual(ids(admins), [REQUEST.lastMonth]);
  assert.deepEqual((await admin.call('list_time_off_requests', { employeeId: 'mine' })).error?.fields, ['employeeId']);
});

test('get_time_off_request_by_id names the employees and policy (GET /:id joins nothing: found again in its days); 404 for an unknown id', async () => {
  sandbox.clearRequests();
  const got = await admin.call('get_time_off_request', { id: REQUEST.denied });
  assert.equal(got.isError, false, got.text);
  assert.equal(got.text, `Found time-off request: ${nameOf(demo(1))} (id ${demo(1)}): ${mondayPlus(2, 2)} to ${mondayPlus(2, 2)}, 1 day [DENIED] (id ${REQUEST.denied}) · policy Sick Leave (id ${POLICY.sick}) · "Dentist"`);
  assertTextAgrees(got.text, got.structured!);
  assert.deepEqual(sandbox.requests.map((entry) => `${entry.method} ${entry.path}`), ['GET /api/time-off-request/6d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f04', 'GET /api/time-off-request/pagination']);
  const missing = await admin.call('get_time_off_request_by_id', { id: MISSING });
  assert.equal(missing.error!.status, 404);
  assert.deepEqual(missing.error!.gauzyMessages, ['The requested record was not found']);
  assert.deepEqual((await admin.call('get_time_off_request_by_id', { id: 'REQ-1' })).error!.fields, ['id']);
});

test('create_time_off_request files it for the caller, REQUESTED under a policy that needs approval and APPROVED under one that does not', async () => {
  const before = sandbox.db.count('timeOffRequest');
  const created = await admin.call('create_time_off_request', { policyId: POLICY.vacation, start: '2031-05-05', end: '2031-05-09', description: 'Conference' });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  const superAdmin = sandbox.seed.users.superAdmin.employeeId;
  assert.equal(created.text, `Filed time-off request: ${nameOf(superAdmin)} (id ${superAdmin}): 2031-05-05 to 2031-05-09, 5 days [REQUESTED] (id ${id}) · policy Vacation (id ${POLICY.vacation}) · "Conference"`);
  assertTextAgrees(created.text, created.structured!);
  assert.equal(sandbox.db.count('timeOffRequest'), before + 1);
  assert.deepEqual([row(id).employeeIds, row(id).policyId, row(id).status, row(id).isHoliday], [[superAdmin], POLICY.vacation, 'REQUESTED', false]);
  assert.equal(typeof row(id).requestDate, 'string');
  assert.deepEqual((lastRequest('POST', '/api/time-off-request').body as Item).employees, [{ id: superAdmin }]);
  assert.equal(sandbox.db.list('requestApproval').find((entry) => entry.requestId === id)?.status, 1, 'Gauzy keeps an approval record beside it');
  const sick = await fileRequest({ employeeIds: [me(), demo(1)], policyId: POLICY.sick, start: '2031-06-02', end: '2031-06-02' });
  assert.equal(row(sick).status, 'APPROVED');
  assert.deepEqual(row(sick).employeeIds, [me(), demo(1)]);
});

test('create_time_off_request: without a policy it names the organization\'s policies; a backwards range, or an employee Gauzy does not have, is refused with what to do', async () => {
  const before = sandbox.db.count('timeOffRequest');
  const which = await admin.call('create_time_off_request', { start: '2031-07-01', end: '2031-07-02' });
  assert.deepEqual(which.error?.fields, ['policyId']);
  assert.match(which.text, /has 3 time-off policies; name one: Default Policy \(id 5a1e0c2b-7d3f-4e8a-9b1c-2d3e4f5a6b71\), Vacation .*Sick Leave/);
  assert.deepEqual((await admin.call('create_time_off_request', { policyId: MISSING, start: '2031-07-01', end: '2031-07-02' })).error?.fields, ['policyId']);
  assert.deepEqual((await admin.call('create_time_off_request', { policyId: POLICY.sick, start: '2031-07-03', end: '2031-07-01' })).error?.fields, ['end']);
  // Gauzy answers a foreign-key failure with its raw database error (no message): the answer says what fails that way.
  const stranger = await admin.call('create_time_off_request', { policyId: POLICY.sick, employeeIds: [MISSING], start: '2031-07-01', end: '2031-07-02' });
  assert.equal(stranger.error?.status, 400, stranger.text);
  assert.deepEqual(stranger.error!.gauzyMessages, []);
  assert.match(String(stranger.error!.hint), /check employeeIds with list_employees/);
  assert.equal(sandbox.db.count('timeOffRequest'), before);
});

test('update_time_off_request changes only the fields given, keeps the days in order, and reads an unknown id before sending anything', async () => {
  const id = await fileRequest({ start: '2031-08-04', end: '2031-08-08', description: 'Summer' });
  sandbox.clearRequests();
  const updated = await admin.call('update_time_off_request', { id, end: '2031-08-15' });
  assert.equal(updated.isError, false, updated.text);
  assert.match(updated.text, /^Updated time-off request: .*: 2031-08-04 to 2031-08-15, 12 days \[REQUESTED\] .*"Summer"$/);
  assert.deepEqual(lastRequest('PUT', `/api/time-off-request/${id}`).body, { end: '2031-08-15', organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId });
  assert.deepEqual([row(id).start, row(id).end, row(id).description, row(id).policyId], ['2031-08-04', '2031-08-15', 'Summer', POLICY.vacation]);
  await admin.call('update_time_off_request', { id, policyId: POLICY.sick, description: 'Summer, sick' });
  assert.deepEqual([row(id).policyId, row(id).description, row(id).end], [POLICY.sick, 'Summer, sick', '2031-08-15']);
  assert.deepEqual((await admin.call('update_time_off_request', { id, start: '2031-09-01' })).error?.fields, ['end']);
  assert.equal((await admin.call('update_time_off_request', { id })).error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  assert.deepEqual((await admin.call('update_time_off_request', { id, status: 'APPROVED' })).error?.fields, ['status'], 'the status changes through approve and deny');
  sandbox.clearRequests();
  assert.equal((await admin.call('update_time_off_request', { id: MISSING, end: '2031-08-15' })).error?.status, 404);
  assert.deepEqual(sandbox.requests.map((entry) => entry.method), ['GET']);
});

test('approve and deny set Gauzy\'s status and its approval record; one already approved is left as it is, and says so', async () => {
  const id = await fileRequest({ start: '2031-09-01', end: '2031-09-03' });
  const approval = () => sandbox.db.list('requestApproval').find((entry) => entry.requestId === id)!;
  const approved = await admin.call('approve_time_off_request', { id });
  assert.equal(approved.isError, false, approved.text);
  assert.match(approved.text, /^Approved \(was REQUESTED\): Super Admin \(id [^)]+\): 2031-09-01 to 2031-09-03, 3 days \[APPROVED\]/);
  assert.deepEqual([row(id).status, approval().status, approved.structured!.previousStatus, approved.structured!.changed], ['APPROVED', 2, 'REQUESTED', true]);
  assertTextAgrees(approved.text, approved.structured!);
  sandbox.clearRequests();
  const again = await admin.call('approve_time_off_request', { id });
  assert.match(again.text, /^Already APPROVED, nothing changed: /);
  assert.equal(again.structured!.changed, false);
  assert.equal(sandbox.requests.filter((entry) => entry.method === 'PUT').length, 0, 'Gauzy would save it again');
  const denied = await admin.call('deny_time_off_request', { id });
  assert.match(denied.text, /^Denied \(was APPROVED\): .*\[DENIED\]/);
  assert.deepEqual([row(id).status, approval().status], ['DENIED', 3]);
  const missing = await admin.call('deny_time_off_request', { id: MISSING });
  assert.equal(missing.error?.status, 404);
});

test('delete_time_off_request removes the request; again, it is not found', async () => {
  const id = await fileRequest({ start: '2031-10-06', end: '2031-10-06' });
  const deleted = await admin.call('delete_time_off_request', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('timeOffRequest', id), undefined);
  assert.equal((await admin.call('delete_time_off_request', { id })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('get_time_off_statistics sums the calendar days inside the period per status, per employee by name and per policy', async () => {
  // From next Monday for four weeks: the long leave's days inside it, next week's vacation, the denied dentist day.
  const [from, to] = [mondayPlus(1), mondayPlus(4, 6)];
  const stats = await admin.call('get_time_off_statistics', { startDate: from, endDate: to });
  assert.equal(stats.isError, false, stats.text);
  const structured = stats.structured!;
  assert.deepEqual(structured.period, { startDate: from, endDate: to });
  assert.deepEqual([structured.requests, structured.approvedDays, structured.requestedDays, structured.deniedDays], [3, 19, 5, 1]);
  const byEmployee = structured.byEmployee as Item[];
  assert.deepEqual(byEmployee.map((entry) => [entry.id, entry.name, entry.approvedDays, entry.requestedDays, entry.deniedDays]), [
    [demo(0), nameOf(demo(0)), 19, 0, 0], [me(), nameOf(me()), 0, 5, 0], [demo(1), nameOf(demo(1)), 0, 0, 1],
  ]);
  assert.deepEqual((structured.byPolicy as Item[]).map((entry) => [entry.name, entry.approvedDays, entry.requestedDays, entry.deniedDays]), [['Sick Leave', 19, 0, 1], ['Vacation', 0, 5, 0]]);
  assert.ok(stats.text.startsWith(`Time off from ${from} to ${to}: 3 requests; days off (calendar days, per employee): 19 approved, 5 requested, 1 denied.`), stats.text);
  assert.ok(stats.text.includes(`- ${nameOf(demo(0))} (id ${demo(0)}): 19 approved, 0 requested, 0 denied (1 request)`), stats.text);
  assertTextAgrees(stats.text, structured);
  const one = await employee.call('get_time_off_statistics', { startDate: from, endDate: to, employeeId: 'me' });
  assert.deepEqual([one.structured!.requests, one.structured!.requestedDays, (one.structured!.byEmployee as Item[]).length], [1, 5, 1]);
  assert.deepEqual([...(await admin.call('get_time_off_statistics', {})).error!.fields!].sort(), ['endDate', 'startDate']);
});

test('list_time_off_policies names each policy\'s employees; with id it is one policy (get_time_off_policy)', async () => {
  const all = await admin.call('get_time_off_policies', {});
  assert.equal(all.isError, false, all.text);
  assert.deepEqual(ids(all), [POLICY.default, POLICY.vacation, POLICY.sick]);
  assert.ok(all.text.includes(`- Default Policy (id ${POLICY.default}) · paid · no approval needed · no employees`), all.text);
  assert.ok(all.text.includes(`- Sick Leave (id ${POLICY.sick}) · paid · no approval needed · 3 employees: ${nameOf(me())} (id ${me()}), ${nameOf(demo(0))} (id ${demo(0)}), ${nameOf(demo(1))} (id ${demo(1)})`), all.text);
  assertTextAgrees(all.text, all.structured!);
  const one = await admin.call('get_time_off_policy', { id: POLICY.vacation });
  assert.deepEqual(ids(one), [POLICY.vacation]);
  assert.match(one.text, /Vacation \(id [^)]+\) · paid · requires approval · 3 employees: /);
  assert.equal((one.structured!.items as Item[])[0]!.employeeCount, 3);
  assert.match((await admin.call('list_time_off_policies', { id: MISSING })).text, /^No time-off policies found\./);
});

test('create_time_off_policy keeps the employees Gauzy finds in the organization (others are left out) and defaults to paid, with approval', async () => {
  const created = await admin.call('create_time_off_policy', { name: 'Parental Leave', employeeIds: [me(), MISSING] });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  assert.equal(created.text, `Created time-off policy: Parental Leave (id ${id}) · paid · requires approval · 1 employee: ${nameOf(me())} (id ${me()})`);
  const stored = sandbox.db.get('timeOffPolicy', id)!;
  assert.deepEqual([stored.name, stored.paid, stored.requiresApproval, stored.employeeIds], ['Parental Leave', true, true, [me()]]);
  assert.deepEqual((lastRequest('POST', '/api/time-off-policy').body as Item).employees, [me(), MISSING], 'ids, as TimeOffPolicyService looks them up');
  const bare = await admin.call('create_time_off_policy', { name: 'Bereavement', paid: false, requiresApproval: false });
  assert.deepEqual((lastRequest('POST', '/api/time-off-policy').body as Item).employees, [], 'always sent: Gauzy fails without it');
  assert.match(bare.text, /Bereavement .* · unpaid · no approval needed · no employees$/);
});

test('update_time_off_policy: Gauzy replaces a policy, so the new one is made first, its requests moved to it, then the old one deleted', async () => {
  const created = await admin.call('create_time_off_policy', { name: 'Study Leave', employeeIds: [me(), demo(0)] });
  const old = String(created.structured!.id);
  const [first, second] = [await fileRequest({ policyId: old, start: '2032-01-05', end: '2032-01-06' }), await fileRequest({ policyId: old, employeeIds: [demo(0)], start: '2033-02-01', end: '2033-02-01' })];
  const updated = await admin.call('assign_employees_to_time_off_policy', { id: old, employeeIds: [demo(1)], removeEmployeeIds: [me()], paid: false });
  assert.equal(updated.isError, false, updated.text);
  const fresh = String(updated.structured!.id);
  assert.notEqual(fresh, old);
  assert.equal(sandbox.db.get('timeOffPolicy', old), undefined);
  assert.deepEqual(sandbox.db.get('timeOffPolicy', fresh)!.employeeIds, [demo(0), demo(1)]);
  assert.equal(sandbox.db.get('timeOffPolicy', fresh)!.paid, false);
  assert.deepEqual([row(first).policyId, row(second).policyId], [fresh, fresh], 'the requests survive, under the new policy');
  assert.equal(updated.text, `Updated time-off policy (Gauzy replaces it: new id ${fresh}, the old ${old} is gone, its 2 requests moved to the new one): Study Leave (id ${fresh}) · unpaid · requires approval · 2 employees: ${nameOf(demo(0))} (id ${demo(0)}), ${nameOf(demo(1))} (id ${demo(1)})`);
  assert.deepEqual([updated.structured!.replacedId, updated.structured!.movedRequests], [old, 2]);
  assertTextAgrees(updated.text, updated.structured!);
  assert.equal((await admin.call('update_time_off_policy', { id: fresh })).error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  sandbox.clearRequests();
  assert.equal((await admin.call('update_time_off_policy', { id: MISSING, name: 'x' })).error?.status, 404);
  assert.equal(sandbox.requests.filter((entry) => entry.method !== 'GET').length, 0);
  assert.deepEqual([...(await admin.call('assign_employees_to_time_off_policy', { policyId: fresh, employeeIds: [me()] })).error!.fields!].sort(), ['id', 'policyId']);
});

test('update_time_off_policy stops where a move fails and keeps the old policy with the requests not moved', async () => {
  const old = String((await admin.call('create_time_off_policy', { name: 'Jury Duty' })).structured!.id);
  const [first, second] = [await fileRequest({ policyId: old, start: '2032-03-01', end: '2032-03-01' }), await fileRequest({ policyId: old, start: '2032-03-08', end: '2032-03-08' })];
  sandbox.faults.add({ method: 'PUT', path: new RegExp(`^/api/time-off-request/${second}$`), status: 400, body: { statusCode: 400, message: 'Injected refusal' } });
  const failed = await admin.call('update_time_off_policy', { id: old, name: 'Civic Duty' });
  assert.equal(failed.isError, true);
  const fresh = String(failed.error!.newPolicyId);
  assert.match(failed.text, new RegExp(`The new policy ${fresh} was made and 1 of 2 requests were moved to it; request ${second} could not be .*Injected refusal.*the old policy ${old} was kept with the rest`));
  assert.ok(sandbox.db.get('timeOffPolicy', old), 'the old policy is kept');
  assert.deepEqual([row(first).policyId, row(second).policyId], [fresh, old]);
});

test('delete_time_off_policy deletes the policy and, as Gauzy cascades, every request filed under it; the answer counts them', async () => {
  const id = String((await admin.call('create_time_off_policy', { name: 'Temporary' })).structured!.id);
  const requests = [await fileRequest({ policyId: id, start: '2034-01-02', end: '2034-01-03' }), await fileRequest({ policyId: id, start: '2034-02-02', end: '2034-02-02' })];
  const deleted = await admin.call('delete_time_off_policy', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(deleted.text, `Deleted time-off policy Temporary (id ${id}) and, with it, its 2 time-off requests.`);
  assert.deepEqual(deleted.structured, { id, deletedRequests: 2 });
  assert.equal(sandbox.db.get('timeOffPolicy', id), undefined);
  for (const request of requests) assert.equal(sandbox.db.get('timeOffRequest', request), undefined);
  assert.equal((await admin.call('delete_time_off_policy', { id })).error?.status, 404);
});

test('the role matrix: the employee lists everyone\'s time off and their own; Gauzy refuses them every other route (403), with what to do', async () => {
  const list = await employee.call('list_time_off_requests', { startDate: mondayPlus(1), endDate: mondayPlus(1, 6) });
  assert.equal(list.isError, false, list.text);
  assert.deepEqual(ids(list), [REQUEST.longLeave, REQUEST.nextWeek], 'TIME_OFF_VIEW: Gauzy keeps no employee to their own requests');
  assert.equal((await employee.call('get_time_off_statistics', { startDate: mondayPlus(0), endDate: mondayPlus(4) })).isError, false);
  const before = { requests: sandbox.db.count('timeOffRequest'), status: row(REQUEST.nextWeek).status, policies: sandbox.db.count('timeOffPolicy') };
  for (const [tool, args] of [
    ['get_time_off_request_by_id', { id: REQUEST.nextWeek }],
    ['create_time_off_request', { start: '2035-01-01', end: '2035-01-02' }],
    ['update_time_off_request', { id: REQUEST.nextWeek, description: 'Mine' }],
    ['approve_time_off_request', { id: REQUEST.nextWeek }],
    ['deny_time_off_request', { id: REQUEST.nextWeek }],
    ['delete_time_off_request', { id: REQUEST.nextWeek }],
    ['list_time_off_policies', {}],
    ['create_time_off_policy', { name: 'Mine' }],
    ['update_time_off_policy', { id: POLICY.vacation, name: 'Mine' }],
    ['delete_time_off_policy', { id: POLICY.vacation }],
  ] as const) {
    const refused = await employee.call(tool, args);
    assert.equal(refused.error?.status, 403, `${tool}: ${refused.text}`);
    assert.deepEqual(refused.error!.gauzyMessages, ['Forbidden resource']);
    assert.match(String(refused.error!.hint), /ask an admin/, tool);
  }
  assert.deepEqual({ requests: sandbox.db.count('timeOffRequest'), status: row(REQUEST.nextWeek).status, policies: sandbox.db.count('timeOffPolicy') }, before);
});

test('approving is for admins by role, not only by permission: an employee given TIME_OFF_EDIT reads the request, and Gauzy\'s RoleGuard still refuses', async () => {
  const role = sandbox.db.list('role').find((entry) => entry.name === 'EMPLOYEE' && entry.tenantId === sandbox.seed.tenantId)!;
  const permissions = role.permissions as string[];
  role.permissions = [...permissions, 'TIME_OFF_EDIT'];
  try {
    const refused = await employee.call('approve_time_off_request', { id: REQUEST.nextWeek });
    assert.equal(refused.error?.status, 403, refused.text);
    assert.equal(refused.error!.route, '/api/time-off-request/approval/:id', 'the read passed; the approval route refused');
    assert.equal(row(REQUEST.nextWeek).status, 'REQUESTED');
  } finally {
    role.permissions = permissions;
  }
  const local = await connectInMemory(createKernel({ plugins: [timeOffPlugin], inventory: { toolsets: ['all'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'localAdmin') }).serverFactory);
  try {
    const id = await fileRequest({ start: '2035-03-05', end: '2035-03-05' });
    const approved = await local.call('approve_time_off_request', { id });
    assert.equal(approved.isError, false, `ADMIN passes the RoleGuard: ${approved.text}`);
    assert.equal(row(id).status, 'APPROVED');
  } finally {
    await local.close();
  }
});

test('the sandbox answers /pagination as the real Gauzy does: a join fails with 400 {}, the employee filter with 400 SQLITE_ERROR, no days mean this month', async () => {
  const login = await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: sandbox.seed.users.superAdmin.password }) });
  const { token } = (await login.json()) as { token: string };
  const get = async (query: string) => {
    const response = await fetch(`${sandbox.url}/api/time-off-request/pagination?where[organizationId]=${sandbox.seed.organizationId}&${query}`, { headers: { authorization: `Bearer ${token}`, 'tenant-id': sandbox.seed.tenantId } });
    return { status: response.status, body: (await response.json()) as Item };
  };
  assert.deepEqual(await get('join[alias]=time_off_request&join[leftJoin][employees]=time_off_request.employees'), { status: 400, body: {} });
  assert.deepEqual(await get(`where[employeeIds][0]=${me()}`), { status: 400, body: { code: 'SQLITE_ERROR' } });
  const month = await get('');
  const now = new Date();
  const inMonth = sandbox.db.list('timeOffRequest').filter((entry) => {
    const within = (value: unknown) => new Date(String(value)).getUTCFullYear() === now.getUTCFullYear() && new Date(String(value)).getUTCMonth() === now.getUTCMonth();
    return entry.organizationId === sandbox.seed.organizationId && (within(entry.start) || within(entry.end));
  });
  assert.equal(month.body.total, inMonth.length);
  // BaseQueryDTO reads `false` as empty: includeArchived=false filters nothing (seen on the real Gauzy).
  const all = await get('where[startDate]=1970-01-01&where[endDate]=2999-12-31&take=100');
  assert.equal((await get('where[startDate]=1970-01-01&where[endDate]=2999-12-31&where[includeArchived]=false&take=100')).body.total, all.body.total);
});

test('a window holding more requests than are read says so, with the figures in the structure', async () => {
  const scope = { tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId };
  const added = Array.from({ length: 520 }, (_, index) => {
    const start = new Date(Date.UTC(2040, 0, 1) + (index % 300) * DAY_MS).toISOString();
    return sandbox.db.insert('timeOffRequest', { ...scope, start, end: start, status: 'APPROVED', policyId: POLICY.sick, employeeIds: [demo(1)], requestDate: start, isHoliday: false, createdAt: start, deletedAt: null });
  });
  try {
    const listed = await admin.call('list_time_off_requests', { startDate: '2040-01-01', endDate: '2040-12-31', take: 5 });
    assert.equal(listed.isError, false, listed.text);
    assert.deepEqual([listed.structured!.matched, listed.structured!.read, listed.structured!.total], [520, 500, 500]);
    assert.ok(listed.text.endsWith('Only 500 of the 520 requests Gauzy matched were read: narrow startDate and endDate.'), listed.text);
    assertTextAgrees(listed.text, listed.structured!);
  } finally {
    for (const entry of added) sandbox.db.remove('timeOffRequest', entry.id);
  }
});
