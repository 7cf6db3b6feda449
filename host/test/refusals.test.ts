import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PROTOCOL_VERSIONS } from '@gauzy-mcp/core/internal';
import type { RunningHost } from '../src/index.js';
import { connectHttp, createSandbox, INITIALIZE, openSse, rawPost, startTestHost, type Sandbox, seedAccounts } from './helpers.js';

const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw-test', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const EMPLOYEE_TOKEN = 'employee-token-0123456789abcdef';

describe('refusals: each bad request gets its documented error, and everyone else keeps being served', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    host = await startTestHost(sandbox, {
      identity: seedAccounts(sandbox, { admin: ADMIN_TOKEN, employee: EMPLOYEE_TOKEN }),
      limits: { rateLimitMax: 40, rateLimitWindowSeconds: 600, bodyLimitBytes: 64 * 1024 },
    });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

  async function stillServes(): Promise<void> {
    const client = await connectHttp(host.mcpUrl, '2025-06-18', { authorization: `Bearer ${EMPLOYEE_TOKEN}` });
    try {
      const tasks = await client.call('get_my_tasks', {});
      assert.equal(tasks.isError, false, tasks.text);
    } finally {
      await client.close();
    }
  }

  test('no token, or an unknown one: 401 with a Bearer challenge and a JSON-RPC body', async () => {
    const missing = await rawPost(host.mcpUrl, INITIALIZE());
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(missing.json.error.code, -32002);
    const wrong = await rawPost(host.mcpUrl, INITIALIZE(), { authorization: 'Bearer not-a-configured-token-at-all' });
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    await stillServes();
  });

  test('a message that is both a request and a response: 400 Invalid Request (-32600), on /mcp and on an HTTP+SSE session', async () => {
    // Found by the host fuzz (seed 853228055): on /sse/events the SDK took it for a response and answered nothing.
    const both = JSON.stringify({ jsonrpc: '2.0', id: 'x1', method: 'tools/list', error: {} });
    const direct = await rawPost(host.mcpUrl, both, admin);
    assert.equal(direct.status, 400);
    assert.equal(direct.json.error.code, -32600);
    const stream = await openSse(`${host.url}/sse/events`, { headers: admin });
    try {
      const endpoint = (await stream.next())!.data;
      const viaSession = await rawPost(`${host.url}${endpoint}`, both, admin);
      assert.equal(viaSession.status, 400);
      assert.equal(viaSession.json.error.code, -32600);
    } finally {
      stream.close();
    }
    await stillServes();
  });

  test('bad JSON: 400 with a JSON-RPC parse error (-32700)', async () => {
    const response = await rawPost(host.mcpUrl, '{"jsonrpc":"2.0","id":1,', admin);
    assert.equal(response.status, 400);
    assert.equal(response.json.error.code, -32700);
    assert.equal(response.json.id, null);
    await stillServes();
  });

  test('not a JSON-RPC message, or a batch: 400 invalid request (-32600)', async () => {
    for (const body of [{ hello: 'world' }, [INITIALIZE()], { jsonrpc: '1.0', id: 1, method: 'initialize' }]) {
      const response = await rawPost(host.mcpUrl, body, admin);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.json.error.code, -32600);
    }
  });

  test('a body over the limit: 413 with a JSON-RPC body', async () => {
    const big = { ...INITIALIZE(), params: { ...INITIALIZE().params, padding: 'x'.repeat(80 * 1024) } };
    const response = await rawPost(host.mcpUrl, big, admin);
    assert.equal(response.status, 413);
    assert.equal(response.json.error.code, -32005);
    await stillServes();
  });

  test('a foreign Origin or Host (DNS rebinding): 403', async () => {
    const origin = await rawPost(host.mcpUrl, INITIALIZE(), { ...admin, origin: 'http://evil.example' });
    assert.equal(origin.status, 403);
    assert.equal(origin.json.error.code, -32003);
    const loopbackPage = await rawPost(host.mcpUrl, INITIALIZE(), { ...admin, origin: 'http://localhost:5173' });
    assert.equal(loopbackPage.status, 200);
    assert.equal(loopbackPage.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    // fetch will not send a forged Host, so speak HTTP/1.1 by hand.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(host.mcpUrl);
      const req = request({ host: url.hostname, port: url.port, path: '/mcp', method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json', ...admin } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify(INITIALIZE()));
    });
    assert.equal(status, 403);
    await stillServes();
  });

  test('2026-07-28 headers that disagree with the body: 400 -32020; an unknown version: 400 -32022 listing every supported one', async () => {
    const mismatch = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_projects', _meta: MODERN_META } }, {
      ...admin,
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/list',
    });
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.json.error.code, -32020);
    const unknown = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { ...MODERN_META, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } } }, {
      ...admin,
      'mcp-protocol-version': '2099-01-01',
      'mcp-method': 'tools/list',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.error.code, -32022);
    assert.deepEqual(unknown.json.error.data.supported, [...PROTOCOL_VERSIONS]);
    await stillServes();
  });

  test('2025 sessions: unknown id 404, missing id 400, GET and DELETE without one 405, DELETE ends it', async () => {
    const unknown = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { ...admin, 'mcp-session-id': 'no-such-session' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error.code, -32001);
    const missing = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, admin);
    assert.equal(missing.status, 400);
    assert.equal((await fetch(host.mcpUrl, { headers: admin })).status, 405);
    assert.equal((await fetch(host.mcpUrl, { method: 'DELETE', headers: admin })).status, 405);
    const init = await rawPost(host.mcpUrl, INITIALIZE(), admin);
    const sessionId = init.headers.get('mcp-session-id')!;
    assert.ok(sessionId);
    const list = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { ...admin, 'mcp-session-id': sessionId });
    assert.equal(list.status, 200);
    assert.equal(list.json.result.tools.length, host.toolCount);
    assert.equal((await fetch(host.mcpUrl, { method: 'DELETE', headers: { ...admin, 'mcp-session-id': sessionId } })).status, 200);
    const after = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 3, method: 'tools/list' }, { ...admin, 'mcp-session-id': sessionId });
    assert.equal(after.status, 404);
  });

  test('a session id presented by another identity is refused (403) and the owner keeps it', async () => {
    const init = await rawPost(host.mcpUrl, INITIALIZE(), admin);
    const sessionId = init.headers.get('mcp-session-id')!;
    const stolen = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { authorization: `Bearer ${EMPLOYEE_TOKEN}`, 'mcp-session-id': sessionId });
    assert.equal(stolen.status, 403);
    assert.equal(stolen.json.error.code, -32003);
    const stolenStream = await fetch(host.mcpUrl, { headers: { authorization: `Bearer ${EMPLOYEE_TOKEN}`, 'mcp-session-id': sessionId, accept: 'text/event-stream' } });
    assert.equal(stolenStream.status, 403);
    const stolenDelete = await fetch(host.mcpUrl, { method: 'DELETE', headers: { authorization: `Bearer ${EMPLOYEE_TOKEN}`, 'mcp-session-id': sessionId } });
    assert.equal(stolenDelete.status, 403);
    const owner = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 3, method: 'tools/list' }, { ...admin, 'mcp-session-id': sessionId });
    assert.equal(owner.status, 200);
  });

  test('each identity sees its own Gauzy user', async () => {
    const adminClient = await connectHttp(host.mcpUrl, '2026-07-28', admin);
    const employeeClient = await connectHttp(host.mcpUrl, '2026-07-28', { authorization: `Bearer ${EMPLOYEE_TOKEN}` });
    try {
      assert.equal((await adminClient.call('get_my_tasks', {})).isError, false);
      assert.equal((await employeeClient.call('get_my_tasks', {})).isError, false);
      const adminStatus = await adminClient.call('get_auth_status', {});
      const employeeStatus = await employeeClient.call('get_auth_status', {});
      assert.match(JSON.stringify(adminStatus.structured), new RegExp(sandbox.seed.users.superAdmin.email));
      assert.match(JSON.stringify(employeeStatus.structured), new RegExp(sandbox.seed.users.employee.email));
    } finally {
      await adminClient.close();
      await employeeClient.close();
    }
  });

  test('metrics count requests, tool calls by outcome, and refusals', async () => {
    const text = await (await fetch(`${host.url}/metrics`)).text();
    assert.match(text, /gauzy_mcp_http_requests_total\{method="POST",route="\/mcp",status="401"\} \d+/);
    assert.match(text, /gauzy_mcp_tool_calls_total\{outcome="ok",tool="get_my_tasks"\} \d+/);
    assert.match(text, /gauzy_mcp_tool_call_duration_seconds_count\{tool="get_my_tasks"\} \d+/);
    assert.match(text, /# TYPE gauzy_mcp_sessions_active gauge/);
    const health = (await (await fetch(`${host.url}/health`)).json()) as { status: string };
    assert.equal(health.status, 'ok');
    const ready = await fetch(`${host.url}/ready`);
    assert.equal(ready.status, 200);
  });
});

