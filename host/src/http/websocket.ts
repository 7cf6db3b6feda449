import { ServerResponse } from 'node:http';
import websocket from '@fastify/websocket';
import type { Logger } from '@gauzy-mcp/core';
import { serveStdioConnection, type ConnectionLiveViews } from '@gauzy-mcp/core/internal';
import type { JSONRPCMessage, MessageExtraInfo, Server, Transport } from '@modelcontextprotocol/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Identity } from '../identity.js';
import type { HostMetrics } from '../ops/metrics.js';
import { MCP_ROUTE, stateUnavailable } from './app.js';
import { rateLimitedError, rateLimitKey, type RateLimiter } from './rate-limit.js';
import { StateUnavailableError } from '../state/index.js';
import { HostHttpError, RPC } from './errors.js';
import { authInfoFor } from './sessions.js';

/** setTimeout's largest delay; a later expiry is checked again by then (the socket closes, the client reconnects). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Close codes (RFC 6455 §7.4.1) the host uses. */
export const WS_CLOSE = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  UNSUPPORTED_DATA: 1003,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  TRY_AGAIN_LATER: 1013,
} as const;

export interface WebSocketOptions {
  /** A factory bound to this socket's own identity (called once per connection): the stdio-style entry passes no auth info to handlers. */
  serverFactoryFor(identity: Identity): () => Server;
  /** Each request and notification on a socket draws from its caller's budget, like an HTTP request. */
  limiter?: RateLimiter;
  log: Logger;
  metrics: HostMetrics;
  /** Largest frame accepted; a bigger one closes the socket with 1009. Default 16 MiB. */
  maxMessageBytes: number;
  /** Ping interval; a peer that has not answered the previous ping by the next one is dropped. */
  heartbeatMs?: number;
  /** Outgoing backlog at which the host stops reading the peer's requests. */
  maxBufferedBytes?: number;
  /** Resource subscriptions on a socket, both eras (2025 resources/subscribe, 2026-07-28 subscriptions/listen). */
  live?: Omit<ConnectionLiveViews, 'caller'>;
}

export interface WebSocketEndpoints {
  /** Closes every socket with 1001 (shutdown); clients reconnect elsewhere. */
  closeAll(): void;
  readonly openCount: number;
}

/**
 * permessage-deflate for the messages worth it. With ws's defaults (compress from 1 KiB, a 32 KiB window,
 * memLevel 8) a connection keeps about 250 KiB of native memory from its first answer over 1 KiB (the
 * `initialize` answer is one), so ten thousand idle connections held 2.4 GiB; bench/src/memory.ts measured it.
 * Compressing only messages from 16 KiB (catalogs, long lists) leaves an idle connection without zlib state,
 * and the small windows keep a busy one's to about a tenth. ws honours the threshold only without context
 * takeover, which both sides are asked for (so the client's own threshold spares its small messages too).
 */
const COMPACT_DEFLATE = {
  threshold: 16 * 1024,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 10,
  clientMaxWindowBits: 10,
  zlibDeflateOptions: { memLevel: 4, chunkSize: 4 * 1024 },
  zlibInflateOptions: { chunkSize: 4 * 1024 },
} as const;

/**
 * JSON-RPC over WebSocket on `/ws` and `/sse` (not a spec transport; kept for clients of the server we
 * replace). The upgrade passes the same hooks as every MCP request (Origin, authentication, rate limit),
 * so a refused client gets an HTTP 401/403/429 and never a socket. Each socket is one connection in the
 * stdio sense: the SDK entry picks the era from its first message and serves it with the same dispatch.
 */
