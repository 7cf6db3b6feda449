import { Readable } from 'node:stream';
import { classifyInboundRequest, createMcpHandler, type JSONRPCMessage, type McpHttpHandler, type Server } from '@modelcontextprotocol/server';
import type { OAuthScope } from '@gauzy-mcp/core';
import { isPlainSessionEraRequest, LazyAbortController, PROTOCOL_VERSIONS, scopeAllows, type Answer, type DirectResponder } from '@gauzy-mcp/core/internal';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Identity } from '../identity.js';
import type { HostMetrics } from '../ops/metrics.js';
import { MCP_ROUTE } from './app.js';
import { HostHttpError, RPC } from './errors.js';
import { authInfoFor, type ClientTraits, type DirectCall, type ExchangeOutcome, type SessionManager } from './sessions.js';
import { SSE_HEADERS, type SseStream } from './sse.js';
import { VIEW_ROUTES } from './connection-views.js';
import { ListenStreams } from '../live/listen-streams.js';

declare module 'fastify' {
  interface FastifyRequest {
    identity?: Identity;
  }
}

export interface McpRouteDeps {
  sessions: SessionManager;
  serverFactory: () => Server;
  /** `tools/call` and `tools/list` answered from the catalog (2026-07-28, and inside 2025 sessions); declines what needs the SDK's path. */
  direct: DirectResponder;
  /** The OAuth scope a tool needs (undefined for an unknown tool: the server answers that one). */
  scopeFor(tool: string): string | undefined;
  resourceMetadataUrl(): string;
  onError(error: Error): void;
  metrics: HostMetrics;
  /** 2026-07-28 `subscriptions/listen`, each stream fed by its caller's live views (without it, the SDK's default bus). */
  listen?: ListenStreams;
}

const MODERN_DIRECT = { era: '2026-07-28', path: 'direct' };
const MODERN_SDK = { era: '2026-07-28', path: 'sdk' };
const SESSION_DIRECT = { era: 'session', path: 'direct' };
const SESSION_SDK = { era: 'session', path: 'sdk' };

type RpcBody = Record<string, unknown> & { jsonrpc?: unknown; id?: unknown; method?: unknown };

/**
 * The MCP endpoints. One POST endpoint serves both eras: a 2026-07-28 request (stateless, its version in
 * `_meta` and headers) goes to the SDK's per-request handler, which checks the headers against the body;
 * a 2025-revision request goes to the host's sessions, which survive instance changes.
 */
