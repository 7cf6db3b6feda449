import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertRelationsResolve, assertTextAgrees, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import { employeeEntity } from '../src/entities.js';
import employeesPlugin from '../src/index.js';
import { employeesSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';

usePackHarness({ plugin: employeesPlugin, sandboxEntities: employeesSandbox }, (opened) => ({ sandbox, admin, employee } = opened));

const items = (outcome: { structured?: Item }) => (outcome.structured!.items as Item[]);
const alish = () => sandbox.seed.demoEmployees.find((person) => person.name === 'Alish Meklyov')!;
const ownId = () => sandbox.seed.users.employee.employeeId;
const requestsTo = (path: string) => sandbox.requests.filter((request) => request.path === path);

test('every reference tool of the employees category is callable by its exact name: listed, an alias, or retired', async () => {
  const names = readFileSync(new URL('../../../testkit/data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8')
    .split('\n').map((line) => line.split('\t')).filter((cells) => cells[0] === 'employees').map((cells) => cells[1]!);
  assert.equal(names.length, 15);
  const callable = new Set(employeesPlugin.tools.flatMap((tool) => [tool.name, ...(tool.aliases ?? [])]));
  assert.deepEqual(names.filter((name) => !callable.has(name)), []);
  for (const name of names) {
    const outcome = await admin.call(name, { id: 'not-a-uuid' });
    assert.notEqual(outcome.error?.code, 'GMCP_ERR_UNKNOWN_TOOL', `${name}: ${outcome.text}`);
  }
  const listed = new Set((await admin.listAllTools()).map((tool) => tool.name));
  for (const documented of ['list_employees', 'get_employee_by_id', 'create_employee', 'update_employee', 'get_employee_statistics', 'get_team_availability']) assert.ok(listed.has(documented), documented);
});

test('the two lookups are a toolset of their own, served by default; the rest are not in it and are served on request', () => {
  const byToolset = (name: string) => employeesPlugin.tools.filter((tool) => tool.toolset === name).map((tool) => tool.name).sort();
  assert.deepEqual(byToolset('employees'), ['get_employee_by_id', 'list_employees']);
  assert.deepEqual(employeesPlugin.toolsets.filter((toolset) => toolset.default).map((toolset) => toolset.name), ['employees']);
});

test('list_employees finds by part of the name or email in any case, through Gauzy\'s /pagination search (where[user][name] and [email])', async () => {
  sandbox.clearRequests();
  const found = await admin.call('list_employees', { name: 'aLiSh' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(items(found).map((item) => item.id), [alish().employeeId]);
  const sent = requestsTo('/api/employee/pagination')[0]!;
  assert.deepEqual((sent.query.where as Item).user, { name: 'aLiSh', email: 'aLiSh' });
  assert.deepEqual(sent.query.relations, ['user', 'organizationPosition']);
  // The line a person reads: name and id, job, email, start date.
  assert.match(found.text, new RegExp(`Alish Meklyov \\(id ${alish().employeeId}\\) · Software Engineer · Frontend developer · alish@example-ever.co · started 2019-01-15`));
  assertTextAgrees(found.text, found.structured!);
  // EmployeeService splits the words: each matches first or last names.
  const two = await admin.call('list_employees', { name: 'Elvis Gerov' });
  assert.deepEqual(items(two).map((item) => (item.user as Item).name).sort(), ['Blagovest Gerov', 'Elvis Arabadjiiski']);
  const byEmail = await admin.call('list_employees', { name: 'boyan@example' });
  assert.deepEqual(items(byEmail).map((item) => (item.user as Item).email), ['boyan@example-ever.co']);
  assert.equal((await admin.call('list_employees', { name: 'Nobody Here' })).text, 'No employees found.');
});

test('list_employees lists every employee newest first, with the person compacted to name and email, and pages by rows over /pagination too', async () => {
  const all = await admin.call('list_employees', { take: 100 });
  const stored = sandbox.db.list('employee').filter((row) => row.tenantId === sandbox.seed.tenantId && row.organizationId === sandbox.seed.organizationId && !row.deletedAt);
  assert.equal(all.structured!.total, stored.length);
  const first = items(all)[0]!;
  assert.deepEqual(Object.keys(first.user as Item).sort(), ['email', 'id', 'name']);
  const projected = await admin.call('list_employees', { take: 3, fields: ['startedWorkOn'] });
  assert.ok(items(projected).every((item) => 'user' in item && 'startedWorkOn' in item && !('billRateValue' in item)));
  // "e" matches most people; take 2 from row 1 straddles the route's pages of two.
  const matching = await admin.call('list_employees', { name: 'e', take: 100 });
  const window = await admin.call('list_employees', { name: 'e', take: 2, skip: 1 });
  assert.deepEqual(items(window).map((item) => item.id), items(matching).map((item) => item.id).slice(1, 3));
});

test('list_employees refuses what Gauzy would misread or what it does not take, naming the field', async () => {
  sandbox.clearRequests();
  const numeric = await admin.call('list_employees', { name: '42' });
  assert.deepEqual(numeric.error!.fields, ['name']);
  const unknown = await admin.call('list_employees', { search: 'alish' });
  assert.deepEqual(unknown.error!.fields, ['search']);
  assert.equal(sandbox.requests.length, 0);
});

test('list_employees by team or project reads Gauzy\'s member list; as the EMPLOYEE role (no ORG_EMPLOYEES_VIEW) it falls back to it and says so', async () => {
  const team = sandbox.seed.teams[0]!;
  const members = await admin.call('list_employees', { teamId: team.id });
  assert.deepEqual(items(members).map((item) => item.id).sort(), [...team.memberEmployeeIds].sort());
  const project = sandbox.seed.projects[1]!;
  const onProject = await admin.call('list_employees', { projectId: project.id });
  const expected = sandbox.db.list('organizationProjectEmployee').filter((link) => link.organizationProjectId === project.id).map((link) => link.employeeId);
  assert.deepEqual(items(onProject).map((item) => item.id).sort(), [...expected].sort());

  sandbox.clearRequests();
  const asEmployee = await employee.call('list_employees', { name: 'alish' });
  assert.equal(asEmployee.isError, false, asEmployee.text);
  assert.deepEqual(requestsTo('/api/employee/pagination').map((request) => request.status), [403]);
  assert.equal(requestsTo('/api/employee/members').length, 1);
  assert.deepEqual(items(asEmployee).map((item) => item.id), [alish().employeeId]);
  assert.match(asEmployee.text, /Alish Meklyov \(id [^)]+\) · alish@example-ever\.co/);
  assert.match(String(asEmployee.structured!.note), /may not list employees \(ORG_EMPLOYEES_VIEW\).*matched by name here/);
  assertTextAgrees(asEmployee.text, asEmployee.structured!);
});

test('get_employee_by_id: one employee with person and job; yours without id (get_current_employee); unknown and malformed ids refused', async () => {
  const one = await admin.call('get_employee_by_id', { id: alish().employeeId });
  assert.equal(one.isError, false, one.text);
  assert.equal((one.structured!.user as Item).email, 'alish@example-ever.co');
  assert.equal((one.structured!.organizationPosition as Item).name, 'Software Engineer');
  assert.match(one.text, /^Found employee: Alish Meklyov \(id .*\) · Software Engineer · Frontend developer · alish@example-ever\.co · started 2019-01-15 · bill rate 30 USD$/);
  assertTextAgrees(one.text, one.structured!);
  const mine = await employee.call('get_current_employee', {});
  assert.equal(mine.structured!.id, ownId());
  assert.match(mine.text, /Default Employee/);
  const missing = await admin.call('get_employee', { id: MISSING });
  assert.deepEqual([missing.error!.status, missing.error!.gauzyMessages], [404, ['The requested record was not found']]);
  assert.deepEqual((await admin.call('get_employee_by_id', { id: '42' })).error!.fields, ['id']);
  await assertRelationsResolve(admin, employeeEntity.include, { list: [], get: 'get_employee_by_id', id: alish().employeeId });
});

test('get_employee_by_id as the EMPLOYEE role: Gauzy answers its own record for any id, which the tool refuses with a hint instead of passing it off', async () => {
  const other = await employee.call('get_employee_by_id', { id: alish().employeeId });
  assert.equal(other.isError, true);
  assert.equal(other.error!.code, 'GMCP_ERR_GAUZY_FORBIDDEN');
  assert.match(String(other.error!.hint), /only your own employee record.*list_employees/);
  assert.match(other.text, new RegExp(`Gauzy answered employee ${ownId()} \\(yours\\)`));
});

test('create_employee creates the user (names, email, EMPLOYEE role, organization) and the employee; the subscriber starts tracking from the start date', async () => {
  const created = await admin.call('create_employee', { firstName: 'Nadia', lastName: 'Petrova', email: 'nadia@example-ever.co', password: 'secret-123', startedWorkOn: '2026-11-02', short_description: 'Data analyst' });
  assert.equal(created.isError, false, created.text);
  assert.match(created.text, /^Created employee: Nadia Petrova \(id [^)]+\) · Data analyst · nadia@example-ever\.co · started 2026-11-02$/);
  const row = sandbox.db.get('employee', String(created.structured!.id))!;
  const user = sandbox.db.get('user', String(row.userId))!;
  assert.deepEqual([user.firstName, user.lastName, user.email], ['Nadia', 'Petrova', 'nadia@example-ever.co']);
  assert.equal(sandbox.db.get('role', String(user.roleId))!.name, 'EMPLOYEE');
  assert.ok(sandbox.db.list('userOrganization').some((link) => link.userId === user.id && link.organizationId === sandbox.seed.organizationId));
  assert.deepEqual([row.organizationId, row.isTrackingEnabled, row.profile_link, row.short_description], [sandbox.seed.organizationId, true, 'nadia-petrova', 'Data analyst']);
  // An email that is already an employee here: Gauzy's 400, with the way out.
  const again = await admin.call('create_employee', { email: 'nadia@example-ever.co', password: 'x' });
  assert.deepEqual(again.error!.gauzyMessages, ['Employee already exists for this user in this organization']);
  assert.match(String(again.error!.hint), /list_employees.*restore_employee/);
  sandbox.clearRequests();
  assert.deepEqual((await admin.call('create_employee', { email: 'someone@example-ever.co' })).error!.fields, ['password']);
  assert.deepEqual((await admin.call('create_employee', { firstName: 'No', lastName: 'Email' })).error!.fields, ['email']);
  assert.deepEqual((await admin.call('create_employee', { email: 'not-an-email', password: 'x' })).error!.fields, ['email']);
  assert.equal(sandbox.requests.length, 0);
  const denied = await employee.call('create_employee', { email: 'sneaky@example-ever.co', password: 'x' });
  assert.deepEqual([denied.error!.status, denied.error!.gauzyMessages], [403, ['Forbidden resource']]);
});

test('bulk_create_employees reports each hire by name, and a failure does not hide the others', async () => {
  const result = await admin.call('bulk_create_employees', { employees: [
    { firstName: 'Iva', lastName: 'Koleva', email: 'iva@example-ever.co', password: 'p' },
    { email: 'alish@example-ever.co', password: 'p' },
    { firstName: 'Ivo' },
  ] });
  assert.deepEqual([result.structured!.succeeded, result.structured!.failed], [1, 2]);
  assert.match(result.text, /#1 ok: Iva Koleva \(id /);
  assert.match(result.text, /#2 failed: Employee already exists for this user in this organization/);
  assert.match(result.text, /#3 failed: .*email: give the new employee's email/);
  assert.ok(sandbox.db.list('user').some((user) => user.email === 'iva@example-ever.co'));
});

test('update_employee changes only the given fields, carries upworkId and linkedInId over (Gauzy clears them otherwise), and answers the employee read back', async () => {
  const target = sandbox.db.get('employee', alish().employeeId)!;
  Object.assign(target, { upworkId: 'upwork-alish', linkedInId: 'linkedin-alish' });
  sandbox.clearRequests();
  const updated = await admin.call('update_employee', { id: alish().employeeId, billRateValue: 42, payPeriod: 'MONTHLY' });
  assert.equal(updated.isError, false, updated.text);
  assert.match(updated.text, /bill rate 42 USD/);
  assert.deepEqual([target.billRateValue, target.payPeriod, target.upworkId, target.linkedInId, target.startedWorkOn], [42, 'MONTHLY', 'upwork-alish', 'linkedin-alish', '2019-01-15T00:00:00.000Z']);
  const put = sandbox.requests.find((request) => request.method === 'PUT')!;
  assert.equal(put.path, `/api/employee/${alish().employeeId}`);
  assert.deepEqual(Object.keys(put.body as Item).sort(), ['billRateValue', 'linkedInId', 'organizationId', 'payPeriod', 'tenantId', 'upworkId']);
  // EmployeeSubscriber: an end date alone ends the employment (inactive, archived, out of the organization).
  const ended = await admin.call('update_employee', { id: alish().employeeId, endWork: '2026-12-31' });
  assert.equal(ended.isError, false, ended.text);
  assert.match(ended.text, /\[inactive\]/);
  assert.deepEqual([target.isActive, target.isArchived, target.isTrackingEnabled], [false, true, false]);
  // A start date makes them active again and clears the end date.
  await admin.call('update_employee', { id: alish().employeeId, startedWorkOn: '2019-01-15' });
  assert.deepEqual([target.isActive, target.isArchived, target.endWork], [true, false, null]);
  assert.deepEqual((await admin.call('update_employee', { id: alish().employeeId, payPeriod: 'YEARLY' })).error!.fields, ['payPeriod']);
  assert.equal((await admin.call('update_employee', { id: alish().employeeId })).error!.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  assert.equal((await admin.call('update_employee', { id: MISSING, billRateValue: 1 })).error!.status, 404);
});

test('update_employee as the EMPLOYEE role: its own profile through PUT /:id/profile (update_employee_profile); the admin-only switches and others\' records are refused', async () => {
  sandbox.clearRequests();
  const own = await employee.call('update_employee_profile', { short_description: 'API developer', reWeeklyLimit: 30 });
  assert.equal(own.isError, false, own.text);
  assert.deepEqual(sandbox.requests.filter((request) => request.method === 'PUT').map((request) => request.path), [`/api/employee/${ownId()}/profile`]);
  assert.deepEqual([sandbox.db.get('employee', ownId())!.short_description, sandbox.db.get('employee', ownId())!.reWeeklyLimit], ['API developer', 30]);
  const tracking = await employee.call('update_employee', { isTrackingEnabled: false });
  assert.deepEqual([tracking.error!.status, tracking.error!.gauzyMessages], [403, ['Forbidden resource']]);
  assert.equal(sandbox.db.get('employee', ownId())!.isTrackingEnabled, true);
  const other = await employee.call('update_employee', { id: alish().employeeId, billRateValue: 1 });
  assert.equal(other.error!.status, 403);
  assert.notEqual(sandbox.db.get('employee', alish().employeeId)!.billRateValue, 1);
});

test('archive_employee (soft_delete_employee) hides an employee from lists, get_employee_by_id still reads them as archived (Gauzy reads withDeleted), restore_employee brings them back', async () => {
  const hire = await admin.call('create_employee', { firstName: 'Temp', lastName: 'Worker', email: 'temp@example-ever.co', password: 'p' });
  const id = String(hire.structured!.id);
  const archived = await admin.call('soft_delete_employee', { id });
  assert.equal(archived.isError, false, archived.text);
  assert.equal(archived.structured!.recoverable, true);
  assert.ok(sandbox.db.get('employee', id)!.deletedAt);
  assert.ok(!items(await admin.call('list_employees', { take: 100 })).some((item) => item.id === id));
  const read = await admin.call('get_employee_by_id', { id });
  assert.match(read.text, /Temp Worker \[archived\]/);
  const restored = await admin.call('restore_employee', { id });
  assert.equal(restored.isError, false, restored.text);
  assert.equal(sandbox.db.get('employee', id)!.deletedAt, null);
  assert.ok(items(await admin.call('list_employees', { name: 'temp' })).some((item) => item.id === id));
  assert.equal((await admin.call('restore_employee', { id: MISSING })).error!.status, 400);
  assert.equal((await employee.call('archive_employee', { id })).error!.status, 403);
});

test('get_employee_count is list_employees, whose answer carries the total (one tool per job)', async () => {
  const count = await admin.call('get_employee_count', { take: 1 });
  const stored = sandbox.db.list('employee').filter((row) => row.tenantId === sandbox.seed.tenantId && row.organizationId === sandbox.seed.organizationId && !row.deletedAt).length;
  assert.equal(count.structured!.total, stored);
  assert.ok(!(await admin.listAllTools()).some((tool) => tool.name === 'get_employee_count'));
  assert.deepEqual((await admin.call('get_employee_count', { where: {} })).error!.fields, ['where']);
});

test('get_working_employees (and its count alias) asks Gauzy for today\'s working employees in ?data=, with their users; the EMPLOYEE role may (SELECT_EMPLOYEE)', async () => {
  sandbox.clearRequests();
  const working = await admin.call('get_working_employees', { take: 100 });
  assert.equal(working.isError, false, working.text);
  const today = new Date().toISOString().slice(0, 10);
  const data = JSON.parse(String(requestsTo('/api/employee/working')[0]!.query.data)) as { findInput: Item };
  assert.deepEqual(data.findInput, { organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId, forRange: { startDate: today, endDate: today }, withUser: true });
  const expected = sandbox.db.list('employee').filter((row) => row.tenantId === sandbox.seed.tenantId && row.organizationId === sandbox.seed.organizationId && !row.deletedAt && row.isActive !== false && row.startedWorkOn && (!row.endWork || String(row.endWork) >= today));
  assert.equal(working.structured!.total, expected.length);
  assert.match(working.text, new RegExp(`employees working on ${today}:`));
  assert.match(working.text, /Alish Meklyov \(id /);
  const count = await employee.call('get_working_employees_count', { take: 1 });
  assert.equal(count.isError, false, count.text);
  assert.equal(count.structured!.total, expected.length);
});

test('get_employee_statistics: tracked time per project and money per month, summed from the sandbox\'s logs, incomes and expenses, in text and structure', async () => {
  const stats = await admin.call('get_employee_statistics', { employeeId: ownId() });
  assert.equal(stats.isError, false, stats.text);
  // The default period is the last 30 days: everything summed here is what falls inside the period the tool reports
  // (the seed's money has fixed dates, so summing all of it passed only while they were recent).
  const period = stats.structured!.period as { startDate: string; endDate: string };
  const [since, until] = [Date.parse(period.startDate), Date.parse(period.endDate)];
  const inPeriod = (at: unknown) => Date.parse(String(at)) >= since && Date.parse(String(at)) <= until;
  const seconds = sandbox.db.list('timeLog').filter((log) => log.employeeId === ownId() && Date.parse(String(log.startedAt)) >= since)
    .reduce((sum, log) => sum + Math.floor((Date.parse(String(log.stoppedAt)) - Date.parse(String(log.startedAt))) / 1000), 0);
  const incomes = sandbox.db.list('income').filter((row) => row.employeeId === ownId() && inPeriod(row.valueDate)).reduce((sum, row) => sum + Number(row.amount), 0);
  const expenses = sandbox.db.list('expense').filter((row) => row.employeeId === ownId() && inPeriod(row.valueDate)).reduce((sum, row) => sum + Number(row.amount), 0);
  assert.ok(seconds > 0 && incomes > 0 && expenses > 0, 'the demo seed has time, incomes and expenses for the employee');
  assert.equal(stats.structured!.totalSeconds, seconds);
  const totals = stats.structured!.totals as Record<string, number>;
  assert.deepEqual([totals.income, totals.expense, totals.profit], [incomes, expenses, incomes - expenses]);
  // Gauzy's profit-based bonus (75% of profit when the organization sets none) plus the bonus incomes.
  const bonusIncome = sandbox.db.list('income').filter((row) => row.employeeId === ownId() && row.isBonus && inPeriod(row.valueDate)).reduce((sum, row) => sum + Number(row.amount), 0);
  assert.equal(totals.bonus, Math.round(((incomes - expenses) * 0.75 + bonusIncome) * 100) / 100);
  assert.match(stats.text, new RegExp(`^Default Employee \\(id ${ownId()}\\) from `));
  assert.match(stats.text, /Gauzy Platform \(Open-Source\) \(id [^)]+\): \d+\.\d\d h/);
  assert.match(stats.text, new RegExp(`Money \\(USD\\): income ${incomes}, expenses ${expenses}, profit ${incomes - expenses}`));
  assertTextAgrees(stats.text, stats.structured!);
  // As the EMPLOYEE role: its own money (no employeeId), not another's; Gauzy's daily report is not asked for that role
  // (on the real Gauzy it held the API busy for minutes).
  sandbox.clearRequests();
  const own = await employee.call('get_employee_statistics', {});
  assert.equal(own.isError, false, own.text);
  assert.deepEqual((own.structured!.totals as Record<string, number>).income, incomes);
  assert.match(own.text, /Tracked time is not read for your Gauzy role/);
  assert.equal(requestsTo('/api/timesheet/time-log/report/daily').length, 0);
  assert.equal((await employee.call('get_employee_statistics', { employeeId: alish().employeeId })).error!.code, 'GMCP_ERR_GAUZY_FORBIDDEN');
  assert.equal((await admin.call('get_employee_statistics', { employeeId: MISSING })).error!.status, 404);
});

test('get_team_availability: members with presence and the availability slots each published per day; the EMPLOYEE role sees only its own slots', async () => {
  const team = sandbox.seed.teams[0]!;
  const week = await admin.call('get_team_availability', { teamId: team.id });
  assert.equal(week.isError, false, week.text);
  const days = week.structured!.days as Array<{ date: string; available: string[] }>;
  assert.equal(days.length, 7);
  const slotDays = sandbox.db.list('availabilitySlot').filter((slot) => slot.employeeId === alish().employeeId).map((slot) => String(slot.startTime).slice(0, 10));
  assert.equal(slotDays.length, 2);
  for (const day of days) assert.equal(day.available.includes(alish().employeeId), slotDays.includes(day.date), day.date);
  assert.deepEqual((week.structured!.members as Item[]).map((member) => member.id).sort(), [...team.memberEmployeeIds].sort());
  assert.match(week.text, new RegExp(`- ${slotDays[0]} \\w{3}: .*Alish Meklyov ${slotDays[0]} 09:00 UTC to ${slotDays[0]} 12:00 UTC`));
  assert.match(week.text, /The organization's own slots: /);
  assertTextAgrees(week.text, week.structured!);
  const mine = await employee.call('get_team_availability', { teamId: team.id });
  assert.ok((mine.structured!.days as Array<{ available: string[] }>).every((day) => day.available.every((id) => id === ownId())));
  assert.match(mine.text, /only your own slots/);
  assert.deepEqual((await admin.call('get_team_availability', { startDate: '2026-01-01', endDate: '2026-03-01' })).error!.fields, ['endDate']);
});

test('answers stay small: every read without arguments under 32 KB', async () => {
  for (const name of ['list_employees', 'get_employee_by_id', 'get_working_employees', 'get_employee_statistics', 'get_team_availability']) {
    const outcome = await admin.call(name, {});
    assert.equal(outcome.isError, false, `${name}: ${outcome.text}`);
    assert.ok(Buffer.byteLength(outcome.text) + Buffer.byteLength(JSON.stringify(outcome.structured)) < 32 * 1024, name);
  }
});
