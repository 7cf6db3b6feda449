import type { KeyValueStore } from '@gauzy-mcp/core/state';

// The key-value contract is core's: the authorization server writes into the same store.
export type { KeyValueStore };

/**
 * What the host shares between instances. In memory for one process; in Redis when several instances
 * serve the same clients (any instance serves any request of any session).
 */

/** A 2025-revision session (Streamable HTTP with `Mcp-Session-Id`, or the older HTTP+SSE transport). */
export interface SessionRecord {
  id: string;
  /** The identity key that opened the session; presented by any other identity the session is refused. */
  owner: string;
  kind: 'streamable' | 'sse';
  /** The `initialize` request's params, replayed to rebuild the session on an instance that has not served it yet. */
  initialize?: Record<string, unknown>;
  protocolVersion?: string;
  createdAt: number;
  /** When sessions are bound (config `sessionBinding`): a digest of the opener's address and/or User-Agent. */
  binding?: string;
  /** The tool selection the session was opened with (per-connection toolsets), which it keeps. */
  view?: string;
  /** In catalog mode, the toolsets the session enabled (`enable_toolset`), listed by whichever instance serves it. */
  enabledToolsets?: string[];
}

export interface SessionStore {
  create(record: SessionRecord): Promise<void>;
  /** Reads the record and slides its expiry (30 minutes by default). */
  get(id: string): Promise<SessionRecord | undefined>;
  update(id: string, patch: Partial<Omit<SessionRecord, 'id' | 'owner'>>): Promise<void>;
  /** True when a session was deleted. */
  delete(id: string): Promise<boolean>;
  /** Whether the session still exists, without sliding its expiry (a subscription's poll asks, the client did not). */
  exists(id: string): Promise<boolean>;
}

export interface StoredEvent {
  id: string;
  /** `null` for priming events, which carry an id but no message. */
  message: unknown;
}

/**
 * Server-sent events kept for resumption: per stream, bounded in count and expiring. An event id names
 * its stream, so `Last-Event-ID` alone says which stream to resume.
 */
export interface EventLog {
  append(stream: string, message: unknown): Promise<string>;
  /** The events after `eventId` on its stream, or undefined when the id is malformed or the stream expired. */
  after(eventId: string): Promise<{ stream: string; events: StoredEvent[] } | undefined>;
}

/** Pub/sub between instances: a message for a stream held by another instance reaches it through here. */
export interface MessageBus {
  publish(channel: string, payload: unknown): Promise<void>;
  /** Resolves once the subscription is active; the returned function unsubscribes. */
  subscribe(channel: string, listener: (payload: unknown) => void): Promise<() => Promise<void>>;
}

/**
 * Fixed-window hit counters: the one request budget of each identity, shared by every transport and,
 * in Redis, by every instance.
 */
export interface RateCounter {
  /** Counts one hit on `key`; the count so far in its window and the milliseconds until that window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
}

export { StateUnavailableError } from '@gauzy-mcp/core/state';

export interface HostState {
  readonly kind: 'memory' | 'redis';
  readonly sessions: SessionStore;
  readonly rates: RateCounter;
  readonly events: EventLog;
  readonly bus: MessageBus;
  readonly kv: KeyValueStore;
  /** The Redis connection, shared with the rate limiter's store; absent in memory mode. */
  readonly redis?: import('ioredis').Redis;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StateOptions {
  sessionTtlMs: number;
  eventTtlMs: number;
  maxEventsPerStream: number;
}

/** `<stream as base64url>.<position>`: opaque to clients, self-locating for the store. */
export function eventId(stream: string, position: string): string {
  return `${Buffer.from(stream).toString('base64url')}.${position}`;
}

export function parseEventId(id: string): { stream: string; position: string } | undefined {
  const dot = id.lastIndexOf('.');
  if (dot <= 0 || dot === id.length - 1) return undefined;
  const stream = Buffer.from(id.slice(0, dot), 'base64url').toString('utf8');
  return stream ? { stream, position: id.slice(dot + 1) } : undefined;
}
