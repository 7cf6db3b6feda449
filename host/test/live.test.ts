import assert from 'node:assert/strict';
import { until } from '@gauzy-mcp/testkit';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../src/index.js';
import { connectHttp, createSandbox, startTestHost, type HttpTestClient, type Sandbox, seedAccounts } from './helpers.js';
import { connectWebSocket } from './ws-client.js';

const ADMIN = { authorization: 'Bearer admin-token-0123456789abcdef' };
const EMPLOYEE = { authorization: 'Bearer employee-token-0123456789abcdef' };
const TIMERS = 'gauzy://timers/active';
const WORKED = '/api/timesheet/timer/status/worked';

let sandbox: Sandbox;
let host: RunningHost;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  host = await startTestHost(sandbox, {
    identity: seedAccounts(sandbox, { admin: ADMIN.authorization.slice(7), employee: EMPLOYEE.authorization.slice(7) }),
    live: { pollIntervalMs: 100 },
    limits: { rateLimitMax: 100_000 },
  });
});
after(async () => {
  await host?.close();
  await sandbox?.close();
});

/** Ends a 2025 session for good (DELETE): a client that only disconnects leaves it, and its subscriptions, until it expires. */
async function end(connected: HttpTestClient): Promise<void> {
  if (connected.transport.sessionId) await connected.transport.terminateSession().catch(() => {});
  await connected.close();
}

const requestsTo = (path: string) => sandbox.requests.filter((request) => request.path === path).length;
const progressUri = (index: number) => `gauzy://projects/${sandbox.seed.projects[index]!.id}/progress`;
const progressPath = (index: number) => `/api/organization-projects/${sandbox.seed.projects[index]!.id}`;

/** A timer running in Gauzy (as if started from Gauzy's own app) for `employeeId`; the function returned stops it. */
function runningTimer(employeeId: string): () => void {
  const now = new Date().toISOString();
  const log = sandbox.db.insert('timeLog', { employeeId, startedAt: now, stoppedAt: now, isRunning: true, logType: 'TRACKED', source: 'BROWSER', tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, createdAt: now, updatedAt: now });
  return () => void sandbox.db.update('timeLog', String(log.id), { isRunning: false, stoppedAt: new Date().toISOString() });
}

async function client(protocol: '2025-06-18' | '2026-07-28', headers = ADMIN): Promise<HttpTestClient & { updates: string[] }> {
  const connected = await connectHttp(host.mcpUrl, protocol, headers);
  const updates: string[] = [];
  connected.client.setNotificationHandler('notifications/resources/updated', (notification) => void updates.push(notification.params.uri));
  return Object.assign(connected, { updates });
}

test('a 2025 session over HTTP: nothing is polled before a subscription; a change is notified on its stream, no change nothing; unsubscribing stops the polls', async () => {
  const session = await client('2025-06-18');
  try {
    assert.deepEqual(session.client.getServerCapabilities()?.resources, { subscribe: true, listChanged: false });
    assert.ok((await session.client.listResources()).resources.some((resource) => resource.uri === TIMERS));
    sandbox.clearRequests();
    // The clock: another subscription on the same interval, whose polls mark the time passing.
    await session.client.subscribeResource({ uri: progressUri(0) });
    await until('three polls of the clock', () => requestsTo(progressPath(0)) >= 4, 15_000);
    assert.equal(requestsTo(WORKED), 0, 'nobody subscribed to the timers: Gauzy is not asked for them');

    await session.client.subscribeResource({ uri: TIMERS });
    const subscribed = requestsTo(WORKED);
    await until('three polls of the timers', () => requestsTo(WORKED) >= subscribed + 3, 15_000);
    assert.deepEqual(session.updates, [], 'no change, no notification');

    const stop = runningTimer(sandbox.seed.demoEmployees[0]!.employeeId);
    await until('the update', () => session.updates.length === 1, 15_000);
    assert.deepEqual(session.updates, [TIMERS]);
    const { contents } = await session.client.readResource({ uri: TIMERS });
    assert.equal(JSON.parse((contents[0] as { text: string }).text).running, 1);
    stop();
    await until('the update for the stop', () => session.updates.length === 2, 15_000);

    await session.client.unsubscribeResource({ uri: TIMERS });
    const clock = requestsTo(progressPath(0));
    await until('one poll of the clock', () => requestsTo(progressPath(0)) >= clock + 1, 15_000);
    const unsubscribed = requestsTo(WORKED);
    await until('three more polls of the clock', () => requestsTo(progressPath(0)) >= clock + 4, 15_000);
    assert.equal(requestsTo(WORKED), unsubscribed, 'unsubscribed: the timers are not polled again');
  } finally {
    await end(session);
  }
});

test('ending a 2025 session (DELETE) ends its subscriptions', async () => {
  const session = await client('2025-06-18');
  await session.client.subscribeResource({ uri: progressUri(1) });
  await session.transport.terminateSession();
  await session.close();
  const ended = requestsTo(progressPath(1));
  const watcher = await client('2025-06-18');
  try {
    await watcher.client.subscribeResource({ uri: progressUri(2) });
    const clock = requestsTo(progressPath(2));
    await until('three polls of the clock', () => requestsTo(progressPath(2)) >= clock + 3, 15_000);
    assert.ok(requestsTo(progressPath(1)) <= ended + 1, `at most the poll under way when the session ended (${requestsTo(progressPath(1)) - ended})`);
  } finally {
    await end(watcher);
  }
});

