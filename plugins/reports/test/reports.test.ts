import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineEntity } from '@gauzy-mcp/core';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import reportsPlugin from '../src/index.js';
import { reportsSandbox } from '../src/sandbox.js';
import { reportPeriod } from '../src/tools/generate.js';

type Item = Record<string, unknown>;

/** The report reads Gauzy's task list; a pack may not import the tasks pack, so the test teaches the sandbox only that route. */
const tasksAsRead = defineEntity({ name: 'task', gauzyClass: 'Task', noun: 'task', plural: 'tasks', path: '/api/tasks', operations: ['findAll'], scope: 'organization', fields: {} });

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
const HOUR = 3_600_000;

usePackHarness({ plugin: reportsPlugin, sandboxEntities: [...reportsSandbox, tasksAsRead] }, (opened) => ({ sandbox, admin, employee } = opened));

const items = (answer: { structured?: Item }) => (answer.structured?.items as Item[] | undefined) ?? [];
const scope = () => ({ tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, createdByUserId: sandbox.seed.users.superAdmin.id });

test('every reference tool of reports is callable, generate_report is listed, and the pack stays within 4,000 bytes', () => {
  const names = referenceToolNames('reports');
  assert.equal(names.length, 4);
  const catalog = packCatalog([reportsPlugin]);
  assert.deepEqual([...names, 'generate_report'].filter((name) => !catalog.callable(name)), []);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), ['generate_report', 'list_reports', 'update_report_menu']);
  assert.equal(catalog.callable('get_report_menu_items'), 'preset');
  assert.ok(catalog.bytes <= 4000, `${catalog.bytes} bytes`);
});

test("list_reports names each report under its category with whether the organization's menu shows it; get_report_menu_items is those shown", async () => {
  const answer = await admin.call('get_reports', {});
  assert.equal(answer.isError, false, answer.text);
  const stored = sandbox.db.list('report');
  assert.equal(answer.structured!.total, stored.length);
  const weekly = items(answer).find((report) => report.slug === 'weekly')!;
  assert.deepEqual(weekly.category, { id: stored.find((row) => row.slug === 'weekly')!.categoryId, name: 'Time Tracking' });
  assert.ok(answer.text.includes(`Time Tracking:\n- Time & Activity (slug time-activity, id ${String(items(answer)[0]!.id)}) · Time Tracking · in the menu`), answer.text);
  assert.match(answer.text, /\nInvoicing:\n- Project budgets/);
  assertTextAgrees(answer.text, answer.structured!);
  // Gauzy was asked for the organization's view, with the categories joined.
  const request = sandbox.requests.at(-1)!;
  assert.deepEqual([request.path, request.query.organizationId, request.query.relations], ['/api/report', sandbox.seed.organizationId, ['category']]);
  const menu = await admin.call('get_report_menu_items', {});
  assert.equal(menu.structured!.total, stored.length, 'Gauzy enables every report for a new organization');
});

test('update_report_menu hides and shows a report for the organization (its report_organization row), for any signed-in user as Gauzy allows', async () => {
  const expense = sandbox.db.list('report').find((row) => row.slug === 'expense')!;
  const hidden = await employee.call('update_report_menu', { reportId: String(expense.id), showInMenu: false });
  assert.equal(hidden.isError, false, hidden.text);
  assert.match(hidden.text, /^Hidden: Expense \(slug expense, id [0-9a-f-]{36}\) · Time Tracking · not in the menu$/);
  const row = sandbox.db.list('reportOrganization').find((entry) => entry.reportId === expense.id && entry.organizationId === sandbox.seed.organizationId)!;
  assert.equal(row.isEnabled, false);
  const shown = await admin.call('list_reports', { inMenu: false });
  assert.deepEqual(items(shown).map((report) => report.slug), ['expense']);
  assert.equal((await admin.call('get_report_menu_items', {})).structured!.total, sandbox.db.list('report').length - 1);
  assert.match((await admin.call('get_report_menu_items', { inMenu: false })).text, /inMenu: get_report_menu_items fixes it to true/);
  await admin.call('update_report_menu', { reportId: String(expense.id), showInMenu: true });
  assert.equal(sandbox.db.get('reportOrganization', String(row.id))!.isEnabled, true);

  sandbox.clearRequests();
  const unknown = await admin.call('update_report_menu', { reportId: MISSING, showInMenu: true });
  assert.equal(unknown.error?.status, 404);
  assert.match(unknown.text, /list_reports/);
  assert.ok(!sandbox.requests.some((request) => request.method === 'POST'), 'no menu entry for a report that does not exist');
  const bad = await admin.call('update_report_menu', { reportId: 'expense', showInMenu: 'yes' });
  assert.deepEqual([...bad.error!.fields!].sort(), ['reportId', 'showInMenu']);
});

