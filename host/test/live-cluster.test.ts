import assert from 'node:assert/strict';
import { until } from '@gauzy-mcp/testkit';
import { after, before, test } from 'node:test';
import type { RunningHost } from '../src/index.js';
import { connectHttp, createSandbox, startTestHost, type HttpTestClient, type Sandbox } from './helpers.js';
import { randomStateKey, requireRedis } from './redis.js';

const TIMERS = 'gauzy://timers/active';
const WORKED = '/api/timesheet/timer/status/worked';

let sandbox: Sandbox;
let redis: Awaited<ReturnType<typeof requireRedis>>;
let a: RunningHost;
let b: RunningHost;

before(async () => {
  redis = await requireRedis();
  sandbox = await createSandbox({ seed: 'demo' });
  const shared = { state: { redisUrl: redis.url, keyPrefix: redis.prefix, encryptionKey: randomStateKey() }, live: { pollIntervalMs: 100 }, limits: { rateLimitMax: 100_000 } };
  a = await startTestHost(sandbox, shared);
  b = await startTestHost(sandbox, shared);
});
after(async () => {
  await a?.close();
  await b?.close();
  await sandbox?.close();
  await redis?.cleanup();
});

/** Ends a 2025 session for good (DELETE): a client that only disconnects leaves it, and its subscriptions, until it expires. */
async function end(connected: HttpTestClient): Promise<void> {
  if (connected.transport.sessionId) await connected.transport.terminateSession().catch(() => {});
  await connected.close();
}

async function session(host: RunningHost): Promise<HttpTestClient & { updates: string[] }> {
  const connected = await connectHttp(host.mcpUrl, '2025-06-18');
  const updates: string[] = [];
  connected.client.setNotificationHandler('notifications/resources/updated', (notification) => void updates.push(notification.params.uri));
  return Object.assign(connected, { updates });
}

function runningTimer(employeeId: string): () => void {
  const now = new Date().toISOString();
  const log = sandbox.db.insert('timeLog', { employeeId, startedAt: now, stoppedAt: now, isRunning: true, logType: 'TRACKED', source: 'BROWSER', tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, createdAt: now, updatedAt: now });
  return () => void sandbox.db.update('timeLog', String(log.id), { isRunning: false, stoppedAt: new Date().toISOString() });
}

/** Poll rounds that read Gauzy on an instance (a standby round reads nothing). */
const polled = (host: RunningHost) => ['baseline', 'unchanged', 'changed', 'failed'].reduce((sum, outcome) => sum + host.metrics.livePolls.value({ outcome }), 0);

test('two instances on one Redis: one polls a user\'s view, a session on the other hears the change it saw, and the other takes over when the first one\'s subscriber leaves', async () => {
  const onA = await session(a);
  const onB = await session(b);
  try {
    await onA.client.subscribeResource({ uri: TIMERS });
    await onB.client.subscribeResource({ uri: TIMERS });
    const standby = () => b.metrics.livePolls.value({ outcome: 'standby' });
    await until('three standby rounds on B', () => standby() >= 3, 20_000);
    const stop = runningTimer(sandbox.seed.demoEmployees[0]!.employeeId);
    try {
      await until("the session on B hears the change polled on A", () => onB.updates.length === 1, 20_000);
      assert.deepEqual(onB.updates, [TIMERS]);
      await until('the session on A too', () => onA.updates.length === 1, 20_000);
    } finally {
      stop();
    }
    await until('both hear the stop', () => onA.updates.length === 2 && onB.updates.length === 2, 20_000);
    assert.ok(polled(a) > 0, 'A polls');
    assert.equal(polled(b), 0, 'B, which holds a subscriber of the same view, never polled it');
    assert.equal(a.metrics.livePolls.value({ outcome: 'changed' }), 2, 'each change seen once');

    // A's subscriber leaves: A gives the view up, B takes it over and tells its session of the next change.
    await onA.client.unsubscribeResource({ uri: TIMERS });
    await until('B to poll', () => polled(b) > 0, 20_000);
    const again = runningTimer(sandbox.seed.demoEmployees[1]!.employeeId);
    try {
      await until('the session on B hears the change polled on B', () => onB.updates.length === 3, 20_000);
    } finally {
      again();
    }
    assert.equal(onA.updates.length, 2, 'unsubscribed on A: nothing more there');
    assert.equal(b.metrics.livePolls.value({ outcome: 'baseline' }), 0, 'B compared with the digest A left, instead of starting over');
  } finally {
    await end(onA);
    await end(onB);
  }
});

test('a 2025 session subscribed on one instance and unsubscribed through another stops being polled', async () => {
  const onA = await session(a);
  try {
    await onA.client.subscribeResource({ uri: TIMERS });
    const sessionId = onA.transport.sessionId!;
    // The same session's next request reaches B (a load balancer's choice): a raw unsubscribe there.
    const response = await fetch(b.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 'unsubscribe-on-b', method: 'resources/unsubscribe', params: { uri: TIMERS } }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    await response.text();
    const watches = () => /^gauzy_mcp_live_watches (\d+)$/m.exec(a.metrics.render())?.[1];
    await until("A's watch to stop", () => watches() === '0', 20_000);
    const atStop = sandbox.requests.filter((request) => request.path === WORKED).length;
    const clockSession = await session(b);
    try {
      const uri = `gauzy://projects/${sandbox.seed.projects[0]!.id}/progress`;
      await clockSession.client.subscribeResource({ uri });
      const clockPath = `/api/organization-projects/${sandbox.seed.projects[0]!.id}`;
      const clock = sandbox.requests.filter((request) => request.path === clockPath).length;
      await until('three polls of the clock', () => sandbox.requests.filter((request) => request.path === clockPath).length >= clock + 3, 20_000);
      assert.ok(sandbox.requests.filter((request) => request.path === WORKED).length <= atStop + 1);
    } finally {
      await end(clockSession);
    }
  } finally {
    await end(onA);
  }
});
