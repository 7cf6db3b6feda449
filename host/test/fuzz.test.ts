import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import WebSocket from 'ws';
import type { RunningHost } from '../src/index.js';
import { createSandbox, INITIALIZE, openSse, rawPost, startTestHost, type Sandbox, type SseReader } from './helpers.js';

/**
 * Property-based fuzz of every MCP endpoint of the host: random and hostile bodies, headers and query
 * strings. Whatever arrives, the host answers (no hang), never with a 5xx, never crashes (an unhandled
 * rejection would fail this file), and a call it refuses writes nothing to Gauzy (the sandbox's request
 * log holds every request the host made).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** FUZZ_SEED replays a failure: fast-check prints the seed of every failing run. */
const FUZZ = { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) };
/** A request that gets no answer in this long counts as a hang. */
const ANSWER_WITHIN_MS = 10_000;
const TOKEN = 'fuzz-token-0123456789abcdef';

const METHODS = ['initialize', 'tools/list', 'tools/call', 'ping', 'server/discover', 'resources/list', 'prompts/list', 'logging/setLevel', 'notifications/initialized', 'notifications/cancelled', 'completion/complete', 'nope/nothing', '__proto__', 'constructor'];
const VERSIONS = ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05', '1999-01-01', '', 'x'.repeat(300)];
const TOOL_NAMES = ['create_task', 'update_task', 'delete_task', 'bulk_create_tasks', 'create_project', 'delete_project', 'start_timer', 'add_manual_time_log', 'list_projects', 'get_task_by_id', 'logout', 'no_such_tool', '__proto__'];

/** Hostile values: prototype keys, odd numbers, deep nesting, long strings, control characters. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '\u0000', '\ud800', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --", '${jndi:x}'),
  fc.constantFrom(NaN, Infinity, -0, Number.MAX_SAFE_INTEGER + 2, -1, 1e308),
  fc.string({ minLength: 1000, maxLength: 20_000 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
);

const paramsArb = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 5 }),
  fc.record({ name: fc.constantFrom(...TOOL_NAMES), arguments: fc.oneof(fc.dictionary(fc.constantFrom('id', 'title', 'name', 'take', 'skip', 'projectId', 'organizationId', 'status', 'tasks', '__proto__'), hostileValue, { maxKeys: 4 }), hostileValue) }),
  fc.record({ protocolVersion: fc.constantFrom(...VERSIONS), capabilities: hostileValue, clientInfo: hostileValue }),
  hostileValue,
);

const idArb = fc.oneof(fc.integer(), fc.string({ maxLength: 40 }), fc.constant(null), fc.constant(undefined), hostileValue);

const messageArb = fc.record(
  { jsonrpc: fc.oneof(fc.constant('2.0'), fc.constant('1.0'), hostileValue), id: idArb, method: fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 30 })), params: paramsArb, result: hostileValue, error: hostileValue },
  { requiredKeys: ['jsonrpc'] },
);

const bodyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: messageArb.map((message) => JSON.stringify(message)) },
  { weight: 1, arbitrary: fc.array(messageArb, { maxLength: 3 }).map((batch) => JSON.stringify(batch)) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '[]', 'null', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_task","arguments":{"title":"x"}}', '{"a":'.repeat(2000)) },
);

const headerValue = fc.oneof(fc.string({ maxLength: 60 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')), fc.constantFrom('', ' ', 'null'));

function headersArb(sessionIds: () => string[]): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
      accept: fc.constantFrom('application/json, text/event-stream', 'application/json', 'text/event-stream', '*/*', 'text/html', ''),
      'mcp-protocol-version': fc.constantFrom(...VERSIONS),
      'mcp-session-id': fc.oneof(fc.constantFrom('missing', 'unknown-session', '../../', 'x'.repeat(200)), fc.nat().map((index) => sessionIds()[index % Math.max(1, sessionIds().length)] ?? 'none')),
      'mcp-method': fc.oneof(fc.constantFrom(...METHODS), headerValue),
      'mcp-name': fc.oneof(fc.constantFrom(...TOOL_NAMES), headerValue),
      authorization: fc.constantFrom(`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`, 'Bearer nope', 'Basic Zm9vOmJhcg==', 'Bearer', ''),
      'last-event-id': headerValue,
      origin: fc.constantFrom('http://127.0.0.1', 'https://evil.example', 'null'),
      'x-request-id': headerValue,
    },
    { requiredKeys: ['content-type', 'authorization'] },
  );
}

const MODERN_META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'fuzz', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };

interface FuzzRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * A request whose envelope is right (token, content type, session or 2026-07-28 headers matching the
 * body) and whose content is hostile: these get past the HTTP checks and reach dispatch and the tools.
 */