/** A week in the past with logs and finished tasks of its own, so the report's numbers can be checked against them exactly. */
const WEEK = '2026-03-02';
function seedWeek() {
  const { superAdmin, employee: me } = sandbox.seed.users;
  const [platform, website] = sandbox.seed.projects;
  const at = (day: number, hour: number) => new Date(Date.parse(`${WEEK}T00:00:00.000Z`) + day * 24 * HOUR + hour * HOUR).toISOString();
  // The super admin works 9 h a day Monday to Friday (45 h, over 40); the employee 6 h on two days, split over two projects.
  const logs: Array<[string, string, number, number, number]> = [
    ...[0, 1, 2, 3, 4].map((day) => [superAdmin.employeeId, platform!.id, day, 8, 9] as [string, string, number, number, number]),
    [me.employeeId, platform!.id, 1, 9, 4], [me.employeeId, website!.id, 3, 13, 2],
  ];
  for (const [employeeId, projectId, day, hour, hours] of logs) {
    sandbox.db.insert('timeLog', { employeeId, projectId, startedAt: at(day, hour), stoppedAt: at(day, hour + hours), logType: 'TRACKED', source: 'BROWSER', isBillable: true, isRunning: false, description: 'Week work', ...scope(), createdAt: at(day, hour), updatedAt: at(day, hour + hours), deletedAt: null });
  }
  // Two tasks finished that week, one the week after (not counted).
  const tasks = sandbox.db.list('task').filter((task) => task.organizationId === sandbox.seed.organizationId).slice(0, 3);
  sandbox.db.update('task', String(tasks[0]!.id), { status: 'done', updatedAt: at(2, 15) });
  sandbox.db.update('task', String(tasks[1]!.id), { status: 'completed', updatedAt: at(4, 11) });
  sandbox.db.update('task', String(tasks[2]!.id), { status: 'done', updatedAt: at(8, 10) });
  return { finished: [tasks[1]!.id, tasks[0]!.id], platform: platform!, website: website! };
}

