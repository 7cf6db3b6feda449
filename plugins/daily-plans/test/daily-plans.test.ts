import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import dailyPlansPlugin from '../src/index.js';
import { dailyPlansSandbox } from '../src/sandbox.js';
import { tasksAsPlanned } from './tasks-as-planned.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
const today = () => new Date().toISOString().slice(0, 10);
const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

usePackHarness({ plugin: dailyPlansPlugin, sandboxEntities: [...dailyPlansSandbox, tasksAsPlanned] }, (opened) => ({ sandbox, admin, employee } = opened));

const seedIds = () => ({ me: sandbox.seed.users.employee.employeeId, boss: sandbox.seed.users.superAdmin.employeeId, team: sandbox.seed.teams[0]!.id });
const plansOf = (employeeId: string) => sandbox.db.list('dailyPlan').filter((plan) => plan.employeeId === employeeId && !plan.deletedAt);
const taskRow = (id: string) => sandbox.db.get('task', id)!;
const orgTasks = () => sandbox.db.list('task').filter((task) => task.organizationId === sandbox.seed.organizationId);

test('every reference tool of the daily-plan category is callable: listed, an alias, or retired with a reason', () => {
  const names = readFileSync(new URL('../../../testkit/data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8')
    .split('\n').map((line) => line.split('\t')).filter((cells) => cells[0] === 'daily-plan').map((cells) => cells[1]!);
  assert.equal(names.length, 17);
  const catalog = packCatalog([dailyPlansPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  for (const tool of catalog.retired) assert.match(tool.reason, /create_daily_plan|update_daily_plan|delete_daily_plan|list_daily_plans/);
  for (const name of ['bulk_create_daily_plans', 'bulk_update_daily_plans', 'bulk_delete_daily_plans']) assert.equal(catalog.callable(name), 'bulk');
});

test('the bulk names run the one-plan tools per plan (Gauzy has no /api/daily-plan/bulk): each reported, a bad one failing alone', async () => {
  const created = await employee.call('bulk_create_daily_plans', { plans: [{ date: dayAfter(20), workTimePlanned: 4 }, { date: 'someday' }, { date: dayAfter(21), workTimePlanned: 6 }] });
  assert.deepEqual([created.structured!.succeeded, created.structured!.failed], [2, 1], created.text);
  assert.match(created.text, /#2 failed: Invalid arguments for create_daily_plan \(date: /);
  const mine = sandbox.db.list('dailyPlan').filter((row) => row.employeeId === sandbox.seed.users.employee.employeeId && [dayAfter(20), dayAfter(21)].includes(String(row.date).slice(0, 10)));
  assert.equal(mine.length, 2);
  const changed = await employee.call('bulk_update_daily_plans', { plans: mine.map((row) => ({ id: String(row.id), workTimePlanned: 1 })) });
  assert.equal(changed.structured!.succeeded, 2, changed.text);
  assert.ok(mine.every((row) => sandbox.db.get('dailyPlan', String(row.id))!.workTimePlanned === 1));
  const removed = await employee.call('bulk_delete_daily_plans', { ids: [...mine.map((row) => String(row.id)), MISSING] });
  assert.deepEqual([removed.structured!.succeeded, removed.structured!.failed], [2, 1], removed.text);
  assert.ok(mine.every((row) => !sandbox.db.get('dailyPlan', String(row.id))));
});

test('get_my_daily_plans answers "what is on my plan today?" in one call: the day, my name, hours and each task by key, title and status', async () => {
  const { me } = seedIds();
  const mine = await employee.call('get_my_daily_plans', { date: today() });
  assert.equal(mine.isError, false, mine.text);
  const [plan] = mine.structured!.items as Item[];
  const stored = plansOf(me).find((row) => String(row.date).startsWith(today()))!;
  assert.equal(plan!.id, stored.id);
  assert.equal(mine.structured!.total, 1);
  assert.match(mine.text, new RegExp(`Plan ${today()} \\[in-progress\\] \\(id ${stored.id}\\) · Default Employee \\(id ${me}\\) · 6 h planned · team Default Team`));
  for (const taskId of stored.taskIds as string[]) {
    const task = taskRow(taskId);
    const key = `${String(task.prefix).toUpperCase()}-${String(task.number)}`;
    assert.ok(mine.text.includes(`${key} ${String(task.title)} [${String(task.status)}] (id ${taskId})`), `${key} in ${mine.text}`);
  }
  assertTextAgrees(mine.text, mine.structured!);
  const all = await employee.call('get_my_daily_plans', {});
  assert.equal(all.structured!.total, plansOf(me).length);
  assert.ok((all.structured!.items as Item[]).every((item) => item.employeeId === me));
  // Latest day first.
  assert.deepEqual((all.structured!.items as Item[]).map((item) => item.date), plansOf(me).map((row) => row.date).sort().reverse());
});

test('list_daily_plans: the organization\'s plans by employee, status, team, task and days; its reference names are aliases of it', async () => {
  const { me, boss, team } = seedIds();
  const all = await admin.call('list_daily_plans', { take: 100 });
  assert.equal(all.isError, false, all.text);
  const live = sandbox.db.list('dailyPlan').filter((plan) => plan.organizationId === sandbox.seed.organizationId && !plan.deletedAt);
  assert.equal(all.structured!.total, live.length);
  assertTextAgrees(all.text, all.structured!);
  assert.ok(all.text.includes(`Super Admin (id ${boss})`) && all.text.includes(`Default Employee (id ${me})`), all.text);

  const todays = await admin.call('list_daily_plans', { date: today(), take: 100 });
  assert.ok((todays.structured!.items as Item[]).length >= 2);
  assert.ok((todays.structured!.items as Item[]).every((plan) => String(plan.date).startsWith(today())));
  const coming = await admin.call('get_employee_daily_plans', { employeeId: me, dateFrom: today(), dateTo: dayAfter(1) });
  assert.deepEqual((coming.structured!.items as Item[]).map((plan) => plan.id).sort(), plansOf(me).filter((plan) => String(plan.date) >= today()).map((plan) => plan.id).sort());
  const done = await admin.call('get_daily_plans', { status: 'completed', take: 100 });
  assert.ok((done.structured!.items as Item[]).length >= 1);
  assert.ok((done.structured!.items as Item[]).every((plan) => plan.status === 'completed'));
  const teamPlans = await admin.call('get_team_daily_plans', { organizationTeamId: team, take: 100 });
  assert.equal(teamPlans.structured!.total, live.filter((plan) => plan.organizationTeamId === team).length);
  const [plan] = plansOf(me);
  const taskId = (plan!.taskIds as string[])[0]!;
  const forTask = await admin.call('get_daily_plans_for_task', { taskId });
  assert.deepEqual((forTask.structured!.items as Item[]).map((item) => item.id).sort(), live.filter((row) => (row.taskIds as string[]).includes(taskId)).map((row) => row.id).sort());
  const count = await admin.call('get_daily_plan_count', { employeeId: me });
  assert.equal(count.structured!.total, plansOf(me).length);

  const bad = await admin.call('list_daily_plans', { status: 'OPEN', take: 500, page: 2 });
  assert.equal(bad.isError, true);
  // fields picks the plan's columns; the employee and tasks stay, and a timestamp asked for is in the text.
  const picked = await admin.call('list_daily_plans', { fields: ['date', 'createdAt'], take: 1 });
  const [first] = picked.structured!.items as Item[];
  assert.deepEqual(Object.keys(first!).sort(), ['createdAt', 'date', 'employee', 'id', 'organizationTeam', 'taskCount', 'tasks']);
  assert.ok(picked.text.includes(`createdAt: `) && !picked.text.includes(' h planned'), picked.text);
  // An unknown argument is refused by name, not ignored.
  assert.deepEqual([...bad.error!.fields!].sort(), ['page', 'status', 'take']);
});

test('get_daily_plan_by_id: the plan with its employee and tasks; an unknown id is isError 404, a malformed one names the field', async () => {
  const { me } = seedIds();
  const stored = plansOf(me)[0]!;
  const one = await admin.call('get_daily_plan', { id: stored.id });
  assert.equal(one.isError, false, one.text);
  assert.equal(one.structured!.id, stored.id);
  assert.equal((one.structured!.employee as Item).name, 'Default Employee');
  assert.equal(one.structured!.taskCount, (stored.taskIds as string[]).length);
  assert.ok(one.text.includes(`Default Employee (id ${me})`));
  assertTextAgrees(one.text, one.structured!);
  const missing = await admin.call('get_daily_plan_by_id', { id: MISSING });
  assert.equal(missing.isError, true);
  assert.equal(missing.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.match(missing.text, new RegExp(`No daily plan ${MISSING}`));
  const malformed = await admin.call('get_daily_plan_by_id', { id: '42' });
  assert.deepEqual(malformed.error!.fields, ['id']);
});

test('create_daily_plan as the employee: their own employee and only team are filled in, the tasks are planned', async () => {
  const { me, team } = seedIds();
  const [first, second] = orgTasks();
  const created = await employee.call('create_daily_plan', { date: dayAfter(10), workTimePlanned: 5.5, taskIds: [first!.id, second!.id] });
  assert.equal(created.isError, false, created.text);
  const row = sandbox.db.get('dailyPlan', String(created.structured!.id))!;
  assert.deepEqual([row.employeeId, row.organizationTeamId, row.workTimePlanned, row.status, String(row.date).slice(0, 10)], [me, team, 5.5, 'open', dayAfter(10)]);
  assert.deepEqual(row.taskIds, [first!.id, second!.id]);
  assert.equal(created.structured!.existed, false);
  assert.match(created.text, /^Created daily plan:/);
  assert.ok(created.text.includes(String(first!.title)) && created.text.includes(String(second!.title)));
  assertTextAgrees(created.text, created.structured!);

  // Gauzy keeps one plan per employee, team and day: a second one adds its task there and keeps the hours.
  const [, , third] = orgTasks();
  const again = await employee.call('create_daily_plan', { date: dayAfter(10), workTimePlanned: 2, status: 'completed', taskIds: [third!.id] });
  assert.equal(again.isError, false, again.text);
  assert.equal(again.structured!.id, row.id);
  assert.equal(again.structured!.existed, true);
  assert.deepEqual([row.workTimePlanned, row.status, (row.taskIds as string[]).length], [5.5, 'open', 3]);
  assert.match(again.text, /already had this plan that day/);

  const bad = await employee.call('create_daily_plan', { date: 'tomorrow', status: 'OPEN' });
  assert.deepEqual([...bad.error!.fields!].sort(), ['date', 'status', 'workTimePlanned']);
});

test('create_daily_plan: a plan for another employee; no team, several teams and an unknown employee are refused with what to do', async () => {
  const { team } = seedIds();
  const demo = sandbox.seed.demoEmployees[0]!;
  const theirs = await admin.call('create_daily_plan', { employeeId: demo.employeeId, date: dayAfter(3), workTimePlanned: 8, status: 'in-progress' });
  assert.equal(theirs.isError, false, theirs.text);
  assert.equal(sandbox.db.get('dailyPlan', String(theirs.structured!.id))!.employeeId, demo.employeeId);
  assert.ok(theirs.text.includes(`${demo.name} (id ${demo.employeeId})`), theirs.text);

  const loner = sandbox.seed.demoEmployees[4]!;
  const noTeam = await admin.call('create_daily_plan', { employeeId: loner.employeeId, date: dayAfter(3), workTimePlanned: 8 });
  assert.equal(noTeam.isError, true, noTeam.text);
  assert.deepEqual(noTeam.error!.fields, ['organizationTeamId']);
  assert.match(noTeam.text, /is in no team/);

  const second = sandbox.db.insert('organizationTeam', { name: 'Second Team', tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, deletedAt: null });
  sandbox.db.insert('organizationTeamEmployee', { organizationTeamId: second.id, employeeId: demo.employeeId, tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, deletedAt: null });
  const twoTeams = await admin.call('create_daily_plan', { employeeId: demo.employeeId, date: dayAfter(4), workTimePlanned: 8 });
  assert.deepEqual(twoTeams.error!.fields, ['organizationTeamId']);
  assert.ok(twoTeams.text.includes(`Default Team (id ${team})`) && twoTeams.text.includes(`Second Team (id ${second.id})`), twoTeams.text);

  const stranger = await admin.call('create_daily_plan', { employeeId: MISSING, organizationTeamId: team, date: dayAfter(4), workTimePlanned: 8 });
  assert.equal(stranger.isError, true);
  assert.equal(stranger.error!.status, 400);
  assert.ok(stranger.error!.gauzyMessages!.some((message) => message.includes(`This employee ("${MISSING}") does not belong to the specified organization.`)), stranger.text);
});

async function newPlan(client: TestClient, args: Record<string, unknown>) {
  const created = await client.call('create_daily_plan', { workTimePlanned: 4, ...args });
  assert.equal(created.isError, false, created.text);
  return sandbox.db.get('dailyPlan', String(created.structured!.id))!;
}

test('update_daily_plan changes only the given fields and answers the plan as a line; an unknown id is not found', async () => {
  const plan = await newPlan(employee, { date: dayAfter(20), workTimePlanned: 6, taskIds: [orgTasks()[0]!.id] });
  const before = { ...plan };
  const updated = await employee.call('update_daily_plan', { id: plan.id, status: 'completed' });
  assert.equal(updated.isError, false, updated.text);
  assert.equal(plan.status, 'completed');
  assert.deepEqual([plan.workTimePlanned, plan.date, plan.employeeId, plan.organizationTeamId, plan.taskIds], [before.workTimePlanned, before.date, before.employeeId, before.organizationTeamId, before.taskIds]);
  assert.match(updated.text, new RegExp(`^Updated daily plan: Plan ${dayAfter(20)} \\[completed\\] \\(id ${plan.id}\\) · Default Employee \\(id ${plan.employeeId}\\) · 6 h planned · team Default Team .* · 1 task: `));
  assertTextAgrees(updated.text, updated.structured!);
  const moved = await admin.call('update_daily_plan', { id: plan.id, date: dayAfter(21), workTimePlanned: 2 });
  assert.equal(moved.isError, false, moved.text);
  assert.deepEqual([String(plan.date).slice(0, 10), plan.workTimePlanned], [dayAfter(21), 2]);
  const missing = await admin.call('update_daily_plan', { id: MISSING, status: 'open' });
  assert.equal(missing.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  const wrong = await admin.call('update_daily_plan', { id: plan.id, status: 'done', workTimePlanned: -1 });
  assert.deepEqual([...wrong.error!.fields!].sort(), ['status', 'workTimePlanned']);
});

test('delete_daily_plan removes the plan and leaves its tasks; an unknown id is not found', async () => {
  const [task] = orgTasks();
  const plan = await newPlan(admin, { date: dayAfter(30), taskIds: [task!.id] });
  const deleted = await admin.call('delete_daily_plan', { id: plan.id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('dailyPlan', plan.id), undefined);
  assert.ok(sandbox.db.get('task', task!.id), 'the task stays');
  const again = await admin.call('delete_daily_plan', { id: plan.id });
  assert.equal(again.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('add_task_to_daily_plan and remove_task_from_daily_plan change the plan\'s tasks only', async () => {
  const [kept, added] = orgTasks();
  const plan = await newPlan(employee, { date: dayAfter(40), taskIds: [kept!.id] });
  const add = await employee.call('add_task_to_daily_plan', { planId: plan.id, taskId: added!.id });
  assert.equal(add.isError, false, add.text);
  assert.deepEqual(plan.taskIds, [kept!.id, added!.id]);
  assert.match(add.text, new RegExp(`^Added task ${added!.id}: Plan ${dayAfter(40)} .* · Default Employee \\(id ${plan.employeeId}\\) · 4 h planned · team Default Team .* · 2 tasks: `));
  assertTextAgrees(add.text, add.structured!);
  const twice = await employee.call('add_task_to_daily_plan', { planId: plan.id, taskId: added!.id });
  assert.match(twice.text, /was already on the plan/);
  assert.deepEqual(plan.taskIds, [kept!.id, added!.id]);

  const removed = await employee.call('remove_task_from_daily_plan', { planId: plan.id, taskId: kept!.id });
  assert.equal(removed.isError, false, removed.text);
  assert.deepEqual(plan.taskIds, [added!.id]);
  assert.ok(sandbox.db.get('task', kept!.id), 'the task stays');
  assert.match(removed.text, new RegExp(`^Removed task ${kept!.id}: .* · 1 task: `));
  const notOn = await employee.call('remove_task_from_daily_plan', { planId: plan.id, taskId: kept!.id });
  assert.match(notOn.text, /was not on the plan/);

  const unknownTask = await employee.call('add_task_to_daily_plan', { planId: plan.id, taskId: MISSING });
  assert.deepEqual([unknownTask.error!.status, unknownTask.error!.gauzyMessages], [404, ['The requested record was not found']]);
  const unknownPlan = await employee.call('add_task_to_daily_plan', { planId: MISSING, taskId: added!.id });
  assert.equal(unknownPlan.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  const malformed = await employee.call('remove_task_from_daily_plan', { planId: plan.id });
  assert.deepEqual(malformed.error!.fields, ['taskId']);
});

test('remove_task_from_many_daily_plans takes the task off the employee\'s plans of today and later, not off earlier ones', async () => {
  const { me } = seedIds();
  const [task] = orgTasks().slice(5);
  const past = await newPlan(employee, { date: dayAfter(-5), taskIds: [task!.id] });
  const soon = await newPlan(employee, { date: dayAfter(50), taskIds: [task!.id, orgTasks()[0]!.id] });
  const later = await newPlan(employee, { date: dayAfter(51), taskIds: [task!.id] });
  const othersPlan = await newPlan(admin, { date: dayAfter(50), taskIds: [task!.id] });
  const result = await employee.call('remove_task_from_many_daily_plans', { taskId: task!.id });
  assert.equal(result.isError, false, result.text);
  assert.deepEqual([past.taskIds, soon.taskIds, later.taskIds, othersPlan.taskIds], [[task!.id], [orgTasks()[0]!.id], [], [task!.id]]);
  assert.match(result.text, new RegExp(`^Removed task ${task!.id} from 2 plans of employee ${me}:`));
  assertTextAgrees(result.text, result.structured!);
  const nothing = await employee.call('remove_task_from_many_daily_plans', { taskId: task!.id });
  assert.match(nothing.text, /is on no plan of employee .* nothing changed/);
  // An admin names the employee; the given plans only.
  const a = await newPlan(employee, { date: dayAfter(52), taskIds: [task!.id] });
  const b = await newPlan(employee, { date: dayAfter(53), taskIds: [task!.id] });
  const one = await admin.call('remove_task_from_many_daily_plans', { taskId: task!.id, employeeId: me, planIds: [b.id] });
  assert.equal(one.isError, false, one.text);
  assert.deepEqual([a.taskIds, b.taskIds], [[task!.id], []]);
});

test('get_daily_plan_statistics sums plans, hours and tasks per status and per employee by name, in text and structure', async () => {
  const { me } = seedIds();
  const from = dayAfter(-1);
  const to = dayAfter(1);
  const stats = await admin.call('get_daily_plan_statistics', { startDate: from, endDate: to });
  assert.equal(stats.isError, false, stats.text);
  const inRange = sandbox.db.list('dailyPlan').filter((plan) => !plan.deletedAt && plan.organizationId === sandbox.seed.organizationId && String(plan.date).slice(0, 10) >= from && String(plan.date).slice(0, 10) <= to);
  const hours = inRange.reduce((sum, plan) => sum + Number(plan.workTimePlanned), 0);
  assert.equal(stats.structured!.plans, inRange.length);
  assert.equal(stats.structured!.plannedHours, hours);
  assert.deepEqual(stats.structured!.period, { startDate: from, endDate: to });
  const mine = (stats.structured!.byEmployee as Item[]).find((entry) => entry.id === me)!;
  const myPlans = inRange.filter((plan) => plan.employeeId === me);
  assert.deepEqual(mine, { id: me, name: 'Default Employee', plans: myPlans.length, plannedHours: myPlans.reduce((sum, plan) => sum + Number(plan.workTimePlanned), 0), tasks: new Set(myPlans.flatMap((plan) => plan.taskIds as string[])).size });
  assert.ok(stats.text.startsWith(`${inRange.length} plans from ${from} to ${to}: ${hours} h planned`), stats.text);
  assert.ok(stats.text.includes(`- Default Employee (id ${me}): ${mine.plans} plans, ${mine.plannedHours} h`), stats.text);
  assertTextAgrees(stats.text, stats.structured!);
  assert.ok(Buffer.byteLength(JSON.stringify(stats.structured)) < 10 * Buffer.byteLength(stats.text), 'a summary, not the plans');
  const none = await admin.call('get_daily_plan_statistics', { startDate: '2001-01-01', endDate: '2001-01-31' });
  assert.equal(none.text, 'No daily plans from 2001-01-01 to 2001-01-31.');
});

test('role matrix: the employee sees the organization\'s plans as Gauzy shows them, changes only their own, and a role without the permission gets Gauzy\'s 403', async () => {
  const { me, boss } = seedIds();
  // GET /api/daily-plan filters by organization only (getAllPlans), for an employee too.
  const seen = await employee.call('list_daily_plans', { employeeId: boss });
  assert.equal(seen.isError, false, seen.text);
  assert.ok((seen.structured!.items as Item[]).length >= 1);
  const mine = await employee.call('get_my_daily_plans', { take: 100 });
  assert.ok((mine.structured!.items as Item[]).every((plan) => plan.employeeId === me));
  const bossPlan = plansOf(boss)[0]!;
  const before = { status: bossPlan.status, taskIds: [...(bossPlan.taskIds as string[])] };
  // The inherited GET /:id and the service's own look-up keep an employee to their own plans.
  const update = await employee.call('update_daily_plan', { id: bossPlan.id, status: 'completed' });
  assert.deepEqual([update.error!.code, update.error!.gauzyMessages], ['GMCP_ERR_GAUZY_NOT_FOUND', ['The requested record was not found']]);
  assert.match(update.text, /What to do: Only an admin or the plan's own employee/);
  // An employee's look-up finds no plan of another's (Gauzy's generic 404), and a plan of theirs only with them named.
  const add = await employee.call('add_task_to_daily_plan', { planId: bossPlan.id, taskId: orgTasks()[3]!.id });
  assert.deepEqual([add.error!.status, add.error!.gauzyMessages], [404, ['The requested record was not found']]);
  assert.match(add.text, /What to do: /);
  const own = plansOf(me)[0]!;
  const unnamed = await raw('employee', 'PUT', `/api/daily-plan/${own.id}`, { organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId, status: 'open' });
  assert.deepEqual([unnamed.status, unnamed.body], [404, { statusCode: 404, message: 'Daily plan not found or you do not have permission to access it' }]);
  const remove = await employee.call('remove_task_from_daily_plan', { planId: bossPlan.id, taskId: (bossPlan.taskIds as string[])[0]! });
  assert.equal(remove.error!.status, 404);
  const removed = await employee.call('delete_daily_plan', { id: bossPlan.id });
  assert.equal(removed.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.match(removed.text, /What to do: An employee can delete only their own plans/);
  assert.deepEqual([bossPlan.status, bossPlan.taskIds], [before.status, before.taskIds]);
  assert.ok(sandbox.db.get('dailyPlan', bossPlan.id), 'the admin\'s plan is still there');
  // The admin may.
  assert.equal((await admin.call('update_daily_plan', { id: plansOf(me)[0]!.id, workTimePlanned: 7 })).isError, false);
  // Gauzy checks only that the employee is one of the organization's when a plan is created: an employee may
  // plan a colleague's day (createDailyPlan has no employee filter).
  const demo = sandbox.seed.demoEmployees[1]!;
  const forColleague = await employee.call('create_daily_plan', { employeeId: demo.employeeId, date: dayAfter(80), workTimePlanned: 1 });
  assert.equal(forColleague.isError, false, forColleague.text);
  assert.equal(sandbox.db.get('dailyPlan', String(forColleague.structured!.id))!.employeeId, demo.employeeId);

  // EMPLOYEE holds DAILY_PLAN_*; without DAILY_PLAN_READ Gauzy's PermissionGuard refuses the plan lists.
  const role = sandbox.db.get('role', sandbox.seed.users.employee.role === 'EMPLOYEE' ? String(sandbox.db.get('user', sandbox.seed.users.employee.id)!.roleId) : '')!;
  const permissions = role.permissions as string[];
  role.permissions = permissions.filter((permission) => permission !== 'DAILY_PLAN_READ');
  try {
    const denied = await employee.call('get_my_daily_plans', {});
    assert.deepEqual([denied.isError, denied.error!.status, denied.error!.gauzyMessages], [true, 403, ['Forbidden resource']]);
  } finally {
    role.permissions = permissions;
  }
});

/** A raw request to the sandbox as a seed user, as a tool's Gauzy client would send it. */
async function raw(user: 'superAdmin' | 'employee', method: string, path: string, body?: unknown) {
  const { email, password } = sandbox.seed.users[user];
  const login = (await (await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).json()) as { token: string };
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${login.token}`, 'tenant-id': sandbox.seed.tenantId, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Item) : undefined };
}

// Each answer below is the one a running Gauzy (commit 39a5c3ad) gave to the same request.
test('the sandbox answers the plan routes as Gauzy does: DTO messages in its order and words, the id-less create answer, no date filter, no paging', async () => {
  const { tenantId, organizationId } = sandbox.seed;
  const { boss, team } = seedIds();
  const empty = await raw('superAdmin', 'POST', '/api/daily-plan', {});
  assert.deepEqual([empty.status, empty.body!.message], [400, [
    'date must be a Date instance', 'date should not be empty', 'workTimePlanned must be a number conforming to the specified constraints',
    'workTimePlanned should not be empty', 'status `$value` must be a valid enum value', 'status should not be empty', 'organization must be an object',
    'organizationId must be a UUID', 'employee must be an object', 'employeeId must be a string', 'organizationTeam must be an object', 'organizationTeamId must be a UUID',
  ]]);
  const wrong = await raw('superAdmin', 'POST', '/api/daily-plan', { organizationId, tenantId, date: 'nope', workTimePlanned: 'x', status: 'OPEN', employeeId: MISSING, organizationTeamId: 'abc' });
  assert.deepEqual(wrong.body!.message, [
    'date must be a Date instance', 'workTimePlanned must be a number conforming to the specified constraints', 'status `OPEN` must be a valid enum value',
    `This employee ("${MISSING}") does not belong to the specified organization.`, 'organizationTeamId must be a UUID',
  ]);
  const plan = plansOf(boss)[0]!;
  const update = await raw('superAdmin', 'PUT', `/api/daily-plan/${plan.id}`, { status: 'done', date: 'x', employeeId: 5, organizationTeamId: 'x' });
  assert.deepEqual(update.body!.message, ['organization must be an object', 'organizationId must be a UUID', 'date must be a Date instance', 'status `done` must be a valid enum value', 'employeeId must be a string', 'organizationTeamId must be a UUID']);
  const someoneElses = await raw('superAdmin', 'PUT', `/api/daily-plan/${plan.id}`, { organizationId, tenantId, status: 'open', employeeId: seedIds().me });
  assert.deepEqual([someoneElses.status, someoneElses.body], [404, { statusCode: 404, message: 'The requested record was not found' }]);

  const unknownTask = await raw('superAdmin', 'POST', '/api/daily-plan', { organizationId, tenantId, date: dayAfter(60), workTimePlanned: 2, status: 'open', employeeId: boss, organizationTeamId: team, taskId: MISSING });
  assert.deepEqual([unknownTask.status, unknownTask.body!.message, (unknownTask.body!.response as Item).statusCode], [400, 'The requested record was not found', 404]);
  const before = sandbox.db.count('dailyPlan');
  const created = await raw('superAdmin', 'POST', '/api/daily-plan', { organizationId, tenantId, date: dayAfter(60), workTimePlanned: 2, status: 'open', employeeId: boss, organizationTeamId: team });
  assert.equal(created.status, 201);
  assert.equal(sandbox.db.count('dailyPlan'), before + 1);
  assert.equal(created.body!.id, undefined, 'a new plan is answered without its id');
  assert.deepEqual([created.body!.date, created.body!.employee], [`${dayAfter(60)}T00:00:00.000Z`, { id: boss }]);

  const query = `where[organizationId]=${organizationId}&where[tenantId]=${tenantId}`;
  const byDate = await raw('superAdmin', 'GET', `/api/daily-plan?${query}&where[date]=${today()}`);
  assert.deepEqual(byDate.body, { items: [], total: 0 });
  const unpaged = await raw('superAdmin', 'GET', `/api/daily-plan?${query}&take=1&skip=2`);
  assert.equal((unpaged.body!.items as Item[]).length, unpaged.body!.total);
  const noWhere = await raw('superAdmin', 'GET', `/api/daily-plan/task/${MISSING}`);
  assert.deepEqual([noWhere.status, noWhere.body], [400, {}]);
});

test('create_daily_plan puts the plan in the caller\'s current team (the user\'s lastTeamId) when they are in several', async () => {
  const { me, team } = seedIds();
  const { tenantId, organizationId } = sandbox.seed;
  const second = sandbox.db.insert('organizationTeam', { name: 'Mobile Team', tenantId, organizationId, deletedAt: null });
  const membership = sandbox.db.insert('organizationTeamEmployee', { organizationTeamId: second.id, employeeId: me, tenantId, organizationId, deletedAt: null });
  const user = sandbox.db.get('user', sandbox.seed.users.employee.id)!;
  try {
    user.lastTeamId = second.id;
    const current = await employee.call('create_daily_plan', { date: dayAfter(70), workTimePlanned: 3 });
    assert.equal(current.isError, false, current.text);
    assert.equal(sandbox.db.get('dailyPlan', String(current.structured!.id))!.organizationTeamId, second.id);
    assert.ok(current.text.includes(`team Mobile Team (id ${second.id})`), current.text);
    user.lastTeamId = null;
    const which = await employee.call('create_daily_plan', { date: dayAfter(71), workTimePlanned: 3 });
    assert.deepEqual(which.error!.fields, ['organizationTeamId']);
    assert.ok(which.text.includes(`Default Team (id ${team})`) && which.text.includes(`Mobile Team (id ${second.id})`), which.text);
    const named = await employee.call('create_daily_plan', { date: dayAfter(71), workTimePlanned: 3, organizationTeamId: team });
    assert.equal(sandbox.db.get('dailyPlan', String(named.structured!.id))!.organizationTeamId, team);
  } finally {
    user.lastTeamId = null;
    sandbox.db.remove('organizationTeamEmployee', membership.id);
  }
});
