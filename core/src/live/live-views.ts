import { createHash } from 'node:crypto';
import type { Caller } from '../dispatch.js';
import type { Logger } from '../log.js';
import type { ResourceContents } from '../resource-reader.js';
import { localCoordinator, type LiveCoordinator } from './coordinator.js';

/** Where a subscription's notifications go: a connection, a 2025 session, a `subscriptions/listen` stream. */
export interface LiveSink {
  /** Unique per subscriber; the same on every instance for a 2025 session (`session:<id>`), so any of them can end it. */
  readonly id: string;
  /** The resource at `uri` changed. */
  notify(uri: string): void | Promise<void>;
  /** Whether the subscriber is still there, asked before each poll: a 2025 session may expire without a word. */
  alive?(): Promise<boolean>;
}

/** What one poll round of a watch came to, for metrics: `standby` means another instance polls it. */
export type LivePollOutcome = 'baseline' | 'unchanged' | 'changed' | 'failed' | 'standby';

export interface LiveViewsOptions {
  /** Reads a resource as a caller (the kernel's ResourceReader). */
  read(uri: string, caller: Caller, signal: AbortSignal): Promise<ResourceContents>;
  /** Milliseconds between two polls of one watch (default {@link DEFAULT_LIVE_POLL_MS}). */
  pollIntervalMs?: number;
  log: Logger;
  /** Several instances: who polls and how changes travel (default: this process alone). Closed with the views. */
  coordinator?: LiveCoordinator;
  /**
   * The sink of a 2025 session whose subscribe reached this server (the remote host's, delivering through the
   * session's stream wherever it is held). Without it a subscription belongs to the connection's server instance.
   */
  sessionSink?(sessionId: string): LiveSink;
  onPoll?(outcome: LivePollOutcome): void;
}

export const DEFAULT_LIVE_POLL_MS = 15_000;
/** Below this a poll loop would hammer Gauzy for nothing a dashboard can show. */
export const MIN_LIVE_POLL_MS = 100;

interface Watch {
  readonly key: string;
  readonly uri: string;
  /** Who the poll reads as: the latest subscriber of this identity (every one of them sees the same contents). */
  caller: Caller;
  readonly sinks: Map<string, LiveSink>;
  stopped: boolean;
  timer?: NodeJS.Timeout;
  abort?: AbortController;
  unwatch: Promise<() => Promise<void>>;
  /** Settles once the first round has read the contents a change is measured against. */
  firstRound: Promise<void>;
}

/**
 * Live views: resources polled while someone is subscribed, and a notification to each subscriber when what
 * they would read changes. A watch is per identity and URI, so a poll reads as that identity and two users
 * subscribed to one URI are two polls: one user's contents, or the news that they changed, never reach another.
 * Nothing is read while nobody is subscribed; the last subscriber leaving stops the watch.
 */
export class LiveViews {
  readonly pollIntervalMs: number;
  readonly sessionSink?: (sessionId: string) => LiveSink;
  private readonly coordinator: LiveCoordinator;
  private readonly watches = new Map<string, Watch>();
  /** The watch keys each sink is subscribed to. */
  private readonly sinkKeys = new Map<string, Set<string>>();
  private readonly releasesHeard: Promise<void>;
  private closed = false;

  constructor(private readonly options: LiveViewsOptions) {
    this.pollIntervalMs = Math.max(MIN_LIVE_POLL_MS, options.pollIntervalMs ?? DEFAULT_LIVE_POLL_MS);
    this.sessionSink = options.sessionSink;
    this.coordinator = options.coordinator ?? localCoordinator();
    this.releasesHeard = this.coordinator.onRelease((sinkId, uri) => this.drop(sinkId, uri));
  }

  /** Watches running in this process (each polls, or stands by while another instance polls it). */
  get watchCount(): number {
    return this.watches.size;
  }

  /**
   * Subscribes `sink` to `uri` as `caller`. Resolves once the contents a change is measured against have been
   * read, so a change made after this resolves is notified.
   */
  async subscribe(sink: LiveSink, uri: string, caller: Caller): Promise<void> {
    if (this.closed) throw new Error('live views are closed');
    await this.releasesHeard;
    const key = watchKey(identityOf(caller), uri);
    const watch = this.watches.get(key) ?? this.start(key, uri, caller);
    watch.caller = caller;
    watch.sinks.set(sink.id, sink);
    let keys = this.sinkKeys.get(sink.id);
    if (!keys) this.sinkKeys.set(sink.id, (keys = new Set()));
    keys.add(key);
    await watch.firstRound;
  }