test('a weekly report through an MCP client: time per project and employee, who went over 40 h, per day, and the tasks completed — exactly the seeded numbers', async () => {
  const { finished, platform, website } = seedWeek();
  const { superAdmin, employee: me } = sandbox.seed.users;
  const report = await admin.call('generate_report', { startDate: WEEK });
  assert.equal(report.isError, false, report.text);
  const s = report.structured!;
  assert.deepEqual(s.period, { kind: 'weekly', startDate: `${WEEK}T00:00:00.000Z`, endDate: '2026-03-08T23:59:59.999Z' });
  assert.equal(s.totalSeconds, (45 + 6) * 3600);
  const projects = s.byProject as Item[];
  assert.deepEqual(projects.map((project) => [project.id, project.seconds]), [[platform.id, 49 * 3600], [website.id, 2 * 3600]]);
  const people = s.byEmployee as Item[];
  assert.deepEqual(people.map((person) => [person.id, person.seconds]), [[superAdmin.employeeId, 45 * 3600], [me.employeeId, 6 * 3600]]);
  assert.deepEqual((s.employeesOver as Item[]).map((person) => [person.id, person.hours]), [[superAdmin.employeeId, 45]]);
  assert.deepEqual((s.days as Item[]).map((day) => [day.date, day.hours]), [['2026-03-02', 9], ['2026-03-03', 13], ['2026-03-04', 9], ['2026-03-05', 11], ['2026-03-06', 9]]);
  const completed = s.completedTasks as { count: number; items: Item[] };
  assert.equal(completed.count, 2);
  assert.deepEqual(completed.items.map((task) => task.id), finished);

  // The text alone answers the status mail's questions.
  assert.match(report.text, /^Weekly report 2026-03-02 to 2026-03-08: 51\.00 h \(183600 s\) tracked by 2 employee\(s\) on 2 project\(s\)\./);
  assert.ok(report.text.includes(`- ${platform.name} (id ${platform.id}): 49.00 h (176400 s), 96.1% — Super Admin 45.00 h, Default Employee 4.00 h`), report.text);
  assert.ok(report.text.includes(`Over 40 h: Super Admin (id ${superAdmin.employeeId}) 45.00 h (162000 s).`), report.text);
  assert.match(report.text, /Tasks completed \(done or completed, last changed in the period; Gauzy keeps no completion date\): 2: /);
  assertTextAgrees(report.text, s);
  assert.ok(Buffer.byteLength(report.text) + Buffer.byteLength(JSON.stringify(s)) < 32 * 1024);

  // Grouped by employee, each person's projects; a daily report of one day with its own threshold.
  const byPerson = await admin.call('generate_report', { startDate: WEEK, groupBy: 'employee' });
  assert.ok(byPerson.text.includes(`- Default Employee (id ${me.employeeId}): 6.00 h (21600 s), 11.8% — ${platform.name} 4.00 h, ${website.name} 2.00 h`), byPerson.text);
  const tuesday = await admin.call('generate_report', { kind: 'daily', startDate: '2026-03-03', overHours: 5 });
  assert.equal(tuesday.structured!.totalSeconds, 13 * 3600);
  assert.deepEqual((tuesday.structured!.employeesOver as Item[]).map((person) => person.id), [superAdmin.employeeId]);
  assert.match(tuesday.text, /^Daily report 2026-03-03 to 2026-03-03/);
  assertTextAgrees(tuesday.text, tuesday.structured!);
  // Only chosen projects: the website's two hours.
  const site = await admin.call('generate_report', { startDate: WEEK, projectIds: [website.id] });
  assert.equal(site.structured!.totalSeconds, 2 * 3600);
  const finishedOnSite = finished.filter((id) => sandbox.db.get('task', String(id))!.projectId === website.id);
  assert.equal((site.structured!.completedTasks as { count: number }).count, finishedOnSite.length);
});

// An employee's report holds only their own time (Gauzy's report answers their own logs): shown in cli/test/flows.e2e.test.ts,
// where the time-tracking pack teaches the sandbox whose logs an employee sees.
test('a week with nothing tracked says so; bad ranges are refused', async () => {
  const mine = await employee.call('generate_report', { startDate: WEEK });
  assert.equal(mine.isError, false, mine.text);
  const quiet = await admin.call('generate_report', { startDate: '2020-01-06' });
  assert.match(quiet.text, /^Weekly report 2020-01-06 to 2020-01-12: 0\.00 h \(0 s\) tracked by 0 employee\(s\) on 0 project\(s\)\.\nOver 40 h: nobody\./);
  const backwards = await admin.call('generate_report', { startDate: '2026-03-08', endDate: '2026-03-02' });
  assert.deepEqual(backwards.error?.fields, ['endDate']);
  const wrong = await admin.call('generate_report', { kind: 'monthly', overHours: -1 });
  assert.deepEqual([...wrong.error!.fields!].sort(), ['kind', 'overHours']);
});

test('the default period is the current week from its Monday (UTC), or today for a daily report', () => {
  const thursday = new Date('2026-12-03T15:00:00.000Z');
  assert.deepEqual(reportPeriod('weekly', undefined, undefined, thursday), { start: new Date('2026-11-30T00:00:00.000Z'), end: new Date('2026-12-06T23:59:59.999Z') });
  assert.deepEqual(reportPeriod('daily', undefined, undefined, thursday), { start: new Date('2026-12-03T00:00:00.000Z'), end: new Date('2026-12-03T23:59:59.999Z') });
  const sunday = new Date('2026-12-06T23:00:00.000Z');
  assert.equal(reportPeriod('weekly', undefined, undefined, sunday).start.toISOString(), '2026-11-30T00:00:00.000Z');
});