test('2026-07-28: subscriptions/listen is acknowledged with what may be read, a change arrives on the stream, closing it stops the polls', async () => {
  const modern = await client('2026-07-28');
  try {
    assert.equal(modern.protocolVersion, '2026-07-28');
    const subscription = await modern.client.listen({ resourceSubscriptions: [TIMERS, 'gauzy://nothing/here'] });
    assert.deepEqual(subscription.honoredFilter, { resourceSubscriptions: [TIMERS] });
    const stop = runningTimer(sandbox.seed.demoEmployees[1]!.employeeId);
    try {
      await until('the update', () => modern.updates.length === 1, 15_000);
      assert.deepEqual(modern.updates, [TIMERS]);
    } finally {
      stop();
    }
    await until('the update for the stop', () => modern.updates.length === 2, 15_000);
    await subscription.close();
    const watcher = await modern.client.listen({ resourceSubscriptions: [progressUri(3)] });
    const clock = requestsTo(progressPath(3));
    await until('one poll of the clock', () => requestsTo(progressPath(3)) >= clock + 1, 15_000);
    const closed = requestsTo(WORKED);
    await until('three more polls of the clock', () => requestsTo(progressPath(3)) >= clock + 4, 15_000);
    assert.equal(requestsTo(WORKED), closed, 'the listen stream closed: the timers are not polled again');
    await watcher.close();
  } finally {
    await modern.close();
  }
});

test("one user's poll never reaches another user's subscription: each reads as themselves", async () => {
  // An organization whose employees may not see their colleagues' timers: what the admin and the employee read differs.
  const role = sandbox.db.list('role').find((row) => row.name === 'EMPLOYEE' && row.tenantId === sandbox.seed.tenantId)!;
  const permissions = role.permissions as string[];
  role.permissions = permissions.filter((permission) => permission !== 'ORG_MEMBER_LAST_LOG_VIEW');
  const admin = await client('2025-06-18', ADMIN);
  const employee = await client('2025-06-18', EMPLOYEE);
  const stops: Array<() => void> = [];
  try {
    await admin.client.subscribeResource({ uri: TIMERS });
    await employee.client.subscribeResource({ uri: TIMERS });
    stops.push(runningTimer(sandbox.seed.demoEmployees[2]!.employeeId));
    await until("the admin's update", () => admin.updates.length === 1, 15_000);
    const polls = requestsTo(WORKED);
    // Two watches (one per identity) on one interval: six polls are about three of each.
    await until('six more polls', () => requestsTo(WORKED) >= polls + 6, 15_000);
    assert.deepEqual(employee.updates, [], "a colleague's timer the employee may not see is not the employee's change");
    const seen = JSON.parse(((await employee.client.readResource({ uri: TIMERS })).contents[0] as { text: string }).text);
    assert.deepEqual(seen, { running: 0, timers: [] }, "the employee reads as themselves: nobody else's timer");

    stops.push(runningTimer(sandbox.seed.users.employee.employeeId));
    await until("the employee's update", () => employee.updates.length === 1, 15_000);
    await until("the admin's second update", () => admin.updates.length === 2, 15_000);
    const own = JSON.parse(((await employee.client.readResource({ uri: TIMERS })).contents[0] as { text: string }).text);
    assert.deepEqual(own.timers.map((timer: { employeeId: string }) => timer.employeeId), [sandbox.seed.users.employee.employeeId]);
  } finally {
    for (const stop of stops) stop();
    role.permissions = permissions;
    await end(admin);
    await end(employee);
  }
});

for (const protocol of ['2025-06-18', '2026-07-28'] as const) {
  test(`a WebSocket (${protocol}) hears a change, and closing the socket stops the polls`, async () => {
    const socket = await connectWebSocket(`${host.url.replace(/^http/, 'ws')}/ws`, protocol, ADMIN);
    const updates: string[] = [];
    socket.setNotificationHandler('notifications/resources/updated', (notification) => void updates.push(notification.params.uri));
    const uri = progressUri(protocol === '2025-06-18' ? 1 : 2);
    const path = progressPath(protocol === '2025-06-18' ? 1 : 2);
    if (protocol === '2025-06-18') await socket.subscribeResource({ uri });
    else assert.deepEqual((await socket.listen({ resourceSubscriptions: [uri] })).honoredFilter, { resourceSubscriptions: [uri] });
    const task = sandbox.db.list('task').find((row) => row.projectId === sandbox.seed.projects[protocol === '2025-06-18' ? 1 : 2]!.id && row.status !== 'blocked')!;
    const status = task.status;
    task.status = 'blocked';
    try {
      await until('the update', () => updates.length === 1, 15_000);
      assert.deepEqual(updates, [uri]);
    } finally {
      task.status = status;
    }
    await socket.close();
    const watcher = await client('2026-07-28');
    try {
      const clockStream = await watcher.client.listen({ resourceSubscriptions: [progressUri(0)] });
      const clock = requestsTo(progressPath(0));
      await until('one poll of the clock', () => requestsTo(progressPath(0)) >= clock + 1, 15_000);
      const closed = requestsTo(path);
      await until('three more polls of the clock', () => requestsTo(progressPath(0)) >= clock + 4, 15_000);
      assert.equal(requestsTo(path), closed, 'the socket closed: its view is not polled again');
      await clockStream.close();
    } finally {
      await watcher.close();
    }
  });
}
