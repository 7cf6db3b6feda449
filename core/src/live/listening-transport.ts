import { randomUUID } from 'node:crypto';
import { type JSONRPCMessage, type MessageExtraInfo, type Transport, type TransportSendOptions } from '@modelcontextprotocol/server';
import type { Caller } from '../dispatch.js';
import type { LiveSink, LiveViews } from './live-views.js';

type RequestId = string | number;

export interface ListeningTransportOptions {
  live: LiveViews;
  /** Who the connection acts as. */
  caller: () => Caller;
  /** Whether the caller may subscribe to a URI (it names a resource they may read). */
  allowed(uri: string, caller: Caller): boolean;
  /** Sends `notifications/resources/updated` through the connection's 2026-07-28 server, which stamps it for each listen stream. */
  notify(uri: string): Promise<void>;
  onerror?(error: Error): void;
}

/**
 * A stdio-shaped connection (stdio, a WebSocket) whose 2026-07-28 `subscriptions/listen` streams drive live
 * views. The SDK's entry serves listen itself, so the connection's server never sees one: this transport sees
 * them on the wire. A listen request's `resourceSubscriptions` are narrowed to what the caller may read (the
 * acknowledgement then names only those) and subscribed before the request goes on, so a change made once the
 * client holds the acknowledgement is notified. Its end (its cancellation, the server's closing answer, the
 * connection closing) ends them. Everything else passes through untouched, in order.
 */
/** A connection's listen streams and what they subscribed through its one sink. */
interface Listening {
  sink: LiveSink;
  /** The URIs each open listen stream subscribed to. */
  streams: Map<RequestId, string[]>;
  /** How many open streams of this connection want each URI (one subscription serves them all). */
  wanted: Map<string, number>;
}

export class ListeningTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  // Made with the connection's first listen stream: most connections never open one, and every open WebSocket
  // pays for what is made here at the start.
  private listening?: Listening;
  private inbound: Promise<void> = Promise.resolve();

  constructor(
    private readonly inner: Transport,
    private readonly options: ListeningTransportOptions,
  ) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  setSupportedProtocolVersions(versions: string[]): void {
    this.inner.setSupportedProtocolVersions?.(versions);
  }

  async start(): Promise<void> {
    this.inner.onmessage = (message, extra) => {
      // One message at a time, as received: a listen request waits for its subscriptions, and nothing overtakes it.
      this.inbound = this.inbound
        .then(() => this.received(message))
        .then((delivered) => this.onmessage?.(delivered, extra))
        .catch((error: unknown) => this.onerror?.(error as Error));
    };
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onclose = () => {
      this.endAll();
      this.onclose?.();
    };
    await this.inner.start();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    // The server's answer to a listen request (an error before the acknowledgement, or its closing result) ends that stream.
    const answered = message as { id?: RequestId; method?: unknown };
    if (answered.method === undefined && answered.id !== undefined && this.listening?.streams.has(answered.id)) this.end(answered.id);
    await this.inner.send(message, options);
  }

  async close(): Promise<void> {
    this.endAll();
    await this.inner.close();
  }

  private async received(message: JSONRPCMessage): Promise<JSONRPCMessage> {
    const incoming = message as { id?: RequestId; method?: string; params?: Record<string, unknown> };
    if (incoming.method === 'notifications/cancelled') {
      const cancelled = (incoming.params as { requestId?: RequestId } | undefined)?.requestId;
      if (cancelled !== undefined && this.listening?.streams.has(cancelled)) this.end(cancelled);
      return message;
    }
    if (incoming.method !== 'subscriptions/listen' || incoming.id === undefined) return message;
    const notifications = incoming.params?.notifications as { resourceSubscriptions?: unknown } | undefined;
    const requested = notifications?.resourceSubscriptions;
    if (!Array.isArray(requested)) return message;
    const caller = this.options.caller();
    const uris = [...new Set(requested.filter((uri): uri is string => typeof uri === 'string' && this.options.allowed(uri, caller)))];
    const { streams, wanted, sink } = (this.listening ??= {
      sink: { id: `connection:${randomUUID()}`, notify: (uri) => this.options.notify(uri) },
      streams: new Map(),
      wanted: new Map(),
    });
    streams.set(incoming.id, uris);
    for (const uri of uris) {
      const count = wanted.get(uri) ?? 0;
      wanted.set(uri, count + 1);
      if (count === 0) await this.options.live.subscribe(sink, uri, caller);
    }
    return { ...message, params: { ...incoming.params, notifications: { ...notifications, resourceSubscriptions: uris } } } as JSONRPCMessage;
  }

  private end(id: RequestId): void {
    if (!this.listening) return;
    const { streams, wanted, sink } = this.listening;
    const uris = streams.get(id) ?? [];
    streams.delete(id);
    for (const uri of uris) {
      const count = (wanted.get(uri) ?? 1) - 1;
      if (count > 0) {
        wanted.set(uri, count);
        continue;
      }
      wanted.delete(uri);
      void this.options.live.unsubscribe(sink.id, uri).catch((error: unknown) => this.options.onerror?.(error as Error));
    }
  }

  private endAll(): void {
    // Nothing was subscribed through a connection that never opened a listen stream; and a close reaches here twice
    // (ours, then the inner transport's), which releases once.
    const listening = this.listening;
    this.listening = undefined;
    if (listening) void this.options.live.release(listening.sink.id).catch((error: unknown) => this.options.onerror?.(error as Error));
  }
}

