import { createHash, randomUUID } from 'node:crypto';
import type { ClientChannel, Logger } from '@gauzy-mcp/core';
import { createToolsetSwitch, sessionClientChannel, viewKey } from '@gauzy-mcp/core/internal';
import type { AuthInfo, JSONRPCMessage, Server } from '@modelcontextprotocol/server';
import type { Identity } from '../identity.js';
import type { HostMetrics } from '../ops/metrics.js';
import type { HostState, SessionRecord } from '../state/index.js';
import { HostHttpError, RPC } from './errors.js';
import { SessionTransport, type ExchangeSink } from './session-transport.js';
import { SseStream } from './sse.js';

type RequestId = string | number;

export interface SessionManagerOptions {
  state: HostState;
  serverFactory: () => Server;
  log: Logger;
  metrics: HostMetrics;
  /** The client's reconnection delay announced in priming events (2025-11-25). */
  retryMs?: number;
  /** Live sessions idle this long are dropped from this instance's memory (the record stays in the store). */
  idleMs: number;
  /** A client request still unanswered after this long gets a timeout error and is cancelled. */
  requestTimeoutMs: number;
  maxBufferedBytes?: number;
  /** Which of the opener's traits a session is bound to (none by default). */
  binding?: { ip: boolean; userAgent: boolean };
  /** A session ended (DELETE, its HTTP+SSE stream closed): what it subscribed to ends with it, wherever that is held. */
  onEnded?(sessionId: string): void;
}

/** Who is on the other end of a request, as far as session binding looks. */
export interface ClientTraits {
  ip: string;
  userAgent?: string;
}

/**
 * A session's tool call the host answers itself: given the call's way back to the client, its signal and how to tell
 * the client its tool list changed, the JSON-RPC answer.
 */
export type DirectCall = (client: ClientChannel, cancel: { readonly signal: AbortSignal }, toolsChanged: () => Promise<void>) => Promise<JSONRPCMessage>;

/** What answering one POSTed request produced: a JSON body, or a stream of events ending with the answer. */
export type ExchangeOutcome = { kind: 'json'; message: JSONRPCMessage } | { kind: 'sse'; stream: SseStream };

interface LiveSession {
  record: SessionRecord;
  server: Server;
  transport: SessionTransport;
  identity: Identity;
  lastUsed: number;
  unsubscribeInbound: () => Promise<void>;
}

const REHYDRATE_ID = 'gauzy-mcp-rehydrate';

/**
 * 2025-revision sessions across instances. The record (owner, `initialize` params) lives in the shared
 * store; the SDK server lives in memory on whichever instance serves the session, and another instance
 * rebuilds it by replaying the stored `initialize`. Streams resume from the shared event log, and
 * messages for a stream held elsewhere travel over the bus.
 */