function wellFormedArb(sessions: () => Array<{ id: string; version: string }>): fc.Arbitrary<FuzzRequest> {
  const call = fc.record({
    id: fc.oneof(fc.integer({ min: 1 }), fc.string({ minLength: 1, maxLength: 20 })),
    method: fc.constantFrom(...METHODS),
    name: fc.constantFrom(...TOOL_NAMES),
    arguments: fc.oneof(fc.dictionary(fc.constantFrom('id', 'title', 'name', 'take', 'skip', 'projectId', 'organizationId', 'status', 'tasks', 'fields', 'cursor', '__proto__'), hostileValue, { maxKeys: 4 }), hostileValue),
    extra: fc.dictionary(fc.constantFrom('cursor', 'level', 'uri', 'ref', 'argument', '__proto__'), hostileValue, { maxKeys: 2 }),
    modern: fc.boolean(),
    session: fc.nat(),
  });
  return call.map(({ id, method, name, arguments: args, extra, modern, session }) => {
    const isCall = method === 'tools/call';
    const params: Record<string, unknown> = { ...extra, ...(isCall ? { name, arguments: args } : {}) };
    const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${TOKEN}` };
    if (modern) {
      return {
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: MODERN_META } }),
        headers: { ...base, 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(isCall ? { 'mcp-name': name } : {}) },
      };
    }
    const chosen = sessions()[session % sessions().length]!;
    return { body: JSON.stringify({ jsonrpc: '2.0', id, method, params }), headers: { ...base, 'mcp-session-id': chosen.id, 'mcp-protocol-version': chosen.version } };
  });
}

function requestArb(sessions: () => Array<{ id: string; version: string }>): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 3, arbitrary: wellFormedArb(sessions) },
    { weight: 2, arbitrary: fc.record({ body: bodyArb, headers: headersArb(() => sessions().map((entry) => entry.id)) }) },
  );
}

const queryArb = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('sessionId', 'cursor', '__proto__', 'a[b][c]', 'x'), fc.string({ maxLength: 40 }), { maxKeys: 3 }).map((query) => `?${new URLSearchParams(query).toString()}`),
  fc.string({ maxLength: 50 }).map((text) => `?${encodeURIComponent(text)}`),
);

/** How the fuzz's requests were answered, printed at the end: a fuzz that only hits the first refusal tests little. */
const outcomes = new Map<string, number>();
function tally(outcome: string): void {
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

/** Writes that reached the sandbox and succeeded: what a refused call must never cause. */
function successfulWrites(sandbox: Sandbox): number {
  return sandbox.requests.filter((entry) => entry.method !== 'GET' && !entry.path.startsWith('/api/auth/') && entry.status > 0 && entry.status < 400).length;
}

/** Whether the host refused the call: an HTTP error, a JSON-RPC error, or a tool result that is an error. */
function isRefusal(status: number, text: string): boolean {
  if (status >= 400) return true;
  return /"error"\s*:\s*\{/.test(text) || /"isError"\s*:\s*true/.test(text);
}

/** Headers fetch refuses to send (a value it cannot encode) are dropped: the host never saw them. */
function sendable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => /^[\x20-\x7e]*$/.test(value) && value.trim() === value));
}

describe('fuzz: the host under random and hostile input', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  const sessions: Array<{ id: string; version: string }> = [];
  /** An HTTP+SSE (2024-11-05) session's POST address, so POST /sse/events fuzz reaches a session too. */
  let sseEndpoint = '';
  let sseStream: SseReader | undefined;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    const admin = sandbox.seed.users.superAdmin;
    host = await startTestHost(sandbox, {
      identity: { mode: 'development', accounts: [{ name: 'admin', email: admin.email, password: admin.password, token: TOKEN }] },
      // The budget is not under test here (it has its own tests); the fuzz needs thousands of requests.
      limits: { rateLimitMax: 1_000_000, bodyLimitBytes: 256 * 1024, requestTimeoutMs: 5_000 },
    });
    for (const version of ['2025-06-18', '2025-11-25', '2025-03-26']) {
      const init = await rawPost(host.mcpUrl, INITIALIZE(version), { authorization: `Bearer ${TOKEN}` });
      sessions.push({ id: init.headers.get('mcp-session-id')!, version });
    }
    sseStream = await openSse(`${host.url}/sse/events`, { headers: { authorization: `Bearer ${TOKEN}` } });
    sseEndpoint = (await sseStream.next())!.data;
  });
  after(async () => {
    console.error(`fuzz outcomes: ${[...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([outcome, count]) => `${outcome}: ${count}`).join(', ')}`);
    sseStream?.close();
    await host?.close();
    await sandbox?.close();
  });

  /** The answer to a request handed to the HTTP+SSE session (none for a notification or a response). */
  async function answerOnStream(body: string): Promise<string> {
    let message: { id?: unknown; method?: unknown };
    try {
      message = JSON.parse(body) as typeof message;
    } catch {
      return '';
    }
    if (typeof message?.method !== 'string' || (typeof message.id !== 'string' && typeof message.id !== 'number')) return '';
    const deadline = AbortSignal.timeout(ANSWER_WITHIN_MS);
    for (;;) {
      const next = await Promise.race([sseStream!.nextMessage(), new Promise<'hang'>((resolve) => deadline.addEventListener('abort', () => resolve('hang')))]);
      if (next === 'hang') assert.fail(`no answer on the stream for ${JSON.stringify(message.id)}`);
      if (!next) assert.fail('the session stream ended');
      if (next.message?.id === message.id) return JSON.stringify(next.message);
    }
  }

  for (const path of ['/mcp', '/sse', '/sse/events']) {
    test(`POST ${path}: no 5xx, no hang, and a refused call writes nothing`, { timeout: 240_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(requestArb(() => sessions), queryArb, fc.boolean(), async ({ body, headers }, query, toSseSession) => {
          const before = successfulWrites(sandbox);
          const target = path === '/sse/events' && toSseSession ? sseEndpoint : `${path}${query}`;
          const response = await fetch(`${host.url}${target}`, { method: 'POST', headers: sendable(headers), body, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
          const text = await response.text();
          tally(`${path} ${response.status}`);
          assert.ok(response.status < 500, `${response.status} ${text.slice(0, 300)}`);
          // HTTP+SSE answers on the session's stream: wait for it, so this call's effects land in this run.
          const answer = target === sseEndpoint && response.status === 202 ? await answerOnStream(body) : text;
          if (isRefusal(response.status, answer)) assert.equal(successfulWrites(sandbox), before, `a refused call wrote to Gauzy: ${answer.slice(0, 300)}`);
        }),
        FUZZ,
      );
    });
  }

  test('DELETE and GET on /mcp and GET /sse/events: no 5xx, no hang', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('DELETE /mcp', 'GET /mcp', 'GET /sse/events', 'DELETE /sse'), fc.option(bodyArb), headersArb(() => sessions.map((entry) => entry.id)), queryArb, async (route, body, headers, query) => {
        const [method, path] = route.split(' ') as [string, string];
        const abort = AbortSignal.timeout(ANSWER_WITHIN_MS);
        const response = await fetch(`${host.url}${path}${query}`, { method, headers: sendable(headers), ...(method === 'DELETE' && body !== null ? { body } : {}), signal: abort });
        assert.ok(response.status < 500, `${route}: ${response.status}`);
        // A stream that opened stays open by design: getting its status without waiting is the answer.
        await response.body?.cancel();
      }),
      FUZZ,
    );
  });

  test('WebSocket frames: every frame is answered or refused, the socket survives it (or closes with its documented code), and the host keeps serving', { timeout: 240_000 }, async () => {
    const wsUrl = `${host.url.replace(/^http/, 'ws')}/ws`;
    let socket: WebSocket | undefined;
    const open = async (): Promise<WebSocket> => {
      if (socket && socket.readyState === WebSocket.OPEN) return socket;
      socket = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
      await once(socket, 'open');
      return socket;
    };
    let probe = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(bodyArb.map((text) => ({ text, binary: false })), wellFormedArb(() => [{ id: '', version: '' }]).map(({ body }) => ({ text: body, binary: false })), fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ text: Buffer.from(bytes).toString('latin1'), binary: true }))), async (frame) => {
        const before = successfulWrites(sandbox);
        const current = await open();
        const closed = once(current, 'close') as Promise<[number, Buffer]>;
        const probeId = `probe-${++probe}`;
        const answered = new Promise<'answered'>((resolve) => {
          const onMessage = (data: WebSocket.RawData) => {
            if (String(data).includes(`"${probeId}"`)) {
              current.off('message', onMessage);
              resolve('answered');
            }
          };
          current.on('message', onMessage);
        });
        current.send(frame.binary ? Buffer.from(frame.text, 'latin1') : frame.text, { binary: frame.binary });
        current.send(JSON.stringify({ jsonrpc: '2.0', id: probeId, method: 'ping' }));
        const outcome = await Promise.race([answered, closed.then(([code]) => code), new Promise<'hang'>((resolve) => setTimeout(resolve, ANSWER_WITHIN_MS, 'hang').unref())]);
        assert.notEqual(outcome, 'hang', 'the probe after the frame got no answer');
        // 1003: a binary frame. Anything else (1011 above all) is a defect.
        if (outcome !== 'answered') assert.equal(outcome, 1003, `socket closed with ${outcome}`);
        if (frame.binary) return;
        const refusedFrame = !frame.text.includes('"tools/call"');
        if (refusedFrame) assert.equal(successfulWrites(sandbox), before);
      }),
      FUZZ,
    );
    socket?.close();
    // After all of it, a well-formed client is still served.
    const check = await rawPost(host.mcpUrl, INITIALIZE(), { authorization: `Bearer ${TOKEN}` });
    assert.equal(check.status, 200);
  });
});
