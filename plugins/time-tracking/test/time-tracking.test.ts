import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { assertTextAgrees, connectInMemory, createSandbox, kernelOptionsFor, type ProtocolRevision, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import { DETAILED_DAYS } from '../src/tools/logs.js';
import timeTrackingPlugin from '../src/index.js';
import { timeTrackingSandbox } from '../src/sandbox.js';

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';

const open = (user: 'superAdmin' | 'employee', protocol?: ProtocolRevision) =>
  connectInMemory(createKernel({ plugins: [timeTrackingPlugin], log: silentLogger, ...kernelOptionsFor(sandbox, user) }).serverFactory, { protocol });

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: timeTrackingSandbox });
  admin = await open('superAdmin');
  employee = await open('employee', '2025-06-18');
});
after(async () => {
  await admin.close();
  await employee.close();
  await sandbox.close();
});

for (const protocol of ['2025-06-18', '2026-07-28'] as const) {
  test(`start → status running → stop → the log is listed (${protocol})`, async () => {
    const client = await open('superAdmin', protocol);
    try {
      const projectId = sandbox.seed.projects[1]!.id;
      const started = await client.call('start_timer', { projectId, description: `work ${protocol}` });
      assert.equal(started.isError, false, started.text);
      assert.equal(started.structured!.isRunning, true);
      const status = await client.call('timer_status', {});
      assert.equal(status.structured!.running, true);
      const stopped = await client.call('stop_timer', {});
      assert.equal(stopped.isError, false, stopped.text);
      assert.equal(stopped.structured!.isRunning, false);
      const logs = await client.call('get_time_logs', { projectIds: [projectId], take: 100 });
      assert.ok((logs.structured!.items as Array<{ id: string }>).some((log) => log.id === started.structured!.id));
      const one = await client.call('get_time_log', { id: String(started.structured!.id) });
      assert.equal(one.structured!.description, `work ${protocol}`);
    } finally {
      await client.close();
    }
  });
}

test('stop_timer with nothing running is Gauzy\'s 406 as isError; bad enums are field errors', async () => {
  const stopped = await admin.call('stop_timer', {});
  assert.equal(stopped.isError, true);
  assert.equal(stopped.error!.status, 406);
  assert.ok((stopped.error!.gauzyMessages ?? []).length > 0);
  const bad = await admin.call('start_timer', { logType: 'tracked', source: 'WEB' });
  assert.deepEqual([...bad.error!.fields!].sort(), ['logType', 'source']);
});

test('get_active_timers shows running timers (TIME_TRACKER lets employees call it too)', async () => {
  await admin.call('start_timer', {});
  try {
    const active = await admin.call('get_active_timers', {});
    assert.equal(active.isError, false, active.text);
    assert.ok((active.structured!.running as number) >= 1);
    const mine = await employee.call('get_active_timers', {});
    assert.equal(mine.isError, false, mine.text);
    assert.equal(typeof mine.structured!.running, 'number');
  } finally {
    await admin.call('stop_timer', {});
  }
});

test('manual time: add, change, delete — and employees see only their own logs', async () => {
  const added = await employee.call('add_manual_time_log', { startedAt: '2026-11-20T09:00:00Z', stoppedAt: '2026-11-20T11:00:00Z', description: 'Manual', reason: 'forgot the timer' });
  assert.equal(added.isError, false, added.text);
  const id = String(added.structured!.id);
  assert.equal(added.structured!.logType, 'MANUAL');
  const changed = await employee.call('update_time_log', { id, description: 'Manual (edited)' });
  assert.equal(changed.isError, false, changed.text);
  assert.equal((await employee.call('get_time_log', { id })).structured!.description, 'Manual (edited)');
  const visible = await employee.call('get_time_logs', { startDate: '2026-11-19', endDate: '2026-11-21', take: 100 });
  assert.ok((visible.structured!.items as Array<{ employeeId: string }>).every((log) => log.employeeId === sandbox.seed.users.employee.employeeId));
  const deleted = await employee.call('delete_time_logs', { logIds: [id], forceDelete: true });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal((await employee.call('get_time_log', { id })).isError, true);
  const reversed = await employee.call('add_manual_time_log', { startedAt: '2026-11-20T11:00:00Z', stoppedAt: '2026-11-20T09:00:00Z' });
  assert.deepEqual(reversed.error!.fields, ['stoppedAt']);
  const backwards = await employee.call('update_time_log', { id: String((await employee.call('add_manual_time_log', { startedAt: '2026-11-20T13:00:00Z', stoppedAt: '2026-11-20T14:00:00Z' })).structured!.id), stoppedAt: '2026-11-20T12:00:00Z' });
  assert.deepEqual(backwards.error!.fields, ['stoppedAt']);
  assert.equal((await admin.call('get_time_log', { id: MISSING })).error!.status, 404);
});

