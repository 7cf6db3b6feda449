import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '@gauzy-mcp/core/internal';
import { bodyLimitFor, loadHostConfig } from '../src/config.js';
import type { RunningHost } from '../src/index.js';
import { connectHttp, createSandbox, INITIALIZE, rawPost, startTestHost, type Sandbox } from './helpers.js';

describe('operations: audit, headers, readiness, draining', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  const lines: Array<Record<string, unknown>> = [];
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    const log = createLogger({ level: 'info', sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    host = await startTestHost(sandbox, { allowedOrigins: ['https://app.example.com'] }, { log });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  test('one audit record per tool call: who, tool, outcome, duration, and never the arguments', async () => {
    const client = await connectHttp(host.mcpUrl, '2026-07-28');
    try {
      await client.call('create_task', { title: 'audit-secret-title-123' });
      await client.call('get_task', { id: 'not-a-uuid' });
    } finally {
      await client.close();
    }
    const audit = lines.filter((line) => line.audit === true);
    const created = audit.find((line) => line.tool === 'create_task');
    assert.equal(created?.who, 'dev:admin');
    assert.equal(created?.outcome, 'ok');
    assert.equal(typeof created?.ms, 'number');
    const refused = audit.find((line) => line.code === 'GMCP_ERR_INVALID_ARGUMENTS');
    assert.equal(refused?.outcome, 'error');
    assert.equal(refused?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
    const everything = lines.map((line) => JSON.stringify(line)).join('\n');
    assert.doesNotMatch(everything, /audit-secret-title-123/);
    assert.doesNotMatch(everything, /"password"|"token"|Bearer /);
  });

  test('security headers, CORS for configured origins only, request ids', async () => {
    const allowed = await rawPost(host.mcpUrl, INITIALIZE(), { origin: 'https://app.example.com', 'x-request-id': 'trace-42' });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /mcp-session-id/);
    assert.match(allowed.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    assert.equal(allowed.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(allowed.headers.get('x-request-id'), 'trace-42');
    const preflight = await fetch(host.mcpUrl, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'mcp-session-id, content-type' } });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /mcp-session-id/);
    const foreign = await rawPost(host.mcpUrl, INITIALIZE(), { origin: 'https://other.example.com' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });

  test('body limit: 10 MiB in development, 1 MiB in production, unless configured', () => {
    const base = { gauzy: { baseUrl: 'http://127.0.0.1:9' }, identity: { mode: 'development' as const, accounts: [{ name: 'a', email: 'a@b.c', password: 'x' }] } };
    assert.equal(bodyLimitFor(loadHostConfig({ input: base }).config), 10 * 1024 * 1024);
    assert.equal(bodyLimitFor(loadHostConfig({ input: { ...base, mode: 'production' } }).config), 1024 * 1024);
    assert.equal(bodyLimitFor(loadHostConfig({ input: base, env: { NODE_ENV: 'production' } }).config), 1024 * 1024);
    assert.equal(bodyLimitFor(loadHostConfig({ input: { ...base, limits: { bodyLimitBytes: 5000 } } }).config), 5000);
  });

  test('/ready is 503 and names the failing dependency when Gauzy is unreachable; /health stays 200', async () => {
    const orphan = await startTestHost(sandbox, { gauzy: { baseUrl: 'http://127.0.0.1:9' } });
    try {
      const ready = await fetch(`${orphan.url}/ready`);
      assert.equal(ready.status, 503);
      const body = (await ready.json()) as { checks: Record<string, { ok: boolean; error?: string }> };
      assert.equal(body.checks.state?.ok, true);
      assert.equal(body.checks.gauzy?.ok, false);
      assert.equal((await fetch(`${orphan.url}/health`)).status, 200);
    } finally {
      await orphan.close();
    }
  });

  test('/ready names a configured account that cannot sign in, without its password, and does not sign in on every probe', async () => {
    const admin = sandbox.seed.users.superAdmin;
    const accounts = [
      { name: 'good', email: admin.email, password: admin.password, token: 'good-token-of-16-chars' },
      { name: 'typo', email: admin.email, password: 'not-the-password', token: 'typo-token-of-16-chars' },
    ];
    const own = await startTestHost(sandbox, { identity: { mode: 'development', accounts } });
    try {
      sandbox.clearRequests();
      const first = await fetch(`${own.url}/ready`);
      assert.equal(first.status, 503);
      const body = (await first.json()) as { checks: Record<string, { ok: boolean; error?: string }> };
      assert.equal(body.checks.gauzy?.ok, true);
      assert.equal(body.checks.credentials?.ok, false);
      assert.match(String(body.checks.credentials?.error), /^typo <admin@ever.co> cannot sign in to Gauzy: /);
      assert.doesNotMatch(JSON.stringify(body), /not-the-password|good/);
      const logins = () => sandbox.requests.filter((request) => request.path === '/api/auth/login').length;
      assert.equal(logins(), 2, 'each account tried once');
      await fetch(`${own.url}/ready`);
      await fetch(`${own.url}/ready`);
      assert.equal(logins(), 2, 'later probes answer from the signed-in session and the remembered failure');
    } finally {
      await own.close();
    }
    // With working credentials the host is ready.
    assert.equal((await fetch(`${host.url}/ready`)).status, 200);
  });

  test('shutdown lets a call in flight finish, then refuses new connections', async () => {
    const own = await startTestHost(sandbox);
    const client = await connectHttp(own.mcpUrl, '2026-07-28');
    await client.call('list_projects', {});
    const fault = sandbox.faults.add({ method: 'GET', path: /organization-projects/, delayMs: 300 });
    const inFlight = client.call('list_projects', {});
    // The fault is used up when the request reaches Gauzy: from then on the call is truly in flight.
    while (sandbox.faults.isPending(fault)) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = own.close();
    const result = await inFlight;
    assert.equal(result.isError, false, result.text);
    await closed;
    await assert.rejects(fetch(`${own.url}/health`));
    await client.close().catch(() => {});
  });
});
