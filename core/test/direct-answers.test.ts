import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyInboundRequest, createMcpHandler, InMemoryTransport } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { definePlugin, defineTool, GauzyMcpError, KERNEL_API_VERSION, silentLogger } from '../src/index.js';
import { createCatalog, createCredentialCaller, createGauzyHttp, isPlainSessionEraRequest, LazyAbortController, type Caller, type StandardHeaders, type DirectResponder } from '../src/internal.js';

// The 2026-07-28 answers served without a server per request must be the SDK's, byte for byte: each request
// here goes to both, and whatever the direct responder answers must equal what `createMcpHandler` answers.

const GAUZY = 'http://127.0.0.1:9';
const REVISION = '2026-07-28';
const ENVELOPE = { 'io.modelcontextprotocol/protocolVersion': REVISION, 'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };

const tool = (name: string, extra: Partial<Parameters<typeof defineTool>[0]>) =>
  defineTool({
    name,
    title: name,
    description: `The ${name} tool.`,
    toolset: 'probe',
    effect: 'read',
    session: false,
    routes: [],
    input: z.object({ text: z.string().optional() }),
    handler: async ({ text }) => ({ structured: { echoed: text ?? null }, text: `echo ${text ?? ''}` }),
    ...extra,
  } as Parameters<typeof defineTool>[0]);

/** The signal the last `wait_for_cancel` call was given. */
let waitedOn: AbortSignal | undefined;

const plugin = definePlugin({
  name: 'probe',
  version: '1.0.0',
  description: 'Tools for the direct answers test.',
  kernel: KERNEL_API_VERSION,
  toolsets: [{ name: 'probe', description: 'Probe tools.', default: true }],
  tools: [
    tool('echo', {}),
    tool('refuse', { handler: async () => { throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND'); } }),
    tool('explode', { handler: async () => { throw new Error('boom'); } }),
    tool('write_note', { effect: 'write' }),
    tool('signed_in', { session: true, routes: ['GET /api/tasks'] }),
    tool('chatty', { logs: true }),
    tool('picture', {
      handler: async () => ({
        structured: { pixels: 1 },
        text: 'a picture',
        content: [
          { _meta: { note: 'first' }, annotations: { priority: 1 }, text: 'a picture', type: 'text' },
          { mimeType: 'image/png', data: 'iVBORw0KGgo=', type: 'image' },
          { name: 'spec', uri: 'https://example.com/spec', type: 'resource_link' },
        ],
      }),
    }),
    ...['a', 'b', 'c'].map((letter) => tool(`extra_${letter}`, {})),
    tool('wait_for_cancel', {
      handler: (_args: unknown, ctx: { signal: AbortSignal }) =>
        new Promise((_, reject) => {
          waitedOn = ctx.signal;
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    } as never),
  ],
});

const catalog = createCatalog({ plugins: [plugin], gauzyBaseUrl: GAUZY, transport: 'http', log: silentLogger });
const http = createGauzyHttp({ gauzyBaseUrl: GAUZY, log: silentLogger, retry: { maxAttempts: 1 } });
const callers: Record<string, Caller> = {
  unrestricted: createCredentialCaller(http, { log: silentLogger }),
  reader: createCredentialCaller(http, { log: silentLogger, scopes: ['mcp.read'] }),
};

const PAGE_SIZE = 3;
const responder = catalog.directResponder(PAGE_SIZE);

/** What the host does: accept, then answer; undefined when either step leaves the request to the SDK. */
const serve = (via: DirectResponder, body: unknown, headers: StandardHeaders, caller: Caller, cancel: { readonly signal: AbortSignal } = new AbortController()) => {
  const accepted = via.accept(body, headers);
  // Listings come as bytes, calls as strings: compared as text either way.
  return accepted ? via.answer(accepted, caller, cancel)?.then(String) : undefined;
};

interface Case {
  label: string;
  body: unknown;
  headers?: Record<string, string | undefined>;
  /** The responder must answer it (true) or leave it to the SDK (false). */
  direct: boolean;
}

const call = (id: unknown, name: string, args?: unknown, meta: unknown = ENVELOPE) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, ...(args === undefined ? {} : { arguments: args }), _meta: meta } });
const callHeaders = (name: string) => ({ 'mcp-protocol-version': REVISION, 'mcp-method': 'tools/call', 'mcp-name': name });
const list = (id: unknown, cursor?: string) => ({ jsonrpc: '2.0', id, method: 'tools/list', params: { ...(cursor === undefined ? {} : { cursor }), _meta: ENVELOPE } });
const listHeaders = { 'mcp-protocol-version': REVISION, 'mcp-method': 'tools/list' };
const page = (index: number) => Buffer.from(`page:${index}`).toString('base64url');

const cases: Case[] = [
  { label: 'a call', body: call(1, 'echo', { text: 'hi' }), headers: callHeaders('echo'), direct: true },
  { label: 'a call with a string id and no arguments', body: call('abc', 'echo'), headers: callHeaders('echo'), direct: true },
  { label: 'a refused call (an isError result)', body: call(2, 'refuse', {}), headers: callHeaders('refuse'), direct: true },
  { label: 'a handler that throws', body: call(3, 'explode', {}), headers: callHeaders('explode'), direct: true },
  { label: 'invalid arguments', body: call(4, 'echo', { nope: 1 }), headers: callHeaders('echo'), direct: true },
  { label: 'a tool that needs a Gauzy session', body: call(5, 'signed_in', {}), headers: callHeaders('signed_in'), direct: true },
  { label: 'content beyond text blocks (checked by the schema, in its key order)', body: call(29, 'picture', {}), headers: callHeaders('picture'), direct: true },
  { label: 'an unknown tool', body: call(6, 'no_such_tool', {}), headers: callHeaders('no_such_tool'), direct: true },
  { label: 'a write tool', body: call(7, 'write_note', { text: 'x' }), headers: callHeaders('write_note'), direct: true },
  { label: 'the first tools/list page', body: list(8), headers: listHeaders, direct: true },
  { label: 'the second page', body: list(9, page(1)), headers: listHeaders, direct: true },
  { label: 'the last page', body: list(10, page(2)), headers: listHeaders, direct: true },
  { label: 'a cursor past the end', body: list(11, page(9)), headers: listHeaders, direct: false },
  { label: 'a cursor that is not ours', body: list(12, 'garbage'), headers: listHeaders, direct: false },
  { label: 'a tool that logs to the client', body: call(13, 'chatty', {}), headers: callHeaders('chatty'), direct: false },
  { label: 'a progress token', body: call(14, 'echo', {}, { ...ENVELOPE, progressToken: 'p' }), headers: callHeaders('echo'), direct: false },
  { label: 'Mcp-Name that differs from the body', body: call(15, 'echo', {}), headers: callHeaders('refuse'), direct: false },
  { label: 'no Mcp-Name', body: call(16, 'echo', {}), headers: { ...callHeaders('echo'), 'mcp-name': undefined }, direct: false },
  { label: 'no Mcp-Method', body: call(17, 'echo', {}), headers: { ...callHeaders('echo'), 'mcp-method': undefined }, direct: false },
  { label: 'no MCP-Protocol-Version', body: call(18, 'echo', {}), headers: { ...callHeaders('echo'), 'mcp-protocol-version': undefined }, direct: false },
  { label: 'a header version that differs from the envelope', body: call(19, 'echo', {}), headers: { ...callHeaders('echo'), 'mcp-protocol-version': '2025-06-18' }, direct: false },
  { label: 'an envelope naming an unknown revision', body: call(20, 'echo', {}, { ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' }), headers: { ...callHeaders('echo'), 'mcp-protocol-version': '2099-01-01' }, direct: false },
  { label: 'a malformed client info', body: call(21, 'echo', {}, { ...ENVELOPE, 'io.modelcontextprotocol/clientInfo': 5 }), headers: callHeaders('echo'), direct: false },
  // The SDK's verdict on an envelope is kept per envelope: one that differs in any part is read again.
  { label: 'a client info without its version (after the valid one was accepted)', body: call(30, 'echo', {}, { ...ENVELOPE, 'io.modelcontextprotocol/clientInfo': { name: 't' } }), headers: callHeaders('echo'), direct: false },
  { label: 'capabilities that are not an object', body: call(31, 'echo', {}, { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': 'all' }), headers: callHeaders('echo'), direct: false },
  { label: 'the accepted envelope on a tools/list after tools/call', body: list(32), headers: listHeaders, direct: true },
  { label: 'a tool name outside the spec\'s alphabet', body: call(33, 'echo tool', {}), headers: callHeaders('echo tool'), direct: false },
  { label: 'arguments that are not an object', body: call(22, 'echo', [1]), headers: callHeaders('echo'), direct: false },
  { label: 'a name that is not a string', body: { jsonrpc: '2.0', id: 23, method: 'tools/call', params: { name: 7, _meta: ENVELOPE } }, headers: { ...callHeaders('echo'), 'mcp-name': '7' }, direct: false },
  { label: 'a null id', body: call(null, 'echo', {}), headers: callHeaders('echo'), direct: false },
  { label: 'a fractional id', body: call(1.5, 'echo', {}), headers: callHeaders('echo'), direct: false },
  { label: 'a task-augmented call', body: { ...call(24, 'echo', {}), params: { ...call(24, 'echo', {}).params, task: { ttl: 1000 } } }, headers: callHeaders('echo'), direct: false },
  { label: 'another method', body: { jsonrpc: '2.0', id: 25, method: 'server/discover', params: { _meta: ENVELOPE } }, headers: { 'mcp-protocol-version': REVISION, 'mcp-method': 'server/discover' }, direct: false },
  { label: 'a notification', body: { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, _meta: ENVELOPE } }, headers: { 'mcp-protocol-version': REVISION, 'mcp-method': 'notifications/cancelled' }, direct: false },
  { label: 'a 2025 request (no envelope)', body: { jsonrpc: '2.0', id: 26, method: 'tools/call', params: { name: 'echo' } }, headers: { 'mcp-protocol-version': '2025-06-18' }, direct: false },
  { label: 'a text/plain content type', body: call(27, 'echo', {}), headers: { ...callHeaders('echo'), 'content-type': 'text/plain' }, direct: false },
  { label: 'a JSON content type with a charset', body: call(28, 'echo', {}), headers: { ...callHeaders('echo'), 'content-type': 'application/json; charset=utf-8' }, direct: true },
];

async function sdkAnswer(body: unknown, headers: Record<string, string>, caller: Caller): Promise<{ status: number; text: string }> {
  const handler = createMcpHandler(() => catalog.serverFactoryFor(() => caller, PAGE_SIZE)(), { legacy: 'reject' });
  const response = await handler.fetch(new Request('http://127.0.0.1/mcp', { method: 'POST', headers, body: JSON.stringify(body) }), { parsedBody: body });
  return { status: response.status, text: await response.text() };
}

for (const [who, caller] of Object.entries(callers)) {
  for (const entry of cases) {
    test(`${entry.label} (${who}): ${entry.direct ? 'answered directly, as the SDK answers it' : 'left to the SDK'}`, async () => {
      const headers = Object.fromEntries(
        Object.entries({ 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...entry.headers }).filter((pair): pair is [string, string] => pair[1] !== undefined),
      );
      const answer = serve(responder, entry.body, { contentType: headers['content-type'], protocolVersion: headers['mcp-protocol-version'], method: headers['mcp-method'], name: headers['mcp-name'] }, caller);
      if (!entry.direct) {
        assert.equal(answer, undefined, 'the responder must leave this request to the SDK');
        return;
      }
      assert.ok(answer, 'the responder should answer this request itself');
      const expected = await sdkAnswer(entry.body, headers, caller);
      assert.equal(expected.status, 200, `the SDK answers ${expected.status}: ${expected.text}`);
      assert.equal(await answer, expected.text);
    });
  }
}

test('the listing served directly follows the token: a read-only token sees no write tool', async () => {
  const titles = async (caller: Caller) => {
    const names: string[] = [];
    for (let index = 0; ; index++) {
      const text = await serve(responder, list(1, index === 0 ? undefined : page(index)), { contentType: 'application/json', protocolVersion: REVISION, method: 'tools/list' }, caller);
      const result = JSON.parse(text!).result as { tools: { name: string }[]; nextCursor?: string };
      names.push(...result.tools.map((entry) => entry.name));
      if (!result.nextCursor) return names;
    }
  };
  assert.ok((await titles(callers.unrestricted!)).includes('write_note'));
  assert.ok(!(await titles(callers.reader!)).includes('write_note'));
});

test('a call answered directly is cancelled by its signal, made when the handler reads it', async () => {
  const abort = new LazyAbortController();
  const answer = serve(responder, call(1, 'wait_for_cancel', {}), { contentType: 'application/json', protocolVersion: REVISION, method: 'tools/call', name: 'wait_for_cancel' }, callers.unrestricted!, abort);
  assert.ok(answer);
  abort.abort();
  const result = JSON.parse(await answer).result as { isError: boolean; content: { text: string }[] };
  assert.ok(waitedOn?.aborted);
  assert.equal(result.isError, true);
  assert.match(result.content[0]!.text, /GMCP_ERR_CANCELLED/);
});

// Inside a 2025-revision session the answers are the session server's, as it sends them on its transport.
async function sessionServer(caller: Caller) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = catalog.serverFactoryFor(() => caller, PAGE_SIZE)();
  await server.connect(serverSide);
  const waiting = new Map<unknown, (message: unknown) => void>();
  clientSide.onmessage = (message) => waiting.get((message as { id?: unknown }).id)?.(message);
  await clientSide.start();
  const send = (message: Record<string, unknown>) =>
    new Promise<unknown>((resolve) => {
      waiting.set(message.id, resolve);
      void clientSide.send(message as never);
    });
  await send({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
  await clientSide.send({ jsonrpc: '2.0', method: 'notifications/initialized' } as never);
  return { send, close: () => server.close() };
}

const sessionCases: Array<{ label: string; body: Record<string, unknown>; direct: boolean }> = [
  { label: 'a call', body: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'hi' } } }, direct: true },
  { label: 'a refused call', body: { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'refuse', arguments: {} } }, direct: true },
  { label: 'invalid arguments', body: { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'echo', arguments: { nope: 1 } } }, direct: true },
  { label: 'an unknown tool', body: { jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'no_such_tool' } }, direct: true },
  { label: 'content beyond text blocks', body: { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'picture', arguments: {} } }, direct: true },
  { label: 'a listing without params', body: { jsonrpc: '2.0', id: 6, method: 'tools/list' }, direct: true },
  { label: 'the second page', body: { jsonrpc: '2.0', id: 7, method: 'tools/list', params: { cursor: page(1) } }, direct: true },
  { label: 'a progress token', body: { jsonrpc: '2.0', id: 8, method: 'tools/call', params: { name: 'echo', _meta: { progressToken: 1 } } }, direct: false },
  { label: 'a tool that logs', body: { jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'chatty' } }, direct: false },
  { label: 'arguments that are not an object', body: { jsonrpc: '2.0', id: 10, method: 'tools/call', params: { name: 'echo', arguments: 'x' } }, direct: false },
  { label: 'another method', body: { jsonrpc: '2.0', id: 11, method: 'prompts/list' }, direct: false },
];

for (const [who, caller] of Object.entries(callers)) {
  for (const entry of sessionCases) {
    test(`in a 2025 session, ${entry.label} (${who}): ${entry.direct ? 'answered as the session server answers it' : 'left to the session server'}`, async () => {
      const accepted = responder.acceptInSession(entry.body);
      if (!entry.direct) {
        assert.equal(accepted, undefined);
        return;
      }
      assert.ok(accepted);
      const ours = accepted.method === 'tools/list' ? String(responder.listInSession(accepted, caller)) : JSON.stringify(await responder.answerInSession(accepted, { caller }, new AbortController()));
      const session = await sessionServer(caller);
      try {
        assert.equal(ours, JSON.stringify(await session.send(entry.body)));
      } finally {
        await session.close();
      }
    });
  }
}

test('a request taken for 2025-era traffic without classifying it is one the SDK classifies as 2025-era', () => {
  // Every combination of the shapes a POST can have, and of the headers it can carry: wherever the shortcut says
  // "2025 era", the SDK's own classification must say "legacy", or a modern request would reach a session.
  const metas = [undefined, {}, ENVELOPE, { progressToken: 1 }, { 'io.modelcontextprotocol/protocolVersion': '2025-06-18' }];
  const bodies: unknown[] = [
    null,
    [],
    'text',
    { jsonrpc: '2.0', id: 1, result: {} },
    { jsonrpc: '2.0', id: 1, error: { code: 1, message: 'x' } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } },
    { jsonrpc: '2.0', id: 1, method: 'ping' },
    { jsonrpc: '1.0', id: 1, method: 'tools/list' },
    { jsonrpc: '2.0', id: 1.5, method: 'tools/list' },
    { jsonrpc: '2.0', id: 1, method: 'tools/list', extra: true },
  ];
  for (const _meta of metas) {
    const meta = _meta === undefined ? {} : { _meta };
    bodies.push({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: {}, ...meta } });
    bodies.push({ jsonrpc: '2.0', id: 'a', method: 'tools/list', params: { ...meta } });
    bodies.push({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { cursor: 'x', ...meta } });
    bodies.push({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 7, ...meta } });
  }
  const versionHeaders = [undefined, '', ' ', '2025-06-18', ' 2025-03-26\t', '2024-11-05', '2025-11-25', REVISION, ` ${REVISION} `, '2099-01-01', 'nonsense'];
  let shortcuts = 0;
  for (const body of bodies) {
    for (const protocolVersionHeader of versionHeaders) {
      for (const mcpMethodHeader of [undefined, 'tools/call', 'tools/list']) {
        if (!isPlainSessionEraRequest(body, protocolVersionHeader)) continue;
        shortcuts++;
        const outcome = classifyInboundRequest({ httpMethod: 'POST', protocolVersionHeader, mcpMethodHeader, mcpNameHeader: undefined, body });
        assert.equal(outcome.kind, 'legacy', `${JSON.stringify(body)} with Mcp-Protocol-Version ${JSON.stringify(protocolVersionHeader)}`);
      }
    }
  }
  assert.ok(shortcuts >= 30, `the shortcut is taken for plain calls and lists (${shortcuts} times)`);
  assert.equal(isPlainSessionEraRequest({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, REVISION), false, 'a modern header is always classified');
  assert.equal(isPlainSessionEraRequest({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: ENVELOPE } }, undefined), false, 'so is an envelope');
});