// Issue #16: Gauzy's CreateManualTimeLogDTO requires logType and source (400 without them); its web app sends MANUAL / BROWSER.
test('add_manual_time_log sends logType MANUAL and source BROWSER, and the sandbox stores the log', async () => {
  sandbox.clearRequests();
  const added = await admin.call('add_manual_time_log', { startedAt: '2026-11-18T09:00:00Z', stoppedAt: '2026-11-18T09:45:00Z', description: 'Review' });
  assert.equal(added.isError, false, added.text);
  const sent = sandbox.requests.find((request) => request.method === 'POST' && request.path === '/api/timesheet/time-log');
  assert.ok(sent, 'the tool posted the log');
  assert.equal((sent.body as { logType?: string }).logType, 'MANUAL');
  assert.equal((sent.body as { source?: string }).source, 'BROWSER');
  const stored = sandbox.db.get('timeLog', String(added.structured!.id));
  assert.equal(stored?.logType, 'MANUAL');
  assert.equal(added.structured!.duration, 2700);
  assert.equal(stored?.employeeId, sandbox.seed.users.superAdmin.employeeId);
});

/** The sandbox's own time logs in a range, summed as Gauzy's daily report sums them (seconds between start and stop). */
function expectedTime(startDate: string, endDate: string) {
  const [from, to] = [Date.parse(startDate), Date.parse(endDate)];
  const logs = sandbox.db.list('timeLog').filter((log) => !log.deletedAt && Date.parse(String(log.startedAt)) >= from && Date.parse(String(log.startedAt)) <= to);
  const seconds = (log: Record<string, unknown>) => Math.max(0, Math.floor((Date.parse(String(log.stoppedAt)) - Date.parse(String(log.startedAt))) / 1000));
  const sum = (key: (log: Record<string, unknown>) => string | null) => {
    const out = new Map<string | null, number>();
    for (const log of logs) out.set(key(log), (out.get(key(log)) ?? 0) + seconds(log));
    return out;
  };
  return {
    total: logs.reduce((total, log) => total + seconds(log), 0),
    byEmployee: sum((log) => String(log.employeeId)),
    byProject: sum((log) => (log.projectId ? String(log.projectId) : null)),
    byDay: sum((log) => String(log.startedAt).slice(0, 10)),
  };
}

function employeeName(employeeId: string): string {
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', employeeId)!.userId))!;
  return `${String(user.firstName)} ${String(user.lastName)}`;
}


interface Tally { id: string | null; name: string; seconds: number; hours: number }