export async function registerMcpRoutes(app: FastifyInstance, deps: McpRouteDeps): Promise<McpHttpHandler> {
  const modern = createMcpHandler(() => deps.serverFactory(), { legacy: 'reject', onerror: deps.onError });
  const { sessions } = deps;

  const post = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body;
    if (Array.isArray(body)) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'JSON-RPC batches are not supported: send one message per request.');
    if (!body || typeof body !== 'object') throw new HostHttpError(400, RPC.INVALID_REQUEST, 'The body must be one JSON-RPC message (a JSON object).');
    checkScope(request.identity!, body as RpcBody, deps);
    const answered = answerDirectly(deps.direct, request, reply, body);
    if (answered) {
      deps.metrics.answers.inc(MODERN_DIRECT);
      return reply.code(200).type('application/json').send(await answered);
    }
    const protocolVersionHeader = header(request, 'mcp-protocol-version');
    const outcome = isPlainSessionEraRequest(body, protocolVersionHeader)
      ? undefined
      : classifyInboundRequest({ httpMethod: 'POST', protocolVersionHeader, mcpMethodHeader: header(request, 'mcp-method'), mcpNameHeader: header(request, 'mcp-name'), body });
    if (outcome && outcome.kind !== 'legacy') {
      deps.metrics.answers.inc(MODERN_SDK);
      if (deps.listen && outcome.kind === 'modern' && ListenStreams.isListen(body)) {
        const stream = await deps.listen.prepare(request.identity!, body as RpcBody);
        if ('refusal' in stream) return reply.code(200).type('application/json').send(stream.refusal);
        try {
          return await serveModern(stream.handler, request, reply, stream.body);
        } finally {
          stream.settle();
        }
      }
      return serveModern(modern, request, reply, body);
    }
    return serveLegacyPost(sessions, deps, request, reply, body as RpcBody);
  };

  const remove = async (request: FastifyRequest, reply: FastifyReply) => {
    const sessionId = header(request, 'mcp-session-id');
    if (!sessionId) {
      reply.header('allow', 'POST');
      throw new HostHttpError(405, RPC.INVALID_REQUEST, 'Method not allowed: DELETE needs an Mcp-Session-Id (2025 revisions).');
    }
    await sessions.end(await sessions.resolve(sessionId, request.identity!, traitsOf(request)));
    return reply.code(200).send();
  };

  for (const url of ['/mcp', '/sse', ...VIEW_ROUTES]) {
    app.post(url, MCP_ROUTE, post);
    app.delete(url, MCP_ROUTE, remove);
  }
  for (const url of ['/mcp', ...VIEW_ROUTES]) app.get(url, MCP_ROUTE, legacyStreamHandler(sessions));

  // HTTP+SSE (2024-11-05): the stream announces where to POST; answers come back on the stream.
  app.get('/sse/events', MCP_ROUTE, async (request, reply) => {
    const record = await sessions.create(request.identity!, 'sse', traitsOf(request));
    const stream = await sessions.openStream(record, undefined);
    stream.event('endpoint', `/sse/events?sessionId=${encodeURIComponent(record.id)}`);
    // This transport has no resumption: the session lives exactly as long as its stream.
    stream.onClose(() => void sessions.end(record).catch(() => {}));
    return sendStream(reply, stream, {});
  });
  app.post('/sse/events', MCP_ROUTE, async (request, reply) => {
    const sessionId = (request.query as { sessionId?: string }).sessionId;
    if (!sessionId) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'sessionId query parameter is required (from the stream\'s endpoint event).');
    const record = await sessions.resolve(sessionId, request.identity!, traitsOf(request));
    await sessions.submit(record, sessions.withSessionToolsets(record, request.identity!), checkMessage(request.body));
    return reply.code(202).send('Accepted');
  });

  return modern;
}

/**
 * Step-up (RFC 6750 §3.1): a tool above the token's scopes is refused at the HTTP layer with 403 and the
 * scope it needs, so an OAuth client can ask the user for more and retry.
 */
function checkScope(identity: Identity, body: RpcBody, deps: McpRouteDeps): void {
  if (!identity.scopes || body.method !== 'tools/call') return;
  const params = body.params as { name?: unknown; arguments?: { name?: unknown } } | undefined;
  // Catalog mode's call_tool runs the tool it names: that tool's scope is the one to step up to.
  const tool = params?.name === 'call_tool' && identity.caller.view?.catalog ? params.arguments?.name : params?.name;
  const needed = typeof tool === 'string' ? deps.scopeFor(tool) : undefined;
  if (!needed || scopeAllows(identity.scopes, needed as OAuthScope)) return;
  throw new HostHttpError(403, RPC.FORBIDDEN, `insufficient_scope: ${tool} needs the ${needed} scope.`, {
    'www-authenticate': `Bearer error="insufficient_scope", scope="${needed}", resource_metadata="${deps.resourceMetadataUrl()}"`,
  }, { requiredScope: needed });
}

/**
 * GET `/mcp` (and `/sse` without a WebSocket upgrade): a 2025 session's stream, or the resumption of any
 * of its streams after `Last-Event-ID`. 2026-07-28 has no GET.
 */
export function legacyStreamHandler(sessions: SessionManager) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const sessionId = header(request, 'mcp-session-id');
    if (!sessionId) {
      reply.header('allow', 'POST');
      throw new HostHttpError(405, RPC.INVALID_REQUEST, 'Method not allowed: GET needs an Mcp-Session-Id (2025 revisions) or a WebSocket upgrade; 2026-07-28 uses POST only.');
    }
    const record = await sessions.resolve(sessionId, request.identity!, traitsOf(request));
    return sendStream(reply, await sessions.openStream(record, header(request, 'last-event-id')), { 'mcp-session-id': record.id });
  };
}