export class SessionManager {
  private readonly live = new Map<string, LiveSession>();
  private readonly openStreams = new Set<SseStream>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: SessionManagerOptions) {
    this.sweeper = setInterval(() => this.evictIdle(), Math.min(options.idleMs, 60_000));
    this.sweeper.unref();
    options.metrics.sessions.collect(() => this.live.size);
  }

  get liveCount(): number {
    return this.live.size;
  }

  /** Starts a session for `identity`; the caller then delivers the `initialize` (streamable) or waits for it (HTTP+SSE). */
  async create(identity: Identity, kind: SessionRecord['kind'], client?: ClientTraits): Promise<SessionRecord> {
    const binding = this.bindingOf(client);
    const view = viewKey(identity.caller.view);
    const record: SessionRecord = { id: randomUUID(), owner: identity.key, kind, createdAt: Date.now(), ...(binding ? { binding } : {}), ...(view ? { view } : {}) };
    await this.options.state.sessions.create(record);
    this.options.metrics.sessionsOpened.inc({ transport: kind });
    return record;
  }

  /**
   * The session named by a client, checked: 404 when unknown or expired, 403 when another identity presents it,
   * or (with session binding) another address or User-Agent.
   */
  async resolve(sessionId: string, identity: Identity, client?: ClientTraits): Promise<SessionRecord> {
    const record = /^[\x21-\x7e]{1,128}$/.test(sessionId) ? await this.options.state.sessions.get(sessionId) : undefined;
    if (!record) {
      await this.evict(sessionId);
      throw new HostHttpError(404, RPC.SESSION_NOT_FOUND, 'Session not found: it expired or was ended. Start a new one with initialize.');
    }
    if (record.owner !== identity.key) {
      this.options.log.warn('session presented by another identity', { sessionId: record.id, owner: record.owner, presentedBy: identity.key });
      throw new HostHttpError(403, RPC.FORBIDDEN, 'This session belongs to another identity.');
    }
    if ((record.view ?? '') !== viewKey(identity.caller.view)) {
      throw new HostHttpError(400, RPC.INVALID_REQUEST, 'This session was opened with another tool selection (URL or X-MCP-* headers): keep the one it was opened with, or start a new session.');
    }
    if (record.binding !== undefined && record.binding !== this.bindingOf(client)) {
      this.options.log.warn('session presented from another client', { sessionId: record.id, owner: record.owner, ip: client?.ip });
      throw new HostHttpError(403, RPC.FORBIDDEN, 'This session is bound to the client address and User-Agent that opened it; start a new one with initialize.');
    }
    return record;
  }

  /**
   * The identity a session's request runs as: in catalog mode its caller carries the toolsets the session enabled,
   * read from the record (so any instance lists them) and written back to it when a call enables more.
   */
  withSessionToolsets(record: SessionRecord, identity: Identity): Identity {
    if (!identity.caller.view?.catalog) return identity;
    const sessions = this.options.state.sessions;
    const toolsets = createToolsetSwitch(record.enabledToolsets, async (enabled) => {
      // Another instance may have enabled some meanwhile: keep theirs too.
      const current = await sessions.get(record.id);
      await sessions.update(record.id, { enabledToolsets: [...new Set([...(current?.enabledToolsets ?? []), ...enabled])].sort() });
    });
    return { ...identity, caller: { ...identity.caller, toolsets } };
  }

  /** A digest, not the traits in the clear (a Redis record is also encrypted as a whole): enough to compare them. */
  private bindingOf(client: ClientTraits | undefined): string | undefined {
    const { ip = false, userAgent = false } = this.options.binding ?? {};
    if (!ip && !userAgent) return undefined;
    const traits = JSON.stringify([ip ? (client?.ip ?? '') : null, userAgent ? (client?.userAgent ?? '') : null]);
    return createHash('sha256').update(traits).digest('base64url');
  }

  /**
   * Answers one client request on its session, as JSON or as an event stream: by the session's server, or by
   * `direct` (the host's catalog) with the same routing, cancellation and timeout.
   */
  async exchange(record: SessionRecord, identity: Identity, message: JSONRPCMessage & { id: RequestId }, acceptsSse: boolean, direct?: DirectCall): Promise<ExchangeOutcome> {
    const session = await this.liveSession(record, identity);
    if (session.transport.isInFlight(message.id)) {
      throw new HostHttpError(409, RPC.INVALID_REQUEST, `A request with id ${JSON.stringify(message.id)} is already in flight on this session: give each request its own id.`, {}, { id: message.id });
    }
    const streamKey = requestStream(record.id, message.id);
    const primes = supportsPriming(session.record.protocolVersion ?? (message as { params?: { protocolVersion?: string } }).params?.protocolVersion);
    let markAnswered!: () => void;
    const answered = new Promise<void>((resolve) => (markAnswered = resolve));
    return new Promise<ExchangeOutcome>((resolve) => {
      let stream: SseStream | undefined;
      let pending: Promise<unknown> = Promise.resolve();
      const openStream = (): SseStream => {
        const opened = this.trackStream(new SseStream({ maxBufferedBytes: this.options.maxBufferedBytes }));
        stream = opened;
        opened.onClose(() => session.transport.detach(message.id));
        if (primes) pending = pending.then(() => this.options.state.events.append(streamKey, null)).then((id) => opened.prime(id, this.retryMs));
        resolve({ kind: 'sse', stream: opened });
        return opened;
      };
      const sink: ExchangeSink = {
        deliver: (outgoing) => {
          const terminal = !('method' in outgoing) && 'id' in outgoing && outgoing.id === message.id;
          if (terminal) markAnswered();
          if (!stream) {
            if (terminal) return resolve({ kind: 'json', message: outgoing });
            // A client that takes only JSON gets just the answer: there is nowhere to put progress.
            if (!acceptsSse) return;
            openStream();
          }
          const current = stream!;
          // Events are numbered by the shared log in order; the write waits for its id.
          pending = pending
            .then(() => this.options.state.events.append(streamKey, outgoing))
            .then((id) => {
              if (!current.closed) current.send(outgoing, id);
              // On the bus as well, open POST or not: a client may have left it and resumed (here or on another
              // instance) before this one noticed, and its resumed stream reads what follows from the bus.
              void this.options.state.bus.publish(streamChannel(streamKey), { id, message: outgoing });
              if (terminal) current.end();
            })
            .catch((error: unknown) => this.options.log.warn('could not record a stream event', { error }));
        },
      };
      // SEP-1699 polling: a long call may hand its connection back; the client resumes with Last-Event-ID.
      // Only where priming gave the client an id to resume from.
      const closeSSEStream = () => {
        if (!acceptsSse || !primes) return;
        const current = stream ?? openStream();
        pending = pending.then(() => current.end());
      };
      if (direct) session.transport.runDirect(message.id, sink, (cancel) => direct(sessionClientChannel(session.server, message.id, closeSSEStream), cancel, () => session.server.sendToolListChanged()));
      else session.transport.receive(message, { ...this.extraFor(identity), closeSSEStream }, sink);
      const timeoutMs = this.options.requestTimeoutMs;
      const timer = setTimeout(() => {
        const error = { jsonrpc: '2.0' as const, id: message.id, error: { code: RPC.REQUEST_TIMEOUT, message: `Request timed out: no answer within ${timeoutMs} ms; it was cancelled.` } };
        void session.transport.expire(message.id, error).catch((cause: unknown) => this.options.log.warn('could not deliver a timeout', { error: cause }));
      }, timeoutMs);
      timer.unref();
      answered.then(() => clearTimeout(timer));
    });
  }

  /** A notification or a response (to a server request) from the client. */
  async deliver(record: SessionRecord, identity: Identity, message: JSONRPCMessage): Promise<void> {
    const isResponse = !('method' in message) && 'id' in message && message.id !== null;
    if (isResponse) {
      const local = this.live.get(record.id);
      if (local?.transport.isAwaitingClient((message as { id: RequestId }).id)) local.transport.receive(message, this.extraFor(identity));
      // The request may have been sent from another instance: whoever waits for it picks it up.
      else await this.options.state.bus.publish(inboundChannel(record.id), message);
      return;
    }
    const session = await this.liveSession(record, identity);
    session.transport.receive(message, this.extraFor(identity));
  }

  /** HTTP+SSE (2024-11-05): every answer travels on the session stream, so a POST only hands the message over. */
  async submit(record: SessionRecord, identity: Identity, message: JSONRPCMessage): Promise<void> {
    if ('method' in message && message.method === 'initialize' && !record.initialize) {
      const params = (message as { params?: Record<string, unknown> }).params ?? {};
      record.initialize = params;
      await this.options.state.sessions.update(record.id, { initialize: params });
    }
    const session = await this.liveSession(record, identity);
    session.transport.receive(message, this.extraFor(identity));
  }

  /**
   * Opens the session's own stream (GET), or resumes any stream after `Last-Event-ID`: stored events are
   * replayed, then live ones follow from the bus, so a client that reconnects to another instance misses nothing.
   */
  async openStream(record: SessionRecord, lastEventId: string | undefined): Promise<SseStream> {
    let key = standaloneStream(record.id);
    let replay: Array<{ id: string; message: unknown }> = [];
    if (lastEventId) {
      const found = await this.options.state.events.after(lastEventId);
      if (found && found.stream.startsWith(`${record.id}/`)) {
        key = found.stream;
        replay = found.events;
      }
    }
    const stream = this.trackStream(new SseStream({ maxBufferedBytes: this.options.maxBufferedBytes }));
    const delivered = new Set<string>();
    const endsWithAnswer = key !== standaloneStream(record.id);
    const write = (event: { id: string; message: unknown }) => {
      if (delivered.has(event.id) || event.message === null) return;
      delivered.add(event.id);
      stream.send(event.message, event.id);
      if (endsWithAnswer && isResponse(event.message)) stream.end();
    };
    // Subscribe before reading the log so nothing published in between is lost; duplicates are dropped by id.
    const buffered: Array<{ id: string; message: unknown }> = [];
    let replaying = true;
    const unsubscribe = await this.options.state.bus.subscribe(streamChannel(key), (payload) => {
      const event = payload as { id: string; message: unknown };
      if (replaying) buffered.push(event);
      else write(event);
    });
    stream.onClose(() => void unsubscribe());
    if (lastEventId && key !== standaloneStream(record.id)) {
      // Read again now that the subscription is in place: what was logged after the first read and before it is
      // in this read, what comes later arrives on the bus (duplicates are dropped by id).
      replay = (await this.options.state.events.after(lastEventId))?.events ?? replay;
    }
    if (!lastEventId && supportsPriming(record.protocolVersion)) stream.prime(await this.options.state.events.append(key, null), this.retryMs);
    for (const event of replay) write(event);
    replaying = false;
    for (const event of buffered.splice(0)) write(event);
    return stream;
  }

  /** DELETE: the session ends everywhere (its record goes; other instances drop it on their next look). */
  async end(record: SessionRecord): Promise<void> {
    await this.options.state.sessions.delete(record.id);
    await this.evict(record.id);
    this.options.onEnded?.(record.id);
  }

  /** Records the negotiated version after `initialize`, for priming decisions and rebuilds. */
  async initialized(record: SessionRecord, initialize: Record<string, unknown>, protocolVersion: string | undefined): Promise<void> {
    record.initialize = initialize;
    record.protocolVersion = protocolVersion;
    await this.options.state.sessions.update(record.id, { initialize, protocolVersion });
    const live = this.live.get(record.id);
    if (live) live.record = record;
  }

  /** Ends every stream (shutdown): clients reconnect to another instance and resume there. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    for (const stream of this.openStreams) stream.end({ closeConnection: true });
    for (const id of [...this.live.keys()]) await this.evict(id);
  }

  private get retryMs(): number {
    return this.options.retryMs ?? 1000;
  }

  private trackStream(stream: SseStream): SseStream {
    this.openStreams.add(stream);
    this.options.metrics.streams.inc();
    stream.onClose(() => {
      this.openStreams.delete(stream);
      this.options.metrics.streams.dec();
    });
    return stream;
  }

  private extraFor(identity: Identity): { authInfo: AuthInfo } {
    return { authInfo: authInfoFor(identity) };
  }

  private async liveSession(record: SessionRecord, identity: Identity): Promise<LiveSession> {
    const existing = this.live.get(record.id);
    if (existing) {
      existing.lastUsed = Date.now();
      existing.identity = identity;
      return existing;
    }
    const server = this.options.serverFactory();
    const transport = new SessionTransport(record.id, {
      toStandalone: async (message) => this.publish(standaloneStream(record.id), message),
      toDetachedRequest: async (requestId, message) => this.publish(requestStream(record.id, requestId), message),
    });
    await server.connect(transport);
    const unsubscribeInbound = await this.options.state.bus.subscribe(inboundChannel(record.id), (payload) => {
      const message = payload as JSONRPCMessage & { id: RequestId };
      if (transport.isAwaitingClient(message.id)) transport.receive(message, this.extraFor(identity));
    });
    const session: LiveSession = { record, server, transport, identity, lastUsed: Date.now(), unsubscribeInbound };
    this.live.set(record.id, session);
    if (record.initialize) await this.replayInitialize(session, record.initialize);
    return session;
  }

  /** Rebuilds a session served elsewhere: the server sees the same handshake again, and the answer is dropped. */
  private async replayInitialize(session: LiveSession, params: Record<string, unknown>): Promise<void> {
    await new Promise<void>((resolve) => {
      session.transport.receive({ jsonrpc: '2.0', id: REHYDRATE_ID, method: 'initialize', params } as JSONRPCMessage, this.extraFor(session.identity), { deliver: () => resolve() });
    });
    session.transport.receive({ jsonrpc: '2.0', method: 'notifications/initialized' } as JSONRPCMessage, this.extraFor(session.identity));
  }

  private async publish(key: string, message: JSONRPCMessage): Promise<void> {
    await publishToStream(this.options.state, key, message);
  }

  private async evict(sessionId: string): Promise<void> {
    const session = this.live.get(sessionId);
    if (!session) return;
    this.live.delete(sessionId);
    await session.unsubscribeInbound().catch(() => {});
    await session.server.close().catch(() => {});
  }

  private evictIdle(): void {
    const cutoff = Date.now() - this.options.idleMs;
    for (const [id, session] of this.live) if (session.lastUsed < cutoff) void this.evict(id);
  }
}

