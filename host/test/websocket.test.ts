import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createLogger } from '@gauzy-mcp/core/internal';
import { Server } from '@modelcontextprotocol/server';
import { toOutcome } from '@gauzy-mcp/testkit';
import Fastify from 'fastify';
import WebSocket from 'ws';
import { registerWebSocketEndpoints, upgradeRequired, WebSocketServerTransport, WS_CLOSE, type WebSocketOptions } from '../src/http/websocket.js';
import type { Identity } from '../src/identity.js';
import type { RunningHost } from '../src/index.js';
import { HostMetrics } from '../src/ops/metrics.js';
import { createSandbox, startTestHost, type Sandbox } from './helpers.js';
import { connectWebSocket } from './ws-client.js';

const TOKEN = 'ws-admin-token-0123456789abcdef';
const EXAMPLE = fileURLToPath(new URL('../../examples/websocket-client/client.mjs', import.meta.url));

/** A raw socket that answers nothing until told: for the refusals a well-behaved client never triggers. */
async function rawSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<{ socket: WebSocket; frames: unknown[]; closed: Promise<[number, Buffer]> }> {
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${TOKEN}` }, ...options });
  const frames: unknown[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  const closed = once(socket, 'close') as Promise<[number, Buffer]>;
  await once(socket, 'open');
  return { socket, frames, closed };
}

async function nextFrame(socket: WebSocket): Promise<any> {
  const [data] = await once(socket, 'message');
  return JSON.parse(String(data));
}

/** Stands in for a `ws` socket where the test must set `bufferedAmount` itself: the policy, not the kernel's buffers. */
class ScriptedSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  isPaused = false;
  sent = 0;
  closedWith?: number;
  pause(): void {
    this.isPaused = true;
    this.emit('paused');
  }
  resume(): void {
    this.isPaused = false;
    this.emit('resumed');
  }
  send(): void {
    this.sent++;
  }
  close(code: number): void {
    this.closedWith = code;
    this.readyState = 2;
  }
  terminate(): void {
    this.readyState = 3;
  }
  ping(): void {}
}

const TEST_IDENTITY = { key: 'test:ws', label: 'ws test', caller: {} } as unknown as Identity;

describe('WebSocket on /ws and /sse', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  let wsUrl: string;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    const admin = sandbox.seed.users.superAdmin;
    host = await startTestHost(sandbox, {
      identity: { mode: 'development', accounts: [{ name: 'admin', email: admin.email, password: admin.password, token: TOKEN }] },
      // The default heartbeat: a short one here would drop the test's own client whenever the shared
      // machine stalls this process for a moment. The heartbeat test runs its own host.
      limits: { webSocketMaxMessageBytes: 64 * 1024 },
    });
    wsUrl = `${host.url.replace(/^http/, 'ws')}/ws`;
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  for (const path of ['/ws', '/sse']) {
    for (const protocol of ['2025-06-18', '2026-07-28'] as const) {
      test(`${path}, ${protocol}: the SDK client lists tools and calls them`, async () => {
        const client = await connectWebSocket(`${host.url.replace(/^http/, 'ws')}${path}`, protocol, { authorization: `Bearer ${TOKEN}` });
        try {
          assert.equal(client.getNegotiatedProtocolVersion(), protocol);
          const { tools } = await client.listTools();
          assert.equal(tools.length, host.toolCount);
          const projects = toOutcome(await client.callTool({ name: 'list_projects', arguments: {} }));
          assert.equal(projects.isError, false, projects.text);
          assert.ok((projects.structured?.total as number) >= 4);
          const bad = toOutcome(await client.callTool({ name: 'get_task', arguments: { id: 'nope' } }));
          assert.equal(bad.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
        } finally {
          await client.close();
        }
      });
    }
  }

  test('refused at the upgrade: no token 401, wrong token 401, foreign Origin 403; no socket is opened, and the connection is closed', async () => {
    for (const [headers, status] of [
      [{}, 401],
      [{ authorization: 'Bearer wrong-token-0123456789abcdef' }, 401],
      [{ authorization: `Bearer ${TOKEN}`, origin: 'http://evil.example' }, 403],
    ] as const) {
      const socket = new WebSocket(wsUrl, { headers });
      socket.on('error', () => {});
      const [, response] = (await once(socket, 'unexpected-response')) as [unknown, { statusCode: number; socket: import('node:net').Socket; resume(): void }];
      assert.equal(response.statusCode, status);
      // The host closes the refused connection itself (left open, it would hold shutdown forever).
      const closed = once(response.socket, 'close');
      response.resume();
      await closed;
    }
  });

  test('permessage-deflate is negotiated with small windows and no context takeover, so an idle socket holds no zlib state; a large answer still arrives compressed', async () => {
    const socket = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${TOKEN}` }, perMessageDeflate: true });
    // ws emits open right after upgrade, in the same turn: wait for both at once.
    const [[upgrade]] = (await Promise.all([once(socket, 'upgrade'), once(socket, 'open')])) as [[{ headers: Record<string, string> }], unknown];
    try {
      const extensions = upgrade.headers['sec-websocket-extensions'] ?? '';
      for (const param of ['permessage-deflate', 'server_no_context_takeover', 'client_no_context_takeover', 'server_max_window_bits=10', 'client_max_window_bits=10']) {
        assert.ok(extensions.includes(param), `${param} should be negotiated: ${extensions}`);
      }
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }));
      await nextFrame(socket);
      socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
      let compressedBytes = 0;
      (socket as unknown as { _socket: NodeJS.EventEmitter })._socket.on('data', (chunk: Buffer) => (compressedBytes += chunk.length));
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }));
      const listed = await nextFrame(socket);
      const plainBytes = JSON.stringify(listed).length;
      assert.ok(listed.result.tools.length > 0);
      assert.ok(plainBytes > 16 * 1024, `the listing (${plainBytes} B) should be over the compression threshold`);
      assert.ok(compressedBytes < plainBytes / 2, `the listing should travel compressed: ${compressedBytes} B on the wire for ${plainBytes} B`);
    } finally {
      socket.close();
    }
  });

  test('GET /ws without an upgrade answers 426', async () => {
    const response = await fetch(`${host.url}/ws`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.status, 426);
  });

  test('a frame that is not JSON, or not JSON-RPC, gets an error frame and the connection keeps working', async () => {
    const { socket } = await rawSocket(wsUrl);
    socket.send('{"jsonrpc":');
    assert.equal((await nextFrame(socket)).error.code, -32700);
    socket.send(JSON.stringify({ hello: 'world', id: 5 }));
    const invalid = await nextFrame(socket);
    assert.equal(invalid.error.code, -32600);
    assert.equal(invalid.id, 5);
    socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }));
    assert.equal((await nextFrame(socket)).result.serverInfo.name, 'gauzy-mcp');
    socket.close(1000);
  });

  test('a message over the limit closes that socket with 1009; other connections are unaffected', async () => {
    const { socket, closed } = await rawSocket(wsUrl);
    socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { padding: 'x'.repeat(80 * 1024) } }));
    const [code] = await closed;
    assert.equal(code, 1009);
    const client = await connectWebSocket(wsUrl, '2025-06-18', { authorization: `Bearer ${TOKEN}` });
    assert.ok((await client.listTools()).tools.length > 0);
    await client.close();
  });

  test('a binary frame closes with 1003', async () => {
    const { socket, closed } = await rawSocket(wsUrl);
    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    const [code] = await closed;
    assert.equal(code, 1003);
  });

  test('heartbeats drop a peer that stops answering pings', async () => {
    const admin = sandbox.seed.users.superAdmin;
    const own = await startTestHost(sandbox, {
      identity: { mode: 'development', accounts: [{ name: 'admin', email: admin.email, password: admin.password, token: TOKEN }] },
      limits: { webSocketHeartbeatMs: 200 },
    });
    try {
      const { closed } = await rawSocket(`${own.url.replace(/^http/, 'ws')}/ws`, { autoPong: false });
      const [code] = await closed;
      // Terminated, not closed politely: the peer is presumed gone.
      assert.equal(code, 1006);
    } finally {
      await own.close();
    }
  });

  test('a peer that stops reading is dropped once its unsent backlog passes twice the bound, instead of buffering without end', async () => {
    const warnings: string[] = [];
    const log = createLogger({ level: 'warn', sink: (line) => warnings.push(line) });
    const admin = sandbox.seed.users.superAdmin;
    const own = await startTestHost(
      sandbox,
      // Every frame draws from the caller's budget: this test needs thousands of answered frames.
      { identity: { mode: 'development', accounts: [{ name: 'admin', email: admin.email, password: admin.password }] }, limits: { webSocketMaxBufferedBytes: 256 * 1024, rateLimitMax: 1_000_000 } },
      { log },
    );
    try {
      const { socket } = await rawSocket(`${own.url.replace(/^http/, 'ws')}/ws`, { headers: {} });
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'slow', version: '1' } } }));
      await nextFrame(socket);
      // Stop reading: first the kernel's socket buffers fill, then the host's own backlog grows.
      (socket as unknown as { _socket: import('node:net').Socket })._socket.pause();
      for (let id = 2; id < 3000; id++) socket.send(JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/list' }));
      const metric = async () => Number(/gauzy_mcp_websocket_connections (\d+)/.exec(await (await fetch(`${own.url}/metrics`)).text())?.[1]);
      while ((await metric()) !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(warnings.some((line) => line.includes('websocket peer is not reading; closing it')), warnings.join('\n'));
      socket.terminate();
    } finally {
      await own.close();
    }
  });

  test('the runnable example client connects, lists and calls a tool', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE, wsUrl, TOKEN, 'list_projects', '{"take":2}']);
    assert.match(stdout, /connected to gauzy-mcp/);
    assert.match(stdout, new RegExp(`tools: ${host.toolCount}`));
    assert.match(stdout, /list_projects:\n2 of \d+ projects/);
  });

  test('backpressure policy: reading stops above the bound, restarts below half of it, and the peer is closed with 1013 above twice the bound', async () => {
    const bound = 1000;
    const options = { serverFactoryFor: () => assert.fail('not served'), log: silentLogger, metrics: new HostMetrics(), maxMessageBytes: 1024, maxBufferedBytes: bound, heartbeatMs: 60_000 } satisfies WebSocketOptions;
    const socket = new ScriptedSocket();
    const transport = new WebSocketServerTransport(socket as unknown as WebSocket, TEST_IDENTITY, options);
    await transport.start();
    try {
      socket.bufferedAmount = bound;
      await transport.send({ jsonrpc: '2.0', id: 1, result: {} });
      assert.equal(socket.isPaused, false, 'at the bound itself reading goes on');

      const paused = once(socket, 'paused');
      socket.bufferedAmount = bound + 1;
      await transport.send({ jsonrpc: '2.0', id: 2, result: {} });
      await paused;

      // Draining to just above half keeps the peer paused; reaching half lets it speak again.
      socket.bufferedAmount = bound / 2 + 1;
      const resumed = once(socket, 'resumed');
      socket.bufferedAmount = bound / 2;
      await resumed;
      assert.equal(socket.closedWith, undefined);

      socket.bufferedAmount = 2 * bound + 1;
      await transport.send({ jsonrpc: '2.0', id: 3, result: {} });
      assert.equal(socket.closedWith, WS_CLOSE.TRY_AGAIN_LATER);
      const sentBefore = socket.sent;
      await transport.send({ jsonrpc: '2.0', id: 4, result: {} });
      assert.equal(socket.sent, sentBefore, 'nothing more is queued for a socket being closed');
    } finally {
      await transport.close();
    }
  });

  test('a connection whose server cannot be built is closed with 1011, logged without secrets, and not left counted', async () => {
    const lines: string[] = [];
    const metrics = new HostMetrics();
    const app = Fastify({ logger: false });
    app.addHook('onRequest', async (request) => {
      request.identity = TEST_IDENTITY;
    });
    await registerWebSocketEndpoints(
      app,
      {
        serverFactoryFor: () => {
          throw new Error('catalog unavailable');
        },
        log: createLogger({ level: 'debug', sink: (line) => lines.push(line) }),
        metrics,
        maxMessageBytes: 64 * 1024,
      },
      { '/ws': upgradeRequired, '/sse': upgradeRequired },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as import('node:net').AddressInfo;
      const { closed } = await rawSocket(`ws://127.0.0.1:${port}/ws`);
      const [code, reason] = await closed;
      assert.equal(code, 1011);
      assert.equal(reason.toString(), 'internal error');
      const failure = lines.map((line) => JSON.parse(line)).find((record) => record.msg === 'websocket connection failed to open');
      assert.equal(failure?.level, 'error');
      assert.ok(!lines.some((line) => line.includes(TOKEN)), 'the bearer token never reaches the log');
      // The server sees the close after the client does: wait for it rather than for a fixed time.
      while (!/gauzy_mcp_websocket_connections 0/.test(metrics.render())) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      await app.close();
    }
  });

  test('an open socket lets go of its upgrade request and reply, and a socket error is still handled', async () => {
    setFlagsFromString('--expose_gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const lines: string[] = [];
    const app = Fastify({ logger: false });
    let upgrade: { request: WeakRef<object>; raw: WeakRef<object> } | undefined;
    app.addHook('onRequest', async (request) => {
      request.identity = TEST_IDENTITY;
      upgrade = { request: new WeakRef(request), raw: new WeakRef(request.raw) };
    });
    await registerWebSocketEndpoints(
      app,
      {
        serverFactoryFor: () => () => new Server({ name: 'gc-test', version: '1' }, { capabilities: {} }),
        log: createLogger({ level: 'debug', sink: (line) => lines.push(line) }),
        metrics: new HostMetrics(),
        maxMessageBytes: 1024,
      },
      { '/ws': upgradeRequired, '/sse': upgradeRequired },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as import('node:net').AddressInfo;
      const { socket, closed } = await rawSocket(`ws://127.0.0.1:${port}/ws`);
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }));
      assert.deepEqual(await nextFrame(socket), { jsonrpc: '2.0', id: 1, result: {} });
      // A WeakRef read in this turn keeps its target alive until the turn ends: collect across turns.
      for (let round = 0; round < 3; round++) {
        collectGarbage();
        await new Promise((resolve) => setImmediate(resolve));
      }
      assert.equal(upgrade?.request.deref(), undefined, 'the Fastify request is collected while the socket is open');
      assert.equal(upgrade?.raw.deref(), undefined, 'so is the IncomingMessage and its headers');
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }));
      assert.deepEqual(await nextFrame(socket), { jsonrpc: '2.0', id: 2, result: {} }, 'the socket still serves');
      socket.send('x'.repeat(2048));
      const [code] = await closed;
      assert.equal(code, WS_CLOSE.MESSAGE_TOO_BIG, 'an oversized frame still closes the socket with 1009');
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok(lines.some((line) => JSON.parse(line).msg === 'websocket error'), 'the socket error reached the endpoint handler');
    } finally {
      await app.close();
    }
  });

  test('shutdown closes sockets with 1001', async () => {
    const own = await startTestHost(sandbox);
    const socket = new WebSocket(`${own.url.replace(/^http/, 'ws')}/ws`);
    await once(socket, 'open');
    const closed = once(socket, 'close') as Promise<[number, Buffer]>;
    await own.close();
    const [code, reason] = await closed;
    assert.equal(code, 1001);
    assert.match(reason.toString(), /shutting down/);
  });
});
