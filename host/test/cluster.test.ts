import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createRedisState, notifySession, type HostState } from '../src/index.js';
import { createSandbox, INITIALIZE, openSse, rawPost, type Sandbox } from './helpers.js';
import { randomStateKey, requireRedis } from './redis.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST_PROCESS = fileURLToPath(new URL('./fixtures/host-process.ts', import.meta.url));
const RATE_LIMIT = 30;
const ADMIN = { authorization: 'Bearer admin-token-0123456789abcdef' };
const EMPLOYEE = { authorization: 'Bearer employee-token-0123456789abcdef' };
const LIMITED = { authorization: 'Bearer limited-token-0123456789abcdef' };

interface HostProcess {
  url: string;
  child: ChildProcess;
  port: number;
}

async function spawnHost(config: unknown, redisUrl: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=gauzy-source', HOST_PROCESS], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST_CONFIG: JSON.stringify(config), REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /READY (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host process exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { url, child, port: Number(new URL(url).port) };
}

/** A TCP load balancer in front of the hosts: the test decides which instance the next connection reaches. */
async function startBalancer(): Promise<{ url: string; target: number; close(): Promise<void>; server: Server }> {
  const sockets = new Set<Socket>();
  const balancer = {
    url: '',
    target: 0,
    server: createServer((client) => {
      const upstream = connect(balancer.target, '127.0.0.1');
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    }),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => balancer.server.close(() => resolve()));
    },
  };
  await new Promise<void>((resolve) => balancer.server.listen(0, '127.0.0.1', resolve));
  const address = balancer.server.address() as { port: number };
  balancer.url = `http://127.0.0.1:${address.port}`;
  return balancer;
}

