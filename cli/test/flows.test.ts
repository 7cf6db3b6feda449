import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertTextAgrees, type Sandbox } from '@gauzy-mcp/testkit';
import { connect, createSandbox } from './helpers.js';

// The cross-pack flows of issues #11 and #12, through an MCP client against a sandbox that knows every
// default pack: the calls a model makes, in order, and the sandbox state after each.

type Item = Record<string, unknown>;

let sandbox: Sandbox;
before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
});
after(async () => {
  await sandbox.close();
});

const HOUR = 3_600_000;
const scope = () => ({ tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, createdByUserId: sandbox.seed.users.superAdmin.id, deletedAt: null });

test('a weekly report: completed tasks, time per project, employees over 40 hours — the numbers of the seeded logs exactly; an employee sees only their own time', async () => {
  const week = '2026-04-06';
  const at = (day: number, hour: number) => new Date(Date.parse(`${week}T00:00:00.000Z`) + day * 24 * HOUR + hour * HOUR).toISOString();
  const { superAdmin, employee: me } = sandbox.seed.users;
  const [platform, website] = sandbox.seed.projects;
  const logs: Array<[string, string, number, number, number]> = [
    ...[0, 1, 2, 3, 4].map((day): [string, string, number, number, number] => [superAdmin.employeeId, platform!.id, day, 8, 8.5]),
    [me.employeeId, website!.id, 2, 9, 7], [me.employeeId, platform!.id, 4, 9, 3],
  ];
  for (const [employeeId, projectId, day, hour, hours] of logs) {
    sandbox.db.insert('timeLog', { employeeId, projectId, startedAt: at(day, hour), stoppedAt: at(day, hour + hours), logType: 'TRACKED', source: 'BROWSER', isBillable: true, isRunning: false, description: 'Flow week', ...scope(), createdAt: at(day, hour), updatedAt: at(day, hour) });
  }
  const task = sandbox.db.list('task').find((row) => row.organizationId === sandbox.seed.organizationId && row.status !== 'done')!;
  sandbox.db.update('task', String(task.id), { status: 'done', updatedAt: at(3, 16) });

  // What the report should say, from the rows themselves.
  const inWeek = sandbox.db.list('timeLog').filter((log) => log.organizationId === sandbox.seed.organizationId && String(log.startedAt) >= at(0, 0) && String(log.startedAt) < at(7, 0));
  const seconds = (rows: Item[]) => rows.reduce((sum, log) => sum + (Date.parse(String(log.stoppedAt)) - Date.parse(String(log.startedAt))) / 1000, 0);
  const perProject = (id: string) => seconds(inWeek.filter((log) => log.projectId === id));
  const perEmployee = (id: string) => seconds(inWeek.filter((log) => log.employeeId === id));

  const { client: admin } = await connect(sandbox, { inventory: { toolsets: ['reports'] } });
  try {
    const report = await admin.call('generate_report', { startDate: week });
    assert.equal(report.isError, false, report.text);
    const s = report.structured!;
    assert.equal(s.totalSeconds, seconds(inWeek));
    assert.deepEqual((s.byProject as Item[]).map((row) => [row.id, row.seconds]), [[platform!.id, perProject(platform!.id)], [website!.id, perProject(website!.id)]]);
    assert.deepEqual((s.byEmployee as Item[]).map((row) => [row.id, row.seconds]), [[superAdmin.employeeId, perEmployee(superAdmin.employeeId)], [me.employeeId, perEmployee(me.employeeId)]]);
    assert.deepEqual((s.employeesOver as Item[]).map((row) => row.id), [superAdmin.employeeId], '42.5 h is over 40; 10 h is not');
    assert.ok(((s.completedTasks as { items: Item[] }).items).some((row) => row.id === task.id));
    assert.ok(report.text.includes(`Over 40 h: Super Admin (id ${superAdmin.employeeId}) 42.50 h (153000 s).`), report.text);
    assert.ok(report.text.includes(`- ${platform!.name} (id ${platform!.id}): ${(perProject(platform!.id) / 3600).toFixed(2)} h`), report.text);
    assertTextAgrees(report.text, s);
  } finally {
    await admin.close();
  }

  const { client: employee } = await connect(sandbox, { user: 'employee', inventory: { toolsets: ['reports'] } });
  try {
    const mine = await employee.call('generate_report', { startDate: week });
    assert.equal(mine.isError, false, mine.text);
    assert.deepEqual((mine.structured!.byEmployee as Item[]).map((row) => [row.id, row.seconds]), [[me.employeeId, perEmployee(me.employeeId)]]);
  } finally {
    await employee.close();
  }
});