export async function registerWebSocketEndpoints(
  app: FastifyInstance,
  options: WebSocketOptions,
  httpFallback: Record<'/ws' | '/sse', (request: FastifyRequest, reply: FastifyReply) => unknown>,
): Promise<WebSocketEndpoints> {
  await app.register(websocket, {
    options: { maxPayload: options.maxMessageBytes, perMessageDeflate: COMPACT_DEFLATE },
    errorHandler: (error, socket) => closeAfterError(socket, error, options.log),
  });
  const sockets = new Set<WebSocket>();
  const wsHandler = (socket: WebSocket, request: FastifyRequest) => {
    const identity = request.identity!;
    releaseUpgradeExchange(socket, request, options.log);
    sockets.add(socket);
    options.metrics.webSockets.inc();
    let handle: { close(): Promise<void> } | undefined;
    // Registered before anything that can throw, so a connection that fails to open is still uncounted.
    socket.once('close', (code) => {
      sockets.delete(socket);
      options.metrics.webSockets.dec();
      options.log.debug('websocket closed', { who: identity.key, code });
      void handle?.close().catch(() => {});
    });
    // A socket must not outlive the token that opened it: the client reconnects with a fresh one.
    const expiry = identity.expiresAt === undefined ? undefined : setTimeout(() => socket.close(WS_CLOSE.POLICY_VIOLATION, 'token expired: reconnect with a fresh token'), Math.min(Math.max(0, identity.expiresAt - Date.now()), MAX_TIMER_MS));
    expiry?.unref();
    socket.once('close', () => clearTimeout(expiry));
    const transport = new WebSocketServerTransport(socket, identity, options);
    handle = serveStdioConnection(options.serverFactoryFor(identity), {
      transport,
      onerror: (error) => options.log.debug('websocket connection error', { error: error.message }),
      ...(options.live ? { live: { ...options.live, caller: () => identity.caller } } : {}),
    });
  };
  for (const url of ['/ws', '/sse'] as const) {
    app.route({ method: 'GET', url, ...MCP_ROUTE, handler: httpFallback[url], wsHandler });
  }
  return {
    closeAll() {
      for (const socket of sockets) socket.close(WS_CLOSE.GOING_AWAY, 'server shutting down');
    },
    get openCount() {
      return sockets.size;
    },
  };
}

/**
 * Replaces @fastify/websocket's default (log to Fastify's stdout logger, then terminate). Socket-level
 * errors (an oversized or malformed frame, a reset) reach here after ws has already queued its own close
 * frame (1009, 1002…) and will end the socket itself; terminating at once could drop that frame behind
 * a message still being compressed, leaving the peer with a bare 1006. A socket still open here means the
 * host's own handler threw while opening the connection: that is ours to close, with 1011.
 */
function closeAfterError(socket: WebSocket, error: Error, log: Logger): void {
  if (socket.readyState !== socket.OPEN) {
    log.debug('websocket error', { error: error.message });
    return;
  }
  log.error('websocket connection failed to open', { error: error.message });
  socket.close(WS_CLOSE.INTERNAL_ERROR, 'internal error');
}

/**
 * @fastify/websocket keeps the upgrade's HTTP exchange for the socket's whole life: the raw socket still points
 * at the ServerResponse it made (whose Fastify listeners hold the Reply, the Request, the IncomingMessage and its
 * headers), and the error listener it puts on the socket closes over the request and reply. An open socket needs
 * none of it (about 3 KiB each; bench/src/memory.ts). The response is detached from the raw socket and that error
 * listener replaced by one that needs only the socket, so the exchange is collected once the handler returns.
 */
function releaseUpgradeExchange(socket: WebSocket, request: FastifyRequest, log: Logger): void {
  const rawSocket = request.raw.socket as (typeof request.raw.socket & { _httpMessage?: unknown }) | null;
  const response = rawSocket?._httpMessage;
  if (rawSocket && response instanceof ServerResponse) response.detachSocket(rawSocket);
  socket.removeAllListeners('error');
  socket.on('error', (error) => closeAfterError(socket, error, log));
}

/** GET /ws without an upgrade: say what the endpoint wants. */
export async function upgradeRequired(_request: FastifyRequest, reply: FastifyReply): Promise<never> {
  reply.header('upgrade', 'websocket');
  throw new HostHttpError(426, RPC.INVALID_REQUEST, 'Upgrade Required: /ws speaks JSON-RPC over WebSocket.');
}

/**
 * One socket as an SDK `Transport`. Backpressure: when the peer reads more slowly than the server
 * answers, the host stops reading the peer's further requests (so it stops producing answers) until the
 * backlog halves; a peer that lets the backlog reach twice the bound is closed with 1013 rather than
 * letting memory grow without end. Twice, not once: requests already read keep being answered after
 * the pause, and a peer that is merely slow should not lose its connection to them.
 * While paused the host reads no pongs either, so a peer that drains nothing for a heartbeat interval
 * is dropped by the heartbeat: a paused socket cannot be held open forever by a peer that never reads.
 */
