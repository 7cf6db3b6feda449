import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient, until } from '@gauzy-mcp/testkit';
import timeTrackingPlugin from '../src/index.js';
import { ACTIVE_TIMERS_URI } from '../src/resources.js';
import { timeTrackingSandbox } from '../src/sandbox.js';

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;

const open = (user: 'superAdmin' | 'employee') =>
  connectInMemory(createKernel({ plugins: [timeTrackingPlugin], log: silentLogger, live: { pollIntervalMs: 100 }, ...kernelOptionsFor(sandbox, user) }).serverFactory, { protocol: '2025-06-18' });

async function timers(client: TestClient): Promise<{ running: number; timers: Array<Record<string, unknown>> }> {
  const { contents } = await client.client.readResource({ uri: ACTIVE_TIMERS_URI });
  assert.equal(contents[0]?.mimeType, 'application/json');
  return JSON.parse((contents[0] as { text: string }).text);
}

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: timeTrackingSandbox });
  admin = await open('superAdmin');
  employee = await open('employee');
});
after(async () => {
  await admin.close();
  await employee.close();
  await sandbox.close();
});

test('gauzy://timers/active is listed, and shows the running timers the reader may see in Gauzy, by name, without a growing duration', async () => {
  const listed = (await admin.client.listResources()).resources.find((resource) => resource.uri === ACTIVE_TIMERS_URI);
  assert.equal(listed?.mimeType, 'application/json');
  assert.deepEqual(await timers(admin), { running: 0, timers: [] });

  const started = await employee.call('start_timer', { description: 'Writing the report' });
  assert.equal(started.isError, false, started.text);
  try {
    const seen = await timers(admin);
    assert.equal(seen.running, 1);
    assert.deepEqual(seen.timers[0], {
      employeeId: sandbox.seed.users.employee.employeeId,
      name: 'Default Employee',
      since: started.structured!.startedAt,
      description: 'Writing the report',
    });
    assert.deepEqual(await timers(employee), seen, 'the employee sees their own timer');
    const adminStarted = await admin.call('start_timer', {});
    assert.equal(adminStarted.isError, false, adminStarted.text);
    assert.equal((await timers(admin)).running, 2, 'an admin sees every running timer');
    // Gauzy answers the worked status only for the employees named; an employee may not list the others (403 on
    // /api/employee/pagination, as on the real Gauzy), so they see their own.
    assert.deepEqual((await timers(employee)).timers.map((timer) => timer.employeeId), [sandbox.seed.users.employee.employeeId], 'an employee sees their own');
    assert.deepEqual(await timers(admin), await timers(admin), 'two reads of the same state are the same');
  } finally {
    await admin.call('stop_timer', {});
    await employee.call('stop_timer', {});
  }
});

test("a subscriber hears when a timer starts, and only polls the timer route while subscribed", async () => {
  const updates: string[] = [];
  employee.client.setNotificationHandler('notifications/resources/updated', (notification) => void updates.push(notification.params.uri));
  sandbox.clearRequests();
  await employee.client.subscribeResource({ uri: ACTIVE_TIMERS_URI });
  const polls = () => sandbox.requests.filter((request) => request.path === '/api/timesheet/timer/status/worked').length;
  assert.equal(polls(), 1, 'subscribing reads the timers once');
  const started = await employee.call('start_timer', {});
  assert.equal(started.isError, false, started.text);
  try {
    await until('the update', () => updates.length === 1);
    assert.deepEqual(updates, [ACTIVE_TIMERS_URI]);
  } finally {
    await employee.call('stop_timer', {});
    await until('the update for the stop', () => updates.length === 2);
    await employee.client.unsubscribeResource({ uri: ACTIVE_TIMERS_URI });
  }
});
