import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginAs, newSandbox } from './helpers.js';

test('timer start → status running → stop → log listed; stop again 406', async () => {
  const s = await newSandbox();
  const { headers } = await loginAs(s, 'employee');
  const org = s.seed.organizationId;
  const start = await s.app.inject({ method: 'POST', url: '/api/timesheet/timer/start', headers, payload: { logType: 'TRACKED', source: 'BROWSER', organizationId: org, tenantId: s.seed.tenantId } });
  assert.equal(start.statusCode, 201);
  assert.equal(start.json().isRunning, true);
  const status = await s.app.inject({ method: 'GET', url: `/api/timesheet/timer/status?organizationId=${org}&tenantId=${s.seed.tenantId}`, headers });
  assert.equal(status.json().running, true);
  assert.equal(status.json().lastLog.id, start.json().id);
  const stop = await s.app.inject({ method: 'POST', url: '/api/timesheet/timer/stop', headers, payload: { organizationId: org } });
  assert.equal(stop.statusCode, 201);
  assert.equal(stop.json().isRunning, false);
  const logs = await s.app.inject({ method: 'GET', url: `/api/timesheet/time-log?organizationId=${org}`, headers });
  assert.ok((logs.json() as Array<{ id: string }>).some((l) => l.id === start.json().id));
  const again = await s.app.inject({ method: 'POST', url: '/api/timesheet/timer/stop', headers, payload: { organizationId: org } });
  assert.equal(again.statusCode, 406);
  assert.deepEqual(again.json(), { statusCode: 406, message: "No running log found. Can't stop timer because it was already stopped." });
  const invalid = await s.app.inject({ method: 'POST', url: '/api/timesheet/timer/start', headers, payload: { organizationId: org } });
  assert.equal(invalid.statusCode, 400);
});

test('default seed: admin tracking disabled → 403 with Gauzy message', async () => {
  const s = await newSandbox('default');
  const { headers } = await loginAs(s, 'superAdmin');
  const res = await s.app.inject({ method: 'POST', url: '/api/timesheet/timer/start', headers, payload: { logType: 'TRACKED', source: 'BROWSER', organizationId: s.seed.organizationId } });
  assert.equal(res.statusCode, 403);
  assert.deepEqual(res.json(), { statusCode: 403, message: 'The time tracking functionality has been disabled for you.' });
  assert.equal(s.seed.projects.length, 0);
});

test('EMPLOYEE self-scoping on time logs; admin sees everyone; manual create forced MANUAL', async () => {
  const s = await newSandbox();
  const org = s.seed.organizationId;
  const employee = await loginAs(s, 'employee');
  const mine = (await s.app.inject({ method: 'GET', url: `/api/timesheet/time-log?organizationId=${org}`, headers: employee.headers })).json() as Array<{ employeeId: string }>;
  assert.ok(mine.length >= 1);
  assert.ok(mine.every((l) => l.employeeId === s.seed.users.employee.employeeId));
  const admin = await loginAs(s, 'superAdmin');
  const all = (await s.app.inject({ method: 'GET', url: `/api/timesheet/time-log?organizationId=${org}`, headers: admin.headers })).json() as Array<{ employeeId: string }>;
  assert.ok(new Set(all.map((l) => l.employeeId)).size > 1);
  const other = s.db.list('timeLog').find((l) => l.employeeId !== s.seed.users.employee.employeeId && l.tenantId === s.seed.tenantId)!;
  assert.equal((await s.app.inject({ method: 'GET', url: `/api/timesheet/time-log/${other.id}`, headers: employee.headers })).statusCode, 404);
  const manual = await s.app.inject({ method: 'POST', url: '/api/timesheet/time-log', headers: employee.headers, payload: {
    startedAt: '2024-01-02T09:00:00.000Z', stoppedAt: '2024-01-02T10:30:00.000Z', employeeId: s.seed.users.superAdmin.employeeId, organizationId: org, logType: 'TRACKED', source: 'DESKTOP' } });
  assert.equal(manual.statusCode, 201);
  assert.equal(manual.json().logType, 'MANUAL');
  assert.equal(manual.json().source, 'BROWSER');
  assert.equal(manual.json().employeeId, s.seed.users.employee.employeeId);
  assert.equal(manual.json().duration, 5400);
  const del = await s.app.inject({ method: 'DELETE', url: `/api/timesheet/time-log?logIds[]=${manual.json().id}&organizationId=${org}&forceDelete=true`, headers: employee.headers });
  assert.deepEqual(del.json(), { raw: [], affected: 1 });
  const report = await s.app.inject({ method: 'GET', url: `/api/timesheet/time-log/report/daily?organizationId=${org}`, headers: admin.headers });
  assert.equal(report.statusCode, 200);
  assert.ok((report.json() as Array<{ date: string; sum: number }>).every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date) && d.sum > 0));
  // As the real Gauzy answers (checked on it): the worked status covers exactly the employees named, none when none are.
  const worked = (query: string, headers: Record<string, string>) => s.app.inject({ method: 'GET', url: `/api/timesheet/timer/status/worked?organizationId=${org}${query}`, headers });
  assert.deepEqual((await worked('', admin.headers)).json(), []);
  assert.deepEqual((await worked('', employee.headers)).json(), [], 'the employee role may see last logs too, so it names whom');
  const named = (await worked(`&employeeIds[0]=${s.seed.users.employee.employeeId}&employeeIds[1]=${s.seed.users.superAdmin.employeeId}`, admin.headers)).json() as Array<{ lastLog: { employeeId: string } }>;
  assert.deepEqual(named.map((entry) => entry.lastLog.employeeId).sort(), [s.seed.users.employee.employeeId, s.seed.users.superAdmin.employeeId].sort());
});

