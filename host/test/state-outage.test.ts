import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import type { RunningHost } from '../src/index.js';
import { createSandbox, INITIALIZE, rawPost, startTestHost, type Sandbox } from './helpers.js';
import { randomStateKey, requireRedis, startRedisRelay } from './redis.js';

const MODERN_LIST = {
  jsonrpc: '2.0',
  id: 5,
  method: 'tools/list',
  params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'outage', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} } },
};
const MODERN_HEADERS = { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' };

function assertUnavailable(response: { status: number; headers: Headers; json: any; text: string }, what: string): void {
  assert.equal(response.status, 503, `${what}: ${response.text}`);
  assert.ok(Number(response.headers.get('retry-after')) > 0, `${what}: Retry-After`);
  assert.equal(response.json.jsonrpc, '2.0');
  assert.equal(response.json.error.code, -32006);
  assert.match(response.json.error.message, /state store/);
}

describe('Redis goes away and comes back', () => {
  let sandbox: Sandbox;
  let redis: Awaited<ReturnType<typeof requireRedis>>;
  let relay: Awaited<ReturnType<typeof startRedisRelay>>;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    redis = await requireRedis();
    relay = await startRedisRelay(redis.url);
    host = await startTestHost(sandbox, { state: { redisUrl: relay.url, keyPrefix: redis.prefix, encryptionKey: randomStateKey() } });
  });
  after(async () => {
    await relay?.restore().catch(() => {});
    await host?.close();
    await relay?.close();
    await sandbox?.close();
    await redis?.cleanup();
  });

  test('while it is down: 503 with Retry-After and a JSON-RPC error naming the state store, for every era and transport; then it recovers by itself', { timeout: 60_000 }, async () => {
    const init = await rawPost(host.mcpUrl, INITIALIZE('2025-06-18'));
    assert.equal(init.status, 200, init.text);
    const session = { 'mcp-session-id': init.headers.get('mcp-session-id')!, 'mcp-protocol-version': '2025-06-18' };

    await relay.cut();
    assertUnavailable(await rawPost(host.mcpUrl, INITIALIZE('2025-06-18')), 'initialize');
    assertUnavailable(await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, session), 'tools/list on a session');
    assertUnavailable(await rawPost(host.mcpUrl, MODERN_LIST, MODERN_HEADERS), 'tools/list (2026-07-28)');
    assertUnavailable(await rawPost(`${host.url}/sse`, INITIALIZE('2025-03-26')), 'POST /sse');
    const stream = await fetch(`${host.url}/sse/events`, { headers: { accept: 'text/event-stream' } });
    assert.equal(stream.status, 503, 'GET /sse/events');
    assert.ok(Number(stream.headers.get('retry-after')) > 0);
    await stream.body?.cancel();
    const ready = await fetch(`${host.url}/ready`);
    assert.equal(ready.status, 503);
    await ready.body?.cancel();

    await relay.restore();
    // ioredis reconnects on its own schedule (a few seconds at most); the host needs nothing else.
    let recovered: Awaited<ReturnType<typeof rawPost>> | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      recovered = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 3, method: 'tools/list' }, session);
      if (recovered.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(recovered!.status, 200, recovered!.text);
    assert.ok(recovered!.json.result.tools.length > 0, 'the session opened before the outage goes on');
    assert.equal((await rawPost(host.mcpUrl, MODERN_LIST, MODERN_HEADERS)).status, 200);
  });

  test('a WebSocket frame while it is down gets a JSON-RPC error naming the state store, and the socket stays open', { timeout: 60_000 }, async () => {
    const socket = new WebSocket(`${host.url.replace(/^http/, 'ws')}/ws`);
    await once(socket, 'open');
    try {
      await relay.cut();
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 11, method: 'ping' }));
      const [data] = await once(socket, 'message');
      const answer = JSON.parse(String(data));
      assert.equal(answer.id, 11);
      assert.equal(answer.error.code, -32006);
      assert.ok(answer.error.data.retryAfter > 0);
      assert.equal(socket.readyState, WebSocket.OPEN);
    } finally {
      await relay.restore();
      socket.close();
    }
  });
});
