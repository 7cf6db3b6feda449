import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { createClient, createSandbox, loadSandboxEntities, type ProtocolRevision, type Sandbox } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli } from '../src/plugins.js';

// `gauzy-mcp stdio` as its own process (from the sources), against a sandbox this test holds, so the test changes
// what Gauzy has and counts what the server asked of it.
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TIMERS = 'gauzy://timers/active';
const WORKED = '/api/timesheet/timer/status/worked';

let sandbox: Sandbox;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli) });
});
after(async () => {
  await sandbox.close();
});

async function spawnStdio(protocol: ProtocolRevision) {
  const { superAdmin } = sandbox.seed.users;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', '--conditions=gauzy-source', MAIN, 'stdio'],
    cwd: REPO,
    env: { ...(process.env as Record<string, string>), API_BASE_URL: sandbox.url, GAUZY_AUTH_EMAIL: superAdmin.email, GAUZY_AUTH_PASSWORD: superAdmin.password, GAUZY_MCP_LIVE_POLL_MS: '100', GAUZY_MCP_LOG_LEVEL: 'warn' },
    stderr: 'pipe',
  });
  const client = createClient(protocol);
  const updates: string[] = [];
  client.setNotificationHandler('notifications/resources/updated', (notification) => void updates.push(notification.params.uri));
  await client.connect(transport);
  return { client, updates };
}

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const polls = () => sandbox.requests.filter((request) => request.path === WORKED).length;

/** A timer running in Gauzy for a demo employee, as if started from Gauzy's own app. */
function startTimerInGauzy(): () => void {
  const now = new Date().toISOString();
  const employeeId = sandbox.seed.demoEmployees[0]!.employeeId;
  const log = sandbox.db.insert('timeLog', { employeeId, startedAt: now, stoppedAt: now, isRunning: true, logType: 'TRACKED', source: 'BROWSER', tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, createdAt: now, updatedAt: now });
  return () => void sandbox.db.update('timeLog', String(log.id), { isRunning: false });
}

test('stdio, 2025-06-18: resources/subscribe → a timer starts in Gauzy → notifications/resources/updated; nothing is polled before or after', async () => {
  const { client, updates } = await spawnStdio('2025-06-18');
  const stop = startTimerInGauzy();
  try {
    sandbox.clearRequests();
    await client.readResource({ uri: TIMERS });
    assert.equal(polls(), 1, 'a read is one request');
    await client.callTool({ name: 'list_projects', arguments: {} });
    assert.equal(polls(), 1, 'nobody subscribed: the timers are not polled');

    stop();
    await client.subscribeResource({ uri: TIMERS });
    const afterSubscribe = polls();
    await until('three polls', () => polls() >= afterSubscribe + 3);
    assert.deepEqual(updates, [], 'nothing changed, nothing notified');
    const again = startTimerInGauzy();
    await until('the update', () => updates.length === 1);
    assert.deepEqual(updates, [TIMERS]);
    again();
    await until('the update for the stop', () => updates.length === 2);

    await client.unsubscribeResource({ uri: TIMERS });
    const atUnsubscribe = polls();
    // Another subscription on the same interval is the clock: while it polls three times, the timers are not polled.
    const uri = `gauzy://projects/${sandbox.seed.projects[0]!.id}/progress`;
    await client.subscribeResource({ uri });
    const projectPolls = () => sandbox.requests.filter((request) => request.path === `/api/organization-projects/${sandbox.seed.projects[0]!.id}`).length;
    const clock = projectPolls();
    await until('three polls of the clock', () => projectPolls() >= clock + 3);
    assert.ok(polls() <= atUnsubscribe + 1, `at most the poll already under way when unsubscribing (${polls() - atUnsubscribe})`);
  } finally {
    stop();
    await client.close();
  }
});

test('stdio, 2026-07-28: subscriptions/listen → a timer starts in Gauzy → the update on the listen stream', async () => {
  const { client, updates } = await spawnStdio('2026-07-28');
  try {
    assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
    const subscription = await client.listen({ resourceSubscriptions: [TIMERS] });
    assert.deepEqual(subscription.honoredFilter, { resourceSubscriptions: [TIMERS] });
    const stop = startTimerInGauzy();
    try {
      await until('the update', () => updates.length === 1);
      assert.deepEqual(updates, [TIMERS]);
    } finally {
      stop();
    }
    await subscription.close();
    const closedAt = polls();
    const uri = `gauzy://projects/${sandbox.seed.projects[0]!.id}/progress`;
    const clockStream = await client.listen({ resourceSubscriptions: [uri] });
    const projectPolls = () => sandbox.requests.filter((request) => request.path === `/api/organization-projects/${sandbox.seed.projects[0]!.id}`).length;
    const clock = projectPolls();
    await until('three polls of the clock', () => projectPolls() >= clock + 3);
    assert.ok(polls() <= closedAt + 1, `closing the listen stream stopped the polls (${polls() - closedAt} more)`);
    await clockStream.close();
  } finally {
    await client.close();
  }
});