export class WebSocketServerTransport implements Transport {
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private readonly extra: MessageExtraInfo;
  private readonly rateKey: string;
  private readonly maxBuffered: number;
  /** Frames are admitted one after another, so a slow budget check never reorders a peer's messages. */
  private inbound: Promise<void> = Promise.resolve();
  private heartbeat?: NodeJS.Timeout;
  private alive = true;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    identity: Identity,
    private readonly options: WebSocketOptions,
  ) {
    this.extra = { authInfo: authInfoFor(identity) };
    this.rateKey = rateLimitKey(identity.key, '');
    this.maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
  }

  async start(): Promise<void> {
    const socket = this.socket;
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    socket.on('pong', () => (this.alive = true));
    // ws reports an oversized frame as an error after queuing its own 1009 close; without a listener
    // an 'error' event would throw. Logging it is the endpoint's error handler's job.
    socket.on('error', () => {});
    socket.once('close', () => this.finish());
    this.heartbeat = setInterval(() => {
      if (!this.alive) {
        this.options.log.debug('websocket peer missed a heartbeat; dropping it');
        socket.terminate();
        return;
      }
      this.alive = false;
      socket.ping();
    }, this.options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (isBinary) {
      this.socket.close(WS_CLOSE.UNSUPPORTED_DATA, 'JSON-RPC frames are text');
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch (error) {
      this.reply({ jsonrpc: '2.0', id: null, error: { code: RPC.PARSE_ERROR, message: `Parse error: ${(error as Error).message}` } });
      return;
    }
    const candidate = message as { jsonrpc?: unknown; method?: unknown; id?: unknown };
    if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate) || candidate.jsonrpc !== '2.0' || (typeof candidate.method !== 'string' && candidate.id === undefined)) {
      const id = candidate && typeof candidate === 'object' && (typeof candidate.id === 'string' || typeof candidate.id === 'number') ? candidate.id : null;
      this.reply({ jsonrpc: '2.0', id, error: { code: RPC.INVALID_REQUEST, message: 'Invalid Request: one JSON-RPC 2.0 message per frame.' } });
      return;
    }
    this.inbound = this.inbound.then(() => this.admit(message as JSONRPCMessage));
  }

  /**
   * A request or notification is counted against the caller's budget; a refused one is answered with a
   * JSON-RPC error carrying the retry time (id null for a notification) and the socket stays open.
   * Responses to the server's own requests are never refused: the server is waiting on them.
   */
  private async admit(message: JSONRPCMessage): Promise<void> {
    const limiter = this.options.limiter;
    if (limiter && 'method' in message) {
      const id = 'id' in message && (typeof message.id === 'string' || typeof message.id === 'number') ? message.id : null;
      let refusal: HostHttpError | undefined;
      try {
        const decision = await limiter.admit(this.rateKey);
        if (!decision.allowed) {
          this.options.metrics.rateLimited.inc();
          refusal = rateLimitedError(decision);
        }
      } catch (error) {
        if (!(error instanceof StateUnavailableError)) this.options.log.error('websocket rate check failed', { error });
        refusal = error instanceof StateUnavailableError ? stateUnavailable() : new HostHttpError(500, RPC.INTERNAL_ERROR, 'Internal error.');
      }
      if (refusal) {
        this.reply(refusal.body(id));
        return;
      }
    }
    if (!this.closed) this.onmessage?.(message, this.extra);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.reply(message);
  }

  private reply(message: unknown): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(message));
    this.applyBackpressure();
  }

  private applyBackpressure(): void {
    const buffered = this.socket.bufferedAmount;
    if (buffered > 2 * this.maxBuffered) {
      this.options.log.warn('websocket peer is not reading; closing it', { bufferedBytes: buffered });
      this.socket.close(WS_CLOSE.TRY_AGAIN_LATER, 'not reading: too much unsent data');
      // A peer that does not read will not read the close frame either.
      setTimeout(() => this.socket.terminate(), 1000).unref();
      return;
    }
    if (buffered > this.maxBuffered && !this.socket.isPaused) {
      this.socket.pause();
      const waitForDrain = () => {
        if (this.closed) return;
        if (this.socket.bufferedAmount <= this.maxBuffered / 2) this.socket.resume();
        else setTimeout(waitForDrain, 10).unref();
      };
      setTimeout(waitForDrain, 10).unref();
    }
  }

  /** Exposed for tests: what the host is holding for this peer right now. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  async close(): Promise<void> {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.close(WS_CLOSE.NORMAL);
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.onclose?.();
  }
}