/**
 * Sends a server-initiated message (a notification) to a 2025-revision session's own stream, from any
 * instance: it is logged for resumption and delivered by whichever instance holds the client's stream.
 */
export async function notifySession(state: HostState, sessionId: string, message: JSONRPCMessage): Promise<void> {
  await publishToStream(state, standaloneStream(sessionId), message);
}

async function publishToStream(state: HostState, key: string, message: JSONRPCMessage): Promise<void> {
  const id = await state.events.append(key, message);
  await state.bus.publish(streamChannel(key), { id, message });
}

/** The caller travels to the tool handlers as SDK auth info; the MCP client's own credentials never do. */
export function authInfoFor(identity: Identity): AuthInfo {
  return { token: '', clientId: identity.key, scopes: [...(identity.scopes ?? [])], extra: { identity } };
}

export function identityFromAuthInfo(authInfo: unknown): Identity | undefined {
  return (authInfo as AuthInfo | undefined)?.extra?.identity as Identity | undefined;
}

function standaloneStream(sessionId: string): string {
  return `${sessionId}/standalone`;
}

function requestStream(sessionId: string, requestId: RequestId): string {
  return `${sessionId}/request/${typeof requestId}:${requestId}`;
}

function streamChannel(key: string): string {
  return `stream:${key}`;
}

function inboundChannel(sessionId: string): string {
  return `inbound:${sessionId}`;
}

function isResponse(message: unknown): boolean {
  return typeof message === 'object' && message !== null && !('method' in message) && 'id' in message;
}

/** Priming events (an id before any data) arrived with 2025-11-25; older clients would not expect them. */
function supportsPriming(protocolVersion: string | undefined): boolean {
  return protocolVersion !== undefined && protocolVersion >= '2025-11-25';
}