test('get_daily_time_report: per day, employee and project, named with ids, hours and seconds, totals and the period; no raw records', async () => {
  // A second project, so the report has more than one to sum.
  const otherProject = sandbox.seed.projects[1]!;
  const added = await admin.call('add_manual_time_log', { startedAt: new Date(Date.now() - 30 * 3600_000).toISOString(), stoppedAt: new Date(Date.now() - 29.25 * 3600_000).toISOString(), projectId: otherProject.id });
  assert.equal(added.isError, false, added.text);
  const endDate = new Date().toISOString();
  const startDate = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
  const report = await admin.call('get_daily_time_report', { startDate, endDate });
  assert.equal(report.isError, false, report.text);
  const expected = expectedTime(startDate, endDate);
  const structured = report.structured!;
  assert.deepEqual(structured.period, { startDate, endDate });
  assert.equal(structured.totalSeconds, expected.total);
  assert.ok(expected.total > 0 && expected.byProject.size >= 2, 'the seed and the added log are in the range');
  const byEmployee = structured.byEmployee as Tally[];
  assert.deepEqual(new Map(byEmployee.map((entry) => [entry.id, entry.seconds])), expected.byEmployee);
  assert.deepEqual(new Map((structured.byProject as Tally[]).map((entry) => [entry.id, entry.seconds])), expected.byProject);
  const days = structured.days as Array<{ date: string; seconds: number; projects: Array<Tally & { employees: Tally[] }> }>;
  assert.deepEqual(new Map(days.map((day) => [day.date, day.seconds])), expected.byDay);
  for (const day of days) assert.equal(day.projects.reduce((sum, project) => sum + project.employees.reduce((s, e) => s + e.seconds, 0), 0), day.seconds);
  // Named, with ids and hours, in the text too.
  assert.match(report.text, new RegExp(`Time tracked from ${startDate.slice(0, 10)} to ${endDate.slice(0, 10)}: ${(expected.total / 3600).toFixed(2)} h \\(${expected.total} s\\)`));
  for (const [employeeId, seconds] of expected.byEmployee) {
    const name = employeeName(employeeId!);
    assert.equal(byEmployee.find((entry) => entry.id === employeeId)!.name, name);
    assert.ok(report.text.includes(`${name} (id ${employeeId}) ${(seconds / 3600).toFixed(2)} h (${seconds} s)`), `${name} in the text`);
  }
  assert.ok(report.text.includes(`${otherProject.name} (id ${otherProject.id})`));
  for (const date of expected.byDay.keys()) assert.ok(report.text.includes(`- ${date}: `));
  assertTextAgrees(report.text, structured);
  // A summary, not Gauzy's records: nothing of a record's own (the employee's user, its email) and small beside its text.
  assert.doesNotMatch(JSON.stringify(structured), /email|createdAt|tenantId/);
  assert.ok(Buffer.byteLength(JSON.stringify(structured)) < 10 * Buffer.byteLength(report.text), 'structured content under ten times its text');
  // An employee's report is their own time only (Gauzy scopes the logs), still named.
  const own = await employee.call('get_daily_time_report', { startDate, endDate });
  const self = sandbox.seed.users.employee.employeeId;
  assert.deepEqual((own.structured!.byEmployee as Tally[]).map((entry) => [entry.id, entry.name, entry.seconds]), [[self, employeeName(self), expected.byEmployee.get(self)]]);
  const none = await admin.call('get_daily_time_report', { startDate: '2001-01-01', endDate: '2001-01-08' });
  assert.match(none.text, /^No time tracked from 2001-01-01 to 2001-01-08\./);
  assert.equal(none.structured!.totalSeconds, 0);
  const bad = await admin.call('get_daily_time_report', { startDate: 'last week' });
  assert.deepEqual(bad.error!.fields, ['startDate']);
});