describe('rate limit', () => {
  test('over the limit: 429 with RateLimit-* and Retry-After headers and a JSON-RPC body; other identities are still served', async () => {
    const sandbox = await createSandbox({ seed: 'demo' });
    const host = await startTestHost(sandbox, {
      identity: seedAccounts(sandbox, { admin: ADMIN_TOKEN, employee: EMPLOYEE_TOKEN }),
      limits: { rateLimitMax: 3, rateLimitWindowSeconds: 600 },
    });
    try {
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      for (let index = 0; index < 3; index++) {
        const ok = await rawPost(host.mcpUrl, INITIALIZE(), admin);
        assert.equal(ok.status, 200);
        assert.equal(ok.headers.get('ratelimit-limit'), '3');
        assert.equal(ok.headers.get('ratelimit-remaining'), String(2 - index));
      }
      const refused = await rawPost(host.mcpUrl, INITIALIZE(), admin);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal(refused.json.jsonrpc, '2.0');
      assert.equal(refused.json.error.code, -32004);
      const other = await rawPost(host.mcpUrl, INITIALIZE(), { authorization: `Bearer ${EMPLOYEE_TOKEN}` });
      assert.equal(other.status, 200);
      const metrics = await (await fetch(`${host.url}/metrics`)).text();
      assert.match(metrics, /gauzy_mcp_rate_limited_total 1/);
    } finally {
      await host.close();
      await sandbox.close();
    }
  });
});
