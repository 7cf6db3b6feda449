import { EventEmitter } from 'node:events';
import { MemoryKeyValueStore } from '@gauzy-mcp/core/state';
import { eventId, parseEventId, type EventLog, type HostState, type MessageBus, type RateCounter, type SessionRecord, type SessionStore, type StateOptions, type StoredEvent } from './types.js';

/** One process, nothing to set up: the default. Expiry is checked on read, and a sweep drops the rest. */
export function createMemoryState(options: StateOptions): HostState {
  const sessions = new MemorySessions(options.sessionTtlMs);
  const events = new MemoryEvents(options);
  const bus = new MemoryBus();
  const kv = new MemoryKeyValueStore();
  const rates = new MemoryRateCounter();
  const sweep = setInterval(() => {
    sessions.sweep();
    events.sweep();
    kv.sweep();
    rates.sweep();
  }, 60_000);
  sweep.unref();
  return {
    kind: 'memory',
    sessions,
    events,
    bus,
    kv,
    rates,
    ping: async () => {},
    close: async () => clearInterval(sweep),
  };
}

class MemorySessions implements SessionStore {
  private readonly records = new Map<string, { record: SessionRecord; expiresAt: number }>();
  constructor(private readonly ttlMs: number) {}

  async create(record: SessionRecord): Promise<void> {
    this.records.set(record.id, { record: deepFrozenCopy(record), expiresAt: Date.now() + this.ttlMs });
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const entry = this.records.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.records.delete(id);
      return undefined;
    }
    entry.expiresAt = Date.now() + this.ttlMs;
    // A copy of the top level is enough: what lies below is frozen, so no caller can change the stored record.
    return { ...entry.record };
  }

  async update(id: string, patch: Partial<SessionRecord>): Promise<void> {
    const entry = this.records.get(id);
    if (entry) entry.record = deepFrozenCopy({ ...entry.record, ...patch, id: entry.record.id, owner: entry.record.owner });
  }

  async delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  async exists(id: string): Promise<boolean> {
    const entry = this.records.get(id);
    return entry !== undefined && entry.expiresAt > Date.now();
  }

  sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.records) if (entry.expiresAt <= now) this.records.delete(id);
  }
}

class MemoryEvents implements EventLog {
  private readonly streams = new Map<string, { next: number; events: StoredEvent[]; expiresAt: number }>();
  constructor(private readonly options: StateOptions) {}

  async append(stream: string, message: unknown): Promise<string> {
    let entry = this.streams.get(stream);
    if (!entry) this.streams.set(stream, (entry = { next: 1, events: [], expiresAt: 0 }));
    const id = eventId(stream, String(entry.next++));
    entry.events.push({ id, message });
    if (entry.events.length > this.options.maxEventsPerStream) entry.events.splice(0, entry.events.length - this.options.maxEventsPerStream);
    entry.expiresAt = Date.now() + this.options.eventTtlMs;
    return id;
  }

  async after(id: string): Promise<{ stream: string; events: StoredEvent[] } | undefined> {
    const parsed = parseEventId(id);
    if (!parsed || !/^\d+$/.test(parsed.position)) return undefined;
    const entry = this.streams.get(parsed.stream);
    if (!entry || entry.expiresAt <= Date.now()) return undefined;
    const position = Number(parsed.position);
    return { stream: parsed.stream, events: entry.events.filter((event) => Number(parseEventId(event.id)!.position) > position) };
  }

  sweep(): void {
    const now = Date.now();
    for (const [stream, entry] of this.streams) if (entry.expiresAt <= now) this.streams.delete(stream);
  }
}

class MemoryBus implements MessageBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, payload: unknown): Promise<void> {
    // Asynchronous like Redis: a publisher never runs its subscribers inside its own call stack.
    queueMicrotask(() => this.emitter.emit(channel, structuredClone(payload)));
  }

  async subscribe(channel: string, listener: (payload: unknown) => void): Promise<() => Promise<void>> {
    this.emitter.on(channel, listener);
    return async () => {
      this.emitter.off(channel, listener);
    };
  }
}

class MemoryRateCounter implements RateCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  async hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) this.windows.set(key, (window = { count: 0, endsAt: now + windowMs }));
    window.count++;
    return { count: window.count, resetMs: window.endsAt - now };
  }

  sweep(): void {
    const now = Date.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

/** A stored value no caller can reach into: copied once when written, frozen all the way down. */
function deepFrozenCopy<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (node: unknown) => {
    if (node === null || typeof node !== 'object' || Object.isFrozen(node)) return;
    Object.freeze(node);
    for (const child of Object.values(node)) freeze(child);
  };
  freeze(copy);
  return copy;
}
