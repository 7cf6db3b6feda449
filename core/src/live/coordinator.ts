/**
 * Who polls what, and how a change travels, where live views are watched by more than one process. A watch is
 * named by a key (the subscriber's identity and the URI, hashed): every process holding subscribers of that key
 * watches it, one of them polls it, and a change it sees reaches them all.
 */
export interface LiveCoordinator {
  /** True when this process is to poll `key` this round: always, alone; the holder of the key's lease, in a cluster. */
  claim(key: string): Promise<boolean>;
  /** This process no longer watches `key` (its last subscriber here left): its lease, if it holds it, is given up. */
  yield(key: string): Promise<void>;
  /** The digest of `key`'s contents the last poll saw, by whichever process made it. */
  digest(key: string): Promise<string | undefined>;
  /** Records the digest a poll saw. */
  record(key: string, digest: string): Promise<void>;
  /** Tells every process watching `key` that its contents changed. */
  announce(key: string): Promise<void>;
  /** Calls `listener` on each change of `key` (seen here or elsewhere) until the returned function is called. */
  watch(key: string, listener: () => void): Promise<() => Promise<void>>;
  /** Ends a subscriber's subscriptions (all, or one URI's) in every process, e.g. a 2025 session's unsubscribe that reached another instance. */
  release(sinkId: string, uri?: string): Promise<void>;
  /** `listener` hears every release, this process's own included. */
  onRelease(listener: (sinkId: string, uri?: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** One process: it polls everything it watches, and a change is heard where it was seen. */
export function localCoordinator(): LiveCoordinator {
  const digests = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  return {
    claim: async () => true,
    yield: async (key) => {
      // A later subscription starts from its own first read, not from what an earlier one last saw.
      digests.delete(key);
    },
    digest: async (key) => digests.get(key),
    record: async (key, digest) => {
      digests.set(key, digest);
    },
    announce: async (key) => {
      for (const listener of [...(listeners.get(key) ?? [])]) listener();
    },
    watch: async (key, listener) => {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return async () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    // Releases are applied where they are made; nobody else holds this process's subscribers.
    release: async () => {},
    onRelease: async () => {},
    close: async () => {
      digests.clear();
      listeners.clear();
    },
  };
}
