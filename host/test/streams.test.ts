import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, SSEClientTransport } from '@modelcontextprotocol/client';
import { toOutcome } from '@gauzy-mcp/testkit';
import type { RunningHost } from '../src/index.js';
import { createSandbox, INITIALIZE, openSse, rawPost, startTestHost, type Sandbox } from './helpers.js';

describe('event streams: 2025 sessions, resumption, and the HTTP+SSE transport', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    host = await startTestHost(sandbox, { inventory: { toolsets: ['default', 'tasks-bulk'] } });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  async function session(protocolVersion: string): Promise<Record<string, string>> {
    const init = await rawPost(host.mcpUrl, INITIALIZE(protocolVersion));
    assert.equal(init.status, 200);
    const headers = { 'mcp-session-id': init.headers.get('mcp-session-id')!, 'mcp-protocol-version': protocolVersion };
    assert.equal((await rawPost(host.mcpUrl, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers)).status, 202);
    return headers;
  }

  test('a call that reports progress answers as an event stream: progress first, then the result', async () => {
    const headers = await session('2025-06-18');
    const stream = await openSse(host.mcpUrl, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'bulk_create_tasks', arguments: { tasks: [{ title: 'Stream one' }, { title: 'Stream two' }] }, _meta: { progressToken: 'p1' } },
      }),
    });
    assert.match(stream.response.headers.get('content-type') ?? '', /text\/event-stream/);
    const first = await stream.nextMessage();
    assert.equal(first?.message.method, 'notifications/progress');
    assert.equal(first?.message.params.progressToken, 'p1');
    assert.ok(first?.id, 'events carry ids for resumption');
    let last = first;
    for (let event = await stream.nextMessage(); event; event = await stream.nextMessage()) last = event;
    assert.equal(last?.message.id, 7);
    assert.equal(last?.message.result.isError, undefined);
    assert.equal(last?.message.result.structuredContent.succeeded, 2);
  });

  test('a client that drops a call\'s stream resumes it with Last-Event-ID and gets every later event', async () => {
    const headers = await session('2025-11-25');
    const stream = await openSse(host.mcpUrl, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 'bulk',
        method: 'tools/call',
        params: { name: 'bulk_create_tasks', arguments: { tasks: [1, 2, 3, 4, 5, 6].map((n) => ({ title: `Resume ${n}` })) }, _meta: { progressToken: 'p2' } },
      }),
    });
    const priming = await stream.next();
    assert.ok(priming?.id, '2025-11-25 streams open with a priming event id');
    assert.equal(priming?.data, '');
    assert.ok((priming?.retry ?? 0) > 0);
    stream.close();
    // Everything after the priming event arrives on the resumed stream, up to and including the answer.
    const resumed = await openSse(host.mcpUrl, { headers: { ...headers, 'last-event-id': priming!.id! } });
    const progress: number[] = [];
    let answer: any;
    for (let event = await resumed.nextMessage(); event; event = await resumed.nextMessage()) {
      if (event.message.method === 'notifications/progress') progress.push(event.message.params.progress);
      else answer = event.message;
    }
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
    assert.equal(answer.id, 'bulk');
    assert.equal(answer.result.structuredContent.succeeded, 6);
  });

  test('the session stream (GET) carries server-initiated messages, and resumes after Last-Event-ID', async () => {
    const headers = await session('2025-11-25');
    const sessionId = headers['mcp-session-id']!;
    const stream = await openSse(host.mcpUrl, { headers });
    const priming = await stream.next();
    assert.ok(priming?.id);
    await host.notifySession(sessionId, { jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    const first = await stream.nextMessage();
    assert.equal(first?.message.method, 'notifications/tools/list_changed');
    stream.close();
    await stream.finished;
    // Sent while the client is away: kept in the log, replayed on reconnection.
    await host.notifySession(sessionId, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'while away 1' } });
    await host.notifySession(sessionId, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'while away 2' } });
    const resumed = await openSse(host.mcpUrl, { headers: { ...headers, 'last-event-id': first!.id! } });
    assert.equal((await resumed.nextMessage())?.message.params.data, 'while away 1');
    assert.equal((await resumed.nextMessage())?.message.params.data, 'while away 2');
    await host.notifySession(sessionId, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'live again' } });
    assert.equal((await resumed.nextMessage())?.message.params.data, 'live again');
    resumed.close();
  });

  test('HTTP+SSE (2024-11-05): the stream names the POST endpoint, and answers come back on the stream', async () => {
    const stream = await openSse(`${host.url}/sse/events`, {});
    const endpoint = await stream.next();
    assert.equal(endpoint?.event, 'endpoint');
    assert.match(endpoint!.data, /^\/sse\/events\?sessionId=/);
    const post = (body: unknown) => rawPost(new URL(endpoint!.data, host.url).href, body);
    assert.equal((await post(INITIALIZE('2024-11-05'))).status, 202);
    const init = await stream.nextMessage();
    assert.equal(init?.message.id, 1);
    assert.equal(init?.message.result.serverInfo.name, 'gauzy-mcp');
    assert.equal((await post({ jsonrpc: '2.0', method: 'notifications/initialized' })).status, 202);
    assert.equal((await post({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_projects', arguments: {} } })).status, 202);
    const projects = await stream.nextMessage();
    assert.equal(projects?.message.id, 2);
    assert.ok(projects?.message.result.structuredContent.total >= 4);
    const unknown = await rawPost(`${host.url}/sse/events?sessionId=nope`, { jsonrpc: '2.0', id: 3, method: 'tools/list' });
    assert.equal(unknown.status, 404);
    stream.close();
    await stream.finished;
    // The session ends with its stream.
    let gone = 0;
    while (gone !== 404) {
      gone = (await post({ jsonrpc: '2.0', id: 4, method: 'tools/list' })).status;
      if (gone !== 404) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  test('HTTP+SSE with the SDK\'s own SSE client transport', async () => {
    const client = new Client({ name: 'sse-client', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: ['2024-11-05'] });
    await client.connect(new SSEClientTransport(new URL(`${host.url}/sse/events`)));
    try {
      const { tools } = await client.listTools();
      assert.equal(tools.length, host.toolCount);
      const result = toOutcome(await client.callTool({ name: 'list_projects', arguments: { take: 2 } }));
      assert.equal(result.isError, false, result.text);
      assert.equal(result.structured?.returned, 2);
    } finally {
      await client.close();
    }
  });

  test('an initialize the server refuses opens no session', async () => {
    const refused = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: 42 } });
    assert.equal(refused.headers.get('mcp-session-id'), null);
    assert.ok(refused.json.error, refused.text);
  });

  test('shutdown ends open streams and the server stops cleanly', async () => {
    const own = await startTestHost(sandbox);
    const init = await rawPost(own.mcpUrl, INITIALIZE('2025-06-18'));
    const stream = await openSse(own.mcpUrl, { headers: { 'mcp-session-id': init.headers.get('mcp-session-id')! } });
    assert.equal(stream.response.status, 200);
    await own.close();
    await stream.finished;
    assert.equal(await stream.next(), undefined);
    await assert.rejects(fetch(`${own.url}/health`));
  });
});
