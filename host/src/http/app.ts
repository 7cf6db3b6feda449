import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import type { Logger } from '@gauzy-mcp/core';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { bodyLimitFor, isLoopbackHost, type HostConfig } from '../config.js';
import type { Authenticator } from '../identity.js';
import type { HostMetrics } from '../ops/metrics.js';
import type { HostState } from '../state/index.js';
import { HostHttpError, RPC } from './errors.js';
import { rateLimitedError, rateLimitHeaders, rateLimitKey, type RateLimiter } from './rate-limit.js';
import { StateUnavailableError } from '../state/index.js';
import { allowedOriginsFor, isAllowedHost, isAllowedOrigin } from './origins.js';
import { securityHeaders } from './security-headers.js';
import { shapeOf, shapeOfPayload } from './debug-shapes.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** MCP endpoints: origin-checked, authenticated and rate-limited. */
    mcp?: boolean;
  }
}

/** Route options for every MCP endpoint: origin-checked, authenticated and rate-limited (one budget per caller). */
export const MCP_ROUTE = { config: { mcp: true } } as const;

export interface HostAppDeps {
  config: HostConfig;
  /** PEM certificate chain and key: the host serves HTTPS, TLS 1.3 only. */
  tls?: { cert: Buffer; key: Buffer };
  authenticator: Authenticator;
  state: HostState;
  limiter: RateLimiter;
  metrics: HostMetrics;
  log: Logger;
}

/**
 * The Fastify instance with the cross-cutting concerns every MCP endpoint shares, in request order:
 * origin and Host checks (DNS rebinding), authentication, the rate limit (by identity, or by address
 * when anonymous; before an authentication refusal, so guessing tokens is throttled too), then JSON
 * parsing under the body limit. Every refusal is a JSON-RPC error body.
 */
export async function buildHostApp(deps: HostAppDeps): Promise<FastifyInstance> {
  const { config, log, metrics } = deps;
  const app = Fastify({
    // Fastify's own logger writes to stdout; the host logs through its redacting stderr logger instead.
    logger: false,
    ...(deps.tls ? { https: { ...deps.tls, minVersion: 'TLSv1.3' as const } } : {}),
    bodyLimit: bodyLimitFor(config),
    requestTimeout: config.limits.requestTimeoutMs,
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
  }) as unknown as FastifyInstance; // HTTPS is typed apart from HTTP; the host uses only what both have.

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    // Some clients send Content-Type: application/json on every request: a DELETE with no body is fine.
    if (text === '' && request.method === 'DELETE') return done(null, undefined);
    if (text === '') return done(new HostHttpError(400, RPC.PARSE_ERROR, 'Parse error: the body is empty.'), undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch (error) {
      done(new HostHttpError(400, RPC.PARSE_ERROR, `Parse error: ${(error as Error).message}`), undefined);
    }
  });

  const allowedOrigins = allowedOriginsFor(config);
  const security = securityHeaders();
  // The request id too: set first, it is on every answer, refusals and 404s included, without an onSend hook.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(security);
    reply.header('x-request-id', request.id);
    done();
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined ? false : isAllowedOrigin(origin, allowedOrigins)),
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'accept', 'last-event-id', 'mcp-session-id', 'mcp-protocol-version', 'mcp-method', 'mcp-name', 'x-request-id'],
    exposedHeaders: ['mcp-session-id', 'mcp-protocol-version', 'www-authenticate', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-request-id'],
    maxAge: 600,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config?.mcp) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, allowedOrigins)) throw new HostHttpError(403, RPC.FORBIDDEN, 'Forbidden: Origin not allowed.');
    if (isLoopbackHost(config.host) && !isAllowedHost(request.headers.host, config)) throw new HostHttpError(403, RPC.FORBIDDEN, 'Forbidden: Host not allowed.');
    let authError: unknown;
    try {
      request.identity = await deps.authenticator.authenticate(request.headers);
    } catch (error) {
      authError = error;
    }
    const decision = await deps.limiter.admit(rateLimitKey(request.identity?.key, request.ip));
    reply.headers(rateLimitHeaders(decision));
    if (!decision.allowed) {
      metrics.rateLimited.inc();
      throw rateLimitedError(decision);
    }
    if (authError) throw authError;
  });

  // Callback hooks, not async ones: these run on every request, and each async hook costs a promise.
  if (config.debug) {
    // Debug mode logs the shape of each MCP exchange as it is sent.
    app.addHook('onSend', (request, reply, payload, done) => {
      if (request.routeOptions.config?.mcp) {
        log.info('mcp exchange', {
          requestId: request.id,
          method: request.method,
          url: request.routeOptions.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
          who: request.identity?.key,
          request: request.body === undefined ? 'empty' : shapeOf(request.body),
          answer: shapeOfPayload(payload),
        });
      }
      done(null, payload);
    });
  }
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    metrics.httpDuration.observe(reply.elapsedTime / 1000, { route });
    log.debug('request', { requestId: request.id, method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime), who: request.identity?.key });
    done();
  });

  app.setErrorHandler(async (error: FastifyError | HostHttpError, request, reply) => {
    const refusal = toHostError(error);
    if (refusal.rpcCode === RPC.STATE_UNAVAILABLE) log.warn('request refused: state store unavailable', { requestId: request.id, route: request.routeOptions.url, error: (error as Error).message });
    else if (refusal.status >= 500) log.error('request failed', { requestId: request.id, route: request.routeOptions.url, error });
    reply.code(refusal.status).headers(refusal.headers).type('application/json');
    if (request.headers.upgrade) {
      // A refused WebSocket upgrade: the socket left HTTP's keep-alive handling, so nothing would ever close it.
      reply.header('connection', 'close');
      reply.raw.once('finish', () => request.raw.socket?.destroy());
    }
    return reply.send(refusal.body(requestId(request)));
  });
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).type('application/json').send(new HostHttpError(404, RPC.METHOD_NOT_FOUND, 'Not found.').body()));
  return app;
}

function toHostError(error: FastifyError | HostHttpError): HostHttpError {
  if (error instanceof HostHttpError) return error;
  if (error instanceof StateUnavailableError) return stateUnavailable();
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HostHttpError(413, RPC.PAYLOAD_TOO_LARGE, 'Payload too large: the body exceeds the limit of this server.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HostHttpError(415, RPC.INVALID_REQUEST, 'Unsupported Media Type: send Content-Type: application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HostHttpError(400, RPC.PARSE_ERROR, 'Parse error: the body is empty.');
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) return new HostHttpError(fastifyError.statusCode, RPC.INVALID_REQUEST, fastifyError.message);
  return new HostHttpError(500, RPC.INTERNAL_ERROR, 'Internal error.');
}

/** Echo the JSON-RPC id when the body was read, so a client can match the error to its request. */
function requestId(request: FastifyRequest): string | number | null {
  const body = request.body as { id?: unknown } | undefined;
  return body && (typeof body.id === 'string' || typeof body.id === 'number') ? body.id : null;
}

/** Seconds a client should wait before retrying while the shared state store is down. */
export const STATE_RETRY_AFTER_SECONDS = 5;

/** 503, not 500: the request was fine, the shared store was not there to serve it; it comes back by itself. */
export function stateUnavailable(): HostHttpError {
  return new HostHttpError(
    503,
    RPC.STATE_UNAVAILABLE,
    `Service unavailable: the state store (Redis) cannot be reached. Retry after ${STATE_RETRY_AFTER_SECONDS} seconds.`,
    { 'retry-after': String(STATE_RETRY_AFTER_SECONDS) },
    { retryAfter: STATE_RETRY_AFTER_SECONDS },
  );
}