test('start_timer for an employee whose time tracking is off: Gauzy\'s 403 with what to do (an admin enables it; add_manual_time_log meanwhile)', async () => {
  // Gauzy's demo seed (probed): admin@ever.co's employee has isTrackingEnabled false, and
  // POST /api/timesheet/timer/start answers 403 {"statusCode":403,"message":"The time tracking functionality has been disabled for you."};
  // the same admin's POST /api/timesheet/time-log (MANUAL) answers 201. The sandbox's default seed gives the admins that flag.
  const plain = await createSandbox({ seed: 'default', entities: timeTrackingSandbox });
  const client = await connectInMemory(createKernel({ plugins: [timeTrackingPlugin], log: silentLogger, ...kernelOptionsFor(plain, 'superAdmin') }).serverFactory);
  try {
    const started = await client.call('start_timer', {});
    assert.equal(started.isError, true);
    assert.equal(started.error!.code, 'GMCP_ERR_GAUZY_FORBIDDEN');
    assert.equal(started.error!.status, 403);
    assert.deepEqual(started.error!.gauzyMessages, ['The time tracking functionality has been disabled for you.']);
    const hint = String(started.error!.hint);
    assert.match(hint, /An admin can switch it on/);
    assert.match(hint, /isTrackingEnabled/);
    assert.match(hint, /add_manual_time_log/);
    assert.ok(started.text.includes(hint), 'the hint is in the text the model reads');
    const stopped = await client.call('stop_timer', {});
    assert.equal(stopped.error!.hint, hint);
    const manual = await client.call('add_manual_time_log', { startedAt: '2024-02-01T09:00:00.000Z', stoppedAt: '2024-02-01T10:00:00.000Z', description: 'tracked by hand' });
    assert.equal(manual.isError, false, manual.text);
    assert.equal(manual.structured!.logType, 'MANUAL');
  } finally {
    await client.close();
    await plain.close();
  }
});

test(`get_daily_time_report over more than ${DETAILED_DAYS} days breaks down the latest ${DETAILED_DAYS} and gives earlier days their total, and says so`, async () => {
  // Ten days of an hour each, long ago, so no other test's logs fall in the range.
  for (let day = 1; day <= 10; day++) {
    const date = `2025-03-${String(day).padStart(2, '0')}`;
    assert.equal((await admin.call('add_manual_time_log', { startedAt: `${date}T09:00:00.000Z`, stoppedAt: `${date}T10:00:00.000Z` })).isError, false);
  }
  const report = await admin.call('get_daily_time_report', { startDate: '2025-03-01T00:00:00.000Z', endDate: '2025-03-10T23:59:59.000Z' });
  assert.equal(report.isError, false, report.text);
  const days = report.structured!.days as Array<{ date: string; seconds: number; projects?: unknown[] }>;
  assert.equal(days.length, 10);
  assert.deepEqual(days.map((day) => 'projects' in day), [false, false, false, true, true, true, true, true, true, true]);
  assert.equal(report.structured!.daysWithoutBreakdown, 3);
  assert.equal(report.structured!.totalSeconds, 10 * 3600, 'the totals count every day');
  assert.match(report.text, /The 3 earliest day\(s\) show their total only/);
  assertTextAgrees(report.text, report.structured!);
});

// Issue #14: a time log's line said when and how long, not who or on what.
test('get_time_logs names who worked and on which project, by name with ids, and keeps those relations small', async () => {
  const logs = await admin.call('get_time_logs', { employeeIds: [sandbox.seed.users.employee.employeeId], take: 100 });
  assert.equal(logs.isError, false, logs.text);
  const project = sandbox.seed.projects[0]!;
  assert.match(logs.text, new RegExp(`Default Employee \\(id ${sandbox.seed.users.employee.employeeId}\\)`));
  assert.ok(logs.text.includes(`project ${project.name} (id ${project.id})`), logs.text);
  assertTextAgrees(logs.text, logs.structured!);
  const first = (logs.structured!.items as Array<Record<string, unknown>>)[0]!;
  assert.deepEqual(first.employee, { id: sandbox.seed.users.employee.employeeId, name: 'Default Employee' });
  assert.deepEqual(first.project, { id: project.id, name: project.name });
  // Relations asked for come whole.
  const whole = await admin.call('get_time_logs', { employeeIds: [sandbox.seed.users.employee.employeeId], relations: ['employee.user'], take: 1 });
  assert.equal(((whole.structured!.items as Array<{ employee: { user: { firstName: string } } }>)[0]!.employee.user.firstName), 'Default');
  const bad = await admin.call('get_time_logs', { fields: ['notAField'] });
  assert.deepEqual(bad.error!.fields, ['fields.0']);
});