async function serveLegacyPost(sessions: SessionManager, deps: McpRouteDeps, request: FastifyRequest, reply: FastifyReply, body: RpcBody) {
  const direct = deps.direct;
  const message = checkMessage(body);
  const sessionId = header(request, 'mcp-session-id');
  const version = header(request, 'mcp-protocol-version');
  if (version !== undefined && !PROTOCOL_VERSIONS.includes(version)) {
    throw new HostHttpError(400, RPC.UNSUPPORTED_PROTOCOL_VERSION, `Unsupported protocol version: ${version}`, {}, { supported: [...PROTOCOL_VERSIONS], requested: version });
  }
  const accepts = header(request, 'accept') ?? '*/*';
  const acceptsSse = /text\/event-stream|\*\/\*/.test(accepts);
  const isRequest = 'method' in message && 'id' in message;
  const isInitialize = isRequest && message.method === 'initialize';
  if (!sessionId) {
    if (!isInitialize) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'Bad Request: Mcp-Session-Id header is required; start a session with initialize.');
    const identity = request.identity!;
    const record = await sessions.create(identity, 'streamable', traitsOf(request));
    const outcome = await sessions.exchange(record, identity, message as JSONRPCMessage & { id: string | number }, acceptsSse);
    if (outcome.kind === 'json' && 'error' in outcome.message) {
      // A refused handshake opens nothing.
      await sessions.end(record);
      return sendOutcome(reply, outcome, {});
    }
    if (outcome.kind === 'json' && 'result' in outcome.message) {
      const result = outcome.message.result as { protocolVersion?: string };
      await sessions.initialized(record, ((message as { params?: Record<string, unknown> }).params ?? {}), result.protocolVersion);
    }
    return sendOutcome(reply, outcome, { 'mcp-session-id': record.id });
  }
  const record = await sessions.resolve(sessionId, request.identity!, traitsOf(request));
  const identity = sessions.withSessionToolsets(record, request.identity!);
  if (isInitialize) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'This session is already initialized; send initialize without Mcp-Session-Id to start another.');
  if (!isRequest) {
    await sessions.deliver(record, identity, message);
    return reply.code(202).send();
  }
  // tools/list and tools/call answered from the catalog, on the session's routing (see DirectResponder).
  const accepted = record.protocolVersion === undefined ? undefined : direct.acceptInSession(message);
  if (accepted?.method === 'tools/list') {
    const listed = direct.listInSession(accepted, identity.caller);
    if (listed !== undefined) {
      deps.metrics.answers.inc(SESSION_DIRECT);
      return reply.code(200).headers({ 'mcp-session-id': record.id }).type('application/json').send(listed);
    }
  }
  const directCall: DirectCall | undefined =
    accepted?.method === 'tools/call' ? (client, cancel, toolsChanged) => direct.answerInSession(accepted, { caller: identity.caller, client, toolsChanged }, cancel) as Promise<JSONRPCMessage> : undefined;
  deps.metrics.answers.inc(directCall ? SESSION_DIRECT : SESSION_SDK);
  const outcome = await sessions.exchange(record, identity, message as JSONRPCMessage & { id: string | number }, acceptsSse, directCall);
  return sendOutcome(reply, outcome, { 'mcp-session-id': record.id });
}

function answerDirectly(responder: DirectResponder, request: FastifyRequest, reply: FastifyReply, body: unknown): Promise<Answer> | undefined {
  const headers = { contentType: header(request, 'content-type'), protocolVersion: header(request, 'mcp-protocol-version'), method: header(request, 'mcp-method'), name: header(request, 'mcp-name') };
  const accepted = responder.accept(body, headers);
  if (!accepted) return undefined;
  const abort = new LazyAbortController();
  const answer = responder.answer(accepted, request.identity!.caller, abort);
  if (answer) cancelOnClientClose(reply, abort);
  return answer;
}