  /** Ends one subscription, in whichever instance holds it. */
  async unsubscribe(sinkId: string, uri: string): Promise<void> {
    this.drop(sinkId, uri);
    await this.coordinator.release(sinkId, uri);
  }

  /** Ends every subscription of a sink (its connection closed, its session ended), in whichever instance holds them. */
  async release(sinkId: string): Promise<void> {
    this.drop(sinkId);
    await this.coordinator.release(sinkId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.watches.values()].map((watch) => this.stop(watch)));
    this.sinkKeys.clear();
    await this.coordinator.close();
  }

  /** Drops a sink's subscriptions held here (one URI's, or all); a watch left without sinks stops. */
  private drop(sinkId: string, uri?: string): void {
    const keys = this.sinkKeys.get(sinkId);
    if (!keys) return;
    for (const key of [...keys]) {
      const watch = this.watches.get(key);
      if (watch && uri !== undefined && watch.uri !== uri) continue;
      keys.delete(key);
      if (!watch) continue;
      watch.sinks.delete(sinkId);
      if (watch.sinks.size === 0) void this.stop(watch);
    }
    if (keys.size === 0) this.sinkKeys.delete(sinkId);
  }

  private start(key: string, uri: string, caller: Caller): Watch {
    const watch = { key, uri, caller, sinks: new Map(), stopped: false } as Watch;
    this.watches.set(key, watch);
    watch.unwatch = this.coordinator.watch(key, () => this.deliver(watch));
    watch.firstRound = watch.unwatch.then(() => this.round(watch));
    return watch;
  }

  /** One round: forget subscribers that are gone, poll if this instance is the one to, and schedule the next. */
  private async round(watch: Watch): Promise<void> {
    if (watch.stopped) return;
    try {
      for (const sink of [...watch.sinks.values()]) {
        if (sink.alive && !(await sink.alive())) await this.release(sink.id);
      }
      if (watch.stopped) return;
      const outcome = (await this.coordinator.claim(watch.key)) ? await this.poll(watch) : 'standby';
      this.options.onPoll?.(outcome);
    } catch (error) {
      this.options.log.warn('live view round failed', { uri: watch.uri, error: (error as Error).message });
    } finally {
      if (!watch.stopped) {
        watch.timer = setTimeout(() => void this.round(watch), this.pollIntervalMs);
        watch.timer.unref();
      }
    }
  }

  private async poll(watch: Watch): Promise<LivePollOutcome> {
    const abort = new AbortController();
    watch.abort = abort;
    let contents: ResourceContents;
    try {
      contents = await this.options.read(watch.uri, watch.caller, abort.signal);
    } catch (error) {
      if (!watch.stopped) this.options.log.debug('live view read failed', { uri: watch.uri, error: (error as Error).message });
      return 'failed';
    } finally {
      watch.abort = undefined;
    }
    if (watch.stopped) return 'unchanged';
    const digest = createHash('sha256').update(JSON.stringify(contents)).digest('base64url');
    const previous = await this.coordinator.digest(watch.key);
    await this.coordinator.record(watch.key, digest);
    if (previous === undefined) return 'baseline';
    if (previous === digest) return 'unchanged';
    await this.coordinator.announce(watch.key);
    return 'changed';
  }

  private deliver(watch: Watch): void {
    for (const sink of watch.sinks.values()) {
      Promise.resolve()
        .then(() => sink.notify(watch.uri))
        .catch((error: unknown) => this.options.log.warn('live view notification failed', { uri: watch.uri, error: (error as Error).message }));
    }
  }

  private async stop(watch: Watch): Promise<void> {
    if (watch.stopped) return;
    watch.stopped = true;
    if (this.watches.get(watch.key) === watch) this.watches.delete(watch.key);
    clearTimeout(watch.timer);
    watch.abort?.abort();
    try {
      await (await watch.unwatch)();
      // A subscriber may have come back meanwhile: its new watch keeps the key.
      if (!this.watches.has(watch.key)) await this.coordinator.yield(watch.key);
    } catch (error) {
      this.options.log.warn('live view could not stop cleanly', { uri: watch.uri, error: (error as Error).message });
    }
  }
}

/** The identity a watch reads as: the caller's subject; the one user of a process that serves one (stdio). */
export function identityOf(caller: Pick<Caller, 'subject'>): string {
  return caller.subject ?? 'local';
}

/** A watch's name, the same on every instance; hashed, so neither the identity nor the URI shows in shared state. */
export function watchKey(identity: string, uri: string): string {
  return createHash('sha256').update(`${identity}\n${uri}`).digest('base64url');
}