// Issue #16: CreateManualTimeLogDTO's @Transform(() => MANUAL / WEB_TIMER) runs only for keys the body has;
// without them @IsEnum fails (packages/core/src/lib/time-tracking/time-log/dto/create-time-log.dto.ts).
test('manual time: logType and source are required (any value present becomes MANUAL / BROWSER); DTO messages as Gauzy words them', async () => {
  const s = await newSandbox();
  const org = s.seed.organizationId;
  const admin = await loginAs(s, 'superAdmin');
  const times = { startedAt: '2024-01-03T09:00:00.000Z', stoppedAt: '2024-01-03T10:00:00.000Z', employeeId: s.seed.users.superAdmin.employeeId, organizationId: org };
  const post = (payload: Record<string, unknown>) => s.app.inject({ method: 'POST', url: '/api/timesheet/time-log', headers: admin.headers, payload });
  const before = s.db.list('timeLog').length;

  const missing = await post(times);
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json(), {
    statusCode: 400,
    error: 'Bad Request',
    message: ['logType must be one of the following values: TRACKED, MANUAL, IDLE, RESUMED', 'source must be one of the following values: MOBILE, BROWSER, DESKTOP, BROWSER_EXTENSION, HUBSTAFF, UPWORK, TEAMS, CLOC'],
  });
  const onlyType = await post({ ...times, logType: 'MANUAL' });
  assert.deepEqual(onlyType.json().message, ['source must be one of the following values: MOBILE, BROWSER, DESKTOP, BROWSER_EXTENSION, HUBSTAFF, UPWORK, TEAMS, CLOC']);
  assert.equal(s.db.list('timeLog').length, before, 'nothing stored');

  const anyValue = await post({ ...times, logType: 'not-an-enum', source: null });
  assert.equal(anyValue.statusCode, 201, anyValue.body);
  assert.equal(anyValue.json().logType, 'MANUAL');
  assert.equal(anyValue.json().source, 'BROWSER');

  const backwards = await post({ ...times, startedAt: times.stoppedAt, stoppedAt: times.startedAt, logType: 'MANUAL', source: 'BROWSER' });
  assert.equal(backwards.statusCode, 400);
  assert.deepEqual(backwards.json().message, ['Started date must be before stopped date']);
  const empty = await post({ organizationId: org, logType: 'MANUAL', source: 'BROWSER' });
  assert.deepEqual(empty.json().message, ['Started date must be before stopped date', 'Started date should not be empty', 'Stopped date should not be empty', 'employeeId must be a UUID', 'employeeId should not be empty']);
});
