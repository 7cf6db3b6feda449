import { randomUUID } from 'node:crypto';
import type { LiveCoordinator } from '@gauzy-mcp/core/internal';
import type { HostState } from '../state/index.js';

/** The least a poll lease lasts: a poll round may take a while (Gauzy's own timeout), and a lapse means two pollers. */
const MIN_LEASE_MS = 15_000;

/**
 * Live views shared by the instances of one state (Redis; memory for one process). Each watch key (an identity and
 * a URI, hashed) has a lease, taken with SET NX PX and renewed each round by the instance holding it: that one polls,
 * the others holding subscribers of the key stand by and take the lease over when it lapses (its holder stopped, or
 * its subscribers left). The digest of the last poll is shared, so a takeover compares with what was last seen. A
 * change is published on the key's channel and every instance watching the key tells its own subscribers; so a 2025
 * session held elsewhere, or a listen stream on another instance, hears a change polled here.
 */
export function sharedCoordinator(state: HostState, options: { pollIntervalMs: number }): LiveCoordinator {
  const instance = randomUUID();
  const leaseMs = Math.max(3 * options.pollIntervalMs, MIN_LEASE_MS);
  const lease = (key: string) => `live:lease:${key}`;
  const digest = (key: string) => `live:digest:${key}`;
  const changed = (key: string) => `live:changed:${key}`;
  const RELEASES = 'live:release';
  const unsubscribes: Array<() => Promise<void>> = [];
  return {
    async claim(key) {
      if (await state.kv.setIfAbsent(lease(key), instance, leaseMs)) return true;
      // Renewed by its holder only. A read and a write, not one step: a lease that lapses between them is taken
      // by both for a round at worst, which a lease far longer than a round makes rare.
      if ((await state.kv.get(lease(key))) !== instance) return false;
      await state.kv.set(lease(key), instance, leaseMs);
      return true;
    },
    async yield(key) {
      if ((await state.kv.get(lease(key))) === instance) await state.kv.delete(lease(key));
    },
    digest: (key) => state.kv.get(digest(key)),
    record: (key, value) => state.kv.set(digest(key), value, 2 * leaseMs),
    announce: (key) => state.bus.publish(changed(key), {}),
    watch: (key, listener) => state.bus.subscribe(changed(key), () => listener()),
    release: (sinkId, uri) => state.bus.publish(RELEASES, uri === undefined ? { sinkId } : { sinkId, uri }),
    async onRelease(listener) {
      unsubscribes.push(
        await state.bus.subscribe(RELEASES, (payload) => {
          const { sinkId, uri } = payload as { sinkId?: unknown; uri?: unknown };
          if (typeof sinkId === 'string') listener(sinkId, typeof uri === 'string' ? uri : undefined);
        }),
      );
    },
    async close() {
      await Promise.all(unsubscribes.splice(0).map((unsubscribe) => unsubscribe().catch(() => {})));
    },
  };
}
