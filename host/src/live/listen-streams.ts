import { randomUUID } from 'node:crypto';
import { createMcpHandler, type McpHttpHandler, type Server, type ServerEvent, type ServerEventBus } from '@modelcontextprotocol/server';
import type { LiveSink, LiveViews, ResourceReader } from '@gauzy-mcp/core/internal';
import type { Identity } from '../identity.js';

/** Open listen streams one instance serves at most (the SDK's own default for one handler). */
const MAX_STREAMS = 1024;

export interface ListenStreamsOptions {
  serverFactory: () => Server;
  live: LiveViews;
  resources: ResourceReader;
  onError(error: Error): void;
}

/** One listen request, ready for the SDK: its handler, the request as it goes on, and what to do once it was answered. */
export interface ListenStream {
  handler: McpHttpHandler;
  body: unknown;
  /** Called once the handler answered: a request the SDK refused (no stream opened) subscribes to nothing. */
  settle(): void;
}

/**
 * 2026-07-28 `subscriptions/listen` over HTTP. The SDK serves the stream (acknowledgement first, the subscription id
 * on every notification, keep-alives, the closing answer) and takes its events from a `ServerEventBus`; its bus is
 * one for every stream of a handler and knows nobody. So each listen request gets a handler of its own whose bus is
 * fed by that caller's live views only: a change one user's poll sees never reaches another user's stream. The
 * request's `resourceSubscriptions` are narrowed to the URIs the caller may read (the acknowledgement then names
 * only those) and subscribed before the SDK answers, so a change made once the client holds the acknowledgement is
 * notified; the stream's end (the client closing it, the host shutting down) ends them.
 */
export class ListenStreams {
  private readonly open = new Set<McpHttpHandler>();

  constructor(private readonly options: ListenStreamsOptions) {}

  static isListen(body: unknown): boolean {
    return (body as { method?: unknown } | null)?.method === 'subscriptions/listen';
  }

  get openCount(): number {
    return this.open.size;
  }

  /** The stream for one listen request, or the in-band refusal (as the SDK words it) when this instance holds too many. */
  async prepare(identity: Identity, body: Record<string, unknown>): Promise<ListenStream | { refusal: Record<string, unknown> }> {
    if (this.open.size >= MAX_STREAMS) return { refusal: { jsonrpc: '2.0', id: body.id ?? null, error: { code: -32603, message: 'Subscription limit reached' } } };
    const params = (body.params ?? {}) as Record<string, unknown>;
    const notifications = params.notifications as { resourceSubscriptions?: unknown } | undefined;
    const requested = Array.isArray(notifications?.resourceSubscriptions) ? (notifications.resourceSubscriptions as unknown[]) : undefined;
    const uris = [...new Set((requested ?? []).filter((uri): uri is string => typeof uri === 'string' && this.options.resources.access(uri, identity.caller) === 'ok'))];

    const bus = new StreamBus();
    const sink: LiveSink = { id: `listen:${randomUUID()}`, notify: (uri) => bus.publish({ kind: 'resource_updated', uri }) };
    for (const uri of uris) await this.options.live.subscribe(sink, uri, identity.caller);
    const handler = createMcpHandler(() => this.options.serverFactory(), { legacy: 'reject', bus, onerror: this.options.onError });
    this.open.add(handler);
    const end = () => {
      this.open.delete(handler);
      void this.options.live.release(sink.id).catch((error: unknown) => this.options.onError(error as Error));
      void handler.close().catch(() => {});
    };
    bus.onEnd(end);
    return {
      handler,
      body: requested === undefined ? body : { ...body, params: { ...params, notifications: { ...notifications, resourceSubscriptions: uris } } },
      settle: () => {
        if (!bus.started) end();
      },
    };
  }

  /** Shutdown: each stream gets the SDK's closing answer, and its subscriptions end. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((handler) => handler.close().catch(() => {})));
  }
}

/**
 * The bus of one listen stream: its one listener is the SDK's (registered when the stream starts, removed when it
 * ends). A change heard before the stream started is kept for it.
 */
class StreamBus implements ServerEventBus {
  started = false;
  private listener?: (event: ServerEvent) => void;
  private readonly early: ServerEvent[] = [];
  private ended?: () => void;

  onEnd(ended: () => void): void {
    this.ended = ended;
  }

  publish(event: ServerEvent): void {
    if (this.listener) this.listener(event);
    else if (!this.started) this.early.push(event);
  }

  subscribe(listener: (event: ServerEvent) => void): () => void {
    this.started = true;
    this.listener = listener;
    for (const event of this.early.splice(0)) listener(event);
    let live = true;
    return () => {
      if (!live) return;
      live = false;
      this.listener = undefined;
      this.ended?.();
    };
  }
}