describe('two host processes on one Redis', () => {
  let sandbox: Sandbox;
  let redis: Awaited<ReturnType<typeof requireRedis>>;
  let a: HostProcess;
  let b: HostProcess;
  let balancer: Awaited<ReturnType<typeof startBalancer>>;
  let publisher: HostState;

  before(async () => {
    redis = await requireRedis();
    sandbox = await createSandbox({ seed: 'demo' });
    const { superAdmin, employee } = sandbox.seed.users;
    const encryptionKey = randomStateKey();
    const config = {
      port: 0,
      gauzy: { baseUrl: sandbox.url, sandbox: true },
      identity: {
        mode: 'development',
        accounts: [
          { name: 'admin', email: superAdmin.email, password: superAdmin.password, token: ADMIN.authorization.slice(7) },
          { name: 'employee', email: employee.email, password: employee.password, token: EMPLOYEE.authorization.slice(7) },
          { name: 'limited', email: employee.email, password: employee.password, token: LIMITED.authorization.slice(7) },
        ],
      },
      state: { keyPrefix: redis.prefix, encryptionKey },
      // One budget per identity across every route: the admin's session tests below need more than a few.
      limits: { rateLimitMax: RATE_LIMIT, rateLimitWindowSeconds: 600 },
    };
    [a, b] = await Promise.all([spawnHost(config, redis.url), spawnHost(config, redis.url)]);
    balancer = await startBalancer();
    // Any instance of the cluster publishes the same way; the test plays a third one.
    publisher = await createRedisState({ url: redis.url, prefix: redis.prefix, encryptionKey: Buffer.from(encryptionKey, 'base64'), sessionTtlMs: 60_000, eventTtlMs: 60_000, maxEventsPerStream: 100, log: silentLogger });
  });
  after(async () => {
    for (const host of [a, b]) if (host && host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGTERM');
    await Promise.all([a, b].map((host) => host && host.child.exitCode === null && host.child.signalCode === null ? new Promise((resolve) => host.child.once('exit', resolve)) : undefined));
    await balancer?.close();
    await publisher?.close();
    await sandbox?.close();
    await redis?.cleanup();
  });

  test('the rate limit is shared: requests to either instance count against one budget', async () => {
    const init = INITIALIZE('2025-06-18');
    for (let index = 0; index < RATE_LIMIT; index++) {
      const response = await rawPost(`${(index % 2 ? b : a).url}/mcp`, init, LIMITED);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('ratelimit-remaining'), String(RATE_LIMIT - 1 - index));
    }
    const refused = await rawPost(`${a.url}/mcp`, init, LIMITED);
    assert.equal(refused.status, 429);
    assert.equal(refused.json.error.code, -32004);
    assert.equal((await rawPost(`${b.url}/mcp`, init, ADMIN)).status, 200, 'other identities keep their own budget');
  });

  test('a session opened on one instance continues on the other, and only for its owner', async () => {
    balancer.target = a.port;
    const init = await rawPost(`${balancer.url}/mcp`, INITIALIZE('2025-06-18'), ADMIN);
    const session = { ...ADMIN, 'mcp-session-id': init.headers.get('mcp-session-id')!, 'mcp-protocol-version': '2025-06-18' };
    assert.equal((await rawPost(`${balancer.url}/mcp`, { jsonrpc: '2.0', method: 'notifications/initialized' }, session)).status, 202);
    balancer.target = b.port;
    const list = await rawPost(`${balancer.url}/mcp`, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, session);
    assert.equal(list.status, 200, list.text);
    assert.ok(list.json.result.tools.length > 30, 'the default toolsets (login is not listed on the host)');
    const call = await rawPost(`${balancer.url}/mcp`, { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'list_projects', arguments: {} } }, session);
    assert.equal(call.status, 200, call.text);
    assert.ok(call.json.result.structuredContent.total >= 4);
    const stolen = await rawPost(`${b.url}/mcp`, { jsonrpc: '2.0', id: 4, method: 'tools/list' }, { ...EMPLOYEE, 'mcp-session-id': session['mcp-session-id'] });
    assert.equal(stolen.status, 403);
    // Ended on B, it is gone on A too.
    assert.equal((await fetch(`${b.url}/mcp`, { method: 'DELETE', headers: session })).status, 200);
    assert.equal((await rawPost(`${a.url}/mcp`, { jsonrpc: '2.0', id: 5, method: 'tools/list' }, session)).status, 404);
  });

  test('an instance dies with a stream open; the client resumes on the other with Last-Event-ID and misses nothing', async () => {
    balancer.target = a.port;
    const init = await rawPost(`${balancer.url}/mcp`, INITIALIZE('2025-11-25'), ADMIN);
    const sessionId = init.headers.get('mcp-session-id')!;
    const session = { ...ADMIN, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' };
    const stream = await openSse(`${balancer.url}/mcp`, { headers: session });
    assert.equal(stream.response.status, 200);
    const priming = await stream.next();
    assert.ok(priming?.id);
    const note = (n: number) => ({ jsonrpc: '2.0' as const, method: 'notifications/message', params: { level: 'info', data: `event ${n}` } });
    await notifySession(publisher, sessionId, note(1));
    const first = await stream.nextMessage();
    assert.equal(first?.message.params.data, 'event 1');

    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));
    await stream.finished;
    // Published while the client has no stream anywhere: kept in Redis.
    await notifySession(publisher, sessionId, note(2));
    await notifySession(publisher, sessionId, note(3));

    balancer.target = b.port;
    const resumed = await openSse(`${balancer.url}/mcp`, { headers: { ...session, 'last-event-id': first!.id! } });
    assert.equal(resumed.response.status, 200);
    assert.equal((await resumed.nextMessage())?.message.params.data, 'event 2');
    assert.equal((await resumed.nextMessage())?.message.params.data, 'event 3');
    await notifySession(publisher, sessionId, note(4));
    assert.equal((await resumed.nextMessage())?.message.params.data, 'event 4');
    // The session itself lives on: B serves its requests.
    const call = await rawPost(`${balancer.url}/mcp`, { jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'get_my_tasks', arguments: {} } }, session);
    assert.equal(call.status, 200, call.text);
    resumed.close();
  });
});