/** The client closing its connection is the cancel signal in 2026-07-28. */
function cancelOnClientClose(reply: FastifyReply, abort: Pick<AbortController, 'abort'>): void {
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) abort.abort();
  });
}

async function serveModern(handler: McpHttpHandler, request: FastifyRequest, reply: FastifyReply, body: unknown) {
  const abort = new AbortController();
  cancelOnClientClose(reply, abort);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = `http://${request.hostname || '127.0.0.1'}${request.url}`;
  const response = await handler.fetch(new Request(url, { method: 'POST', headers, signal: abort.signal }), {
    authInfo: authInfoFor(request.identity!),
    parsedBody: body,
  });
  reply.code(response.status);
  response.headers.forEach((value, name) => {
    if (name !== 'content-length') reply.header(name, value);
  });
  if (!response.body) return reply.send();
  if (response.status === 400) return reply.send(withAllSupportedVersions(Buffer.from(await response.arrayBuffer())));
  if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    reply.header('x-accel-buffering', 'no');
    return reply.send(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream));
  }
  return reply.send(Buffer.from(await response.arrayBuffer()));
}

/**
 * The SDK's modern handler lists only 2026-07-28 as supported, since it leaves 2025 traffic to us; a
 * client should learn every revision this endpoint speaks.
 */
function withAllSupportedVersions(body: Buffer): Buffer {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: { code?: number; data?: { supported?: unknown } } };
    if (parsed.error?.code !== RPC.UNSUPPORTED_PROTOCOL_VERSION || !parsed.error.data) return body;
    parsed.error.data.supported = [...PROTOCOL_VERSIONS];
    return Buffer.from(JSON.stringify(parsed));
  } catch {
    return body;
  }
}

function sendOutcome(reply: FastifyReply, outcome: ExchangeOutcome, headers: Record<string, string>) {
  reply.headers(headers);
  if (outcome.kind === 'json') return reply.code(200).type('application/json').send(JSON.stringify(outcome.message));
  return sendStream(reply, outcome.stream, headers);
}

function sendStream(reply: FastifyReply, stream: SseStream, headers: Record<string, string>) {
  reply.raw.on('close', () => stream.end());
  stream.onClose(() => {
    if (stream.closeConnection) reply.raw.once('finish', () => reply.raw.socket?.destroy());
  });
  reply.code(200).headers({ ...SSE_HEADERS, ...headers });
  return reply.send(stream.body);
}

/** A JSON-RPC 2.0 request, notification or response; anything else is refused before it reaches a server. */
function checkMessage(body: unknown): JSONRPCMessage {
  const message = body as RpcBody;
  if (!message || typeof message !== 'object' || Array.isArray(message)) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'The body must be one JSON-RPC message.');
  if (message.jsonrpc !== '2.0') throw new HostHttpError(400, RPC.INVALID_REQUEST, 'Invalid Request: jsonrpc must be "2.0".');
  const hasMethod = typeof message.method === 'string';
  const hasId = typeof message.id === 'string' || typeof message.id === 'number';
  const isResponse = hasId && !('method' in message) && ('result' in message || 'error' in message);
  if (!hasMethod && !isResponse) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'Invalid Request: expected a method (request or notification) or a result/error (response).');
  // Both shapes at once: the SDK takes it for a response and answers nothing, so the caller would wait forever.
  if (hasMethod && ('result' in message || 'error' in message)) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'Invalid Request: a message is a request (method) or a response (result/error), not both.');
  if ('id' in message && !hasId && hasMethod) throw new HostHttpError(400, RPC.INVALID_REQUEST, 'Invalid Request: id must be a string or a number.');
  return message as unknown as JSONRPCMessage;
}

function traitsOf(request: FastifyRequest): ClientTraits {
  return { ip: request.ip, userAgent: header(request, 'user-agent') };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
