import { Redis, ReplyError } from 'ioredis';
import type { Logger } from '@gauzy-mcp/core';
import { RecordCipher } from '@gauzy-mcp/core/state';
import { eventId, parseEventId, StateUnavailableError, type EventLog, type HostState, type KeyValueStore, type MessageBus, type RateCounter, type SessionRecord, type SessionStore, type StateOptions, type StoredEvent } from './types.js';

export interface RedisStateOptions extends StateOptions {
  url: string;
  /** Every key and channel starts with it, so several deployments (or tests) share one Redis safely. */
  prefix: string;
  encryptionKey: Buffer;
  log: Logger;
}

/** Shared state for several instances: sessions (encrypted), resumable events (Redis streams), and pub/sub. */
export async function createRedisState(options: RedisStateOptions): Promise<HostState> {
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', (error) => options.log.warn('redis connection error', { error: error.message }));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${redactUrl(options.url)}: ${(error as Error).message}`);
  }
  const bus = new RedisBus(redis, options.prefix, options.log);
  return {
    kind: 'redis',
    redis,
    sessions: guarded(new RedisSessions(redis, options.prefix, options.sessionTtlMs, new RecordCipher(options.encryptionKey)), ['create', 'get', 'update', 'delete', 'exists']),
    events: guarded(new RedisEvents(redis, options.prefix, options), ['append', 'after']),
    bus: guarded(bus, ['publish', 'subscribe']),
    kv: guarded(new RedisKeyValues(redis, options.prefix), ['get', 'set', 'delete', 'setIfAbsent']),
    rates: guarded(new RedisRateCounter(redis, options.prefix), ['hit']),
    ping: async () => {
      await redis.ping();
    },
    close: async () => {
      await bus.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

class RedisSessions implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
    private readonly cipher: RecordCipher,
  ) {}

  private key(id: string): string {
    return `${this.prefix}session:${id}`;
  }

  async create(record: SessionRecord): Promise<void> {
    await this.redis.set(this.key(record.id), this.cipher.seal(JSON.stringify(record), record.id), 'PX', this.ttlMs);
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const sealed = await this.redis.getex(this.key(id), 'PX', this.ttlMs);
    if (!sealed) return undefined;
    const plain = this.cipher.open(sealed, id);
    return plain ? (JSON.parse(plain) as SessionRecord) : undefined;
  }

  async update(id: string, patch: Partial<SessionRecord>): Promise<void> {
    const current = await this.get(id);
    if (current) await this.create({ ...current, ...patch, id: current.id, owner: current.owner });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.redis.del(this.key(id))) > 0;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.redis.exists(this.key(id))) > 0;
  }
}

class RedisEvents implements EventLog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: StateOptions,
  ) {}

  private key(stream: string): string {
    return `${this.prefix}events:${stream}`;
  }

  async append(stream: string, message: unknown): Promise<string> {
    const key = this.key(stream);
    const result = await this.redis
      .multi()
      .xadd(key, 'MAXLEN', '~', String(this.options.maxEventsPerStream), '*', 'm', JSON.stringify(message))
      .pexpire(key, this.options.eventTtlMs)
      .exec();
    const [error, position] = result?.[0] ?? [new Error('no reply')];
    if (error || typeof position !== 'string') throw error ?? new Error('XADD answered without an id');
    return eventId(stream, position);
  }

  async after(id: string): Promise<{ stream: string; events: StoredEvent[] } | undefined> {
    const parsed = parseEventId(id);
    if (!parsed || !/^\d+-\d+$/.test(parsed.position)) return undefined;
    const key = this.key(parsed.stream);
    const [[, exists], [, entries]] = (await this.redis.multi().exists(key).xrange(key, `(${parsed.position}`, '+').exec()) as [[unknown, number], [unknown, Array<[string, string[]]>]];
    if (!exists) return undefined;
    return {
      stream: parsed.stream,
      events: entries.map(([position, fields]) => ({ id: eventId(parsed.stream, position), message: JSON.parse(fields[1] ?? 'null') as unknown })),
    };
  }
}

/** One subscriber connection per instance, multiplexing every channel this instance listens on. */
class RedisBus implements MessageBus {
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {}

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.redis.publish(this.prefix + channel, JSON.stringify(payload));
  }

  async subscribe(channel: string, listener: (payload: unknown) => void): Promise<() => Promise<void>> {
    const subscriber = await this.connection();
    const name = this.prefix + channel;
    let set = this.listeners.get(name);
    if (!set) {
      this.listeners.set(name, (set = new Set()));
      await subscriber.subscribe(name);
    }
    set.add(listener);
    return async () => {
      const current = this.listeners.get(name);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(name);
      await subscriber.unsubscribe(name).catch(() => {});
    };
  }

  private async connection(): Promise<Redis> {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('error', (error) => this.log.warn('redis subscriber error', { error: error.message }));
    subscriber.on('message', (channel: string, text: string) => {
      let payload: unknown;
      try {
        payload = JSON.parse(text);
      } catch {
        return;
      }
      for (const listener of this.listeners.get(channel) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          this.log.warn('bus listener failed', { error });
        }
      }
    });
    return subscriber;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}

class RedisKeyValues implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs) await this.redis.set(this.prefix + key, value, 'PX', ttlMs);
    else await this.redis.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.prefix + key, value, 'PX', ttlMs, 'NX')) === 'OK';
  }
}

/** INCR and, on a window's first hit, its expiry; one round trip, atomic across instances. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

class RedisRateCounter implements RateCounter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
    const [count, resetMs] = (await this.redis.eval(HIT_SCRIPT, 1, `${this.prefix}rate-limit:${key}`, String(windowMs))) as [number, number];
    return { count, resetMs };
  }
}

/**
 * Every store method fails with StateUnavailableError when Redis cannot be reached (the connection is
 * down and ioredis gave up retrying the command), so the host can answer 503 instead of 500. A reply
 * error (Redis answered, but refused the command) stays what it is: that is a bug, not an outage.
 */
function guarded<T extends object>(store: T, methods: ReadonlyArray<keyof T & string>): T {
  for (const name of methods) {
    const method = store[name] as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(store, name, {
      value: async (...args: unknown[]) => {
        try {
          return await method.apply(store, args);
        } catch (error) {
          throw error instanceof ReplyError || error instanceof StateUnavailableError ? error : new StateUnavailableError(error);
        }
      },
    });
  }
  return store;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
