import assert from 'node:assert/strict';
import { test } from 'node:test';
import { usePackHarness, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import timeOffPlugin from '../src/index.js';
import { TEAM_AVAILABILITY_URI } from '../src/resources.js';
import { timeOffSandbox } from '../src/sandbox.js';

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
/** The demo seed's long sick leave (testkit/src/seeds/time-off.ts): it started two weeks ago and lasts past next week. */
const LONG_LEAVE = '6c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e03';

usePackHarness({ plugin: timeOffPlugin, sandboxEntities: timeOffSandbox }, (opened) => ({ sandbox, admin, employee } = opened));

async function availability(client: TestClient): Promise<Record<string, any>> {
  const { contents } = await client.client.readResource({ uri: TEAM_AVAILABILITY_URI });
  assert.equal(contents[0]?.mimeType, 'application/json');
  return JSON.parse((contents[0] as { text: string }).text);
}

test('gauzy://team/availability: who is on approved time off today and who has a timer running', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const leave = sandbox.db.get('timeOffRequest', LONG_LEAVE)!;
  const onLeave = String((leave.employeeIds as string[])[0]);
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', onLeave)!.userId))!;
  const before = await availability(admin);
  assert.equal(before.date, today);
  assert.deepEqual(before.working, []);
  assert.deepEqual(before.onTimeOff, [{ employeeId: onLeave, name: `${String(user.firstName)} ${String(user.lastName)}`, until: String(leave.end).slice(0, 10), policy: 'Sick Leave' }]);

  // A timer started in Gauzy; a denied request never counts, and neither does one that is not today.
  const me = sandbox.seed.users.employee.employeeId;
  const now = new Date().toISOString();
  sandbox.db.insert('timeLog', { employeeId: me, startedAt: now, stoppedAt: now, isRunning: true, logType: 'TRACKED', source: 'BROWSER', tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, createdAt: now, updatedAt: now });
  const after = await availability(admin);
  assert.deepEqual(after.working.map((entry: { employeeId: string }) => entry.employeeId), [me]);
  assert.equal(after.working[0].since, now);
  assert.deepEqual(after.onTimeOff, before.onTimeOff);
  assert.deepEqual(await availability(employee), after, "Gauzy shows the employee role the same people here");
});
