import type { Logger } from '@gauzy-mcp/core';
import { decodeKey, type HostConfig } from '../config.js';
import { createMemoryState } from './memory.js';
import { createRedisState } from './redis.js';
import type { HostState } from './types.js';

export type { EventLog, HostState, KeyValueStore, MessageBus, RateCounter, SessionRecord, SessionStore, StoredEvent } from './types.js';
export { StateUnavailableError } from './types.js';
export { createMemoryState } from './memory.js';
export { createRedisState } from './redis.js';
export { RecordCipher } from '@gauzy-mcp/core/state';

/** Redis when configured (several instances), memory otherwise (one process, nothing to set up). */
export async function createHostState(config: HostConfig, log: Logger): Promise<HostState> {
  const options = {
    sessionTtlMs: config.state.sessionTtlSeconds * 1000,
    eventTtlMs: config.state.eventTtlSeconds * 1000,
    maxEventsPerStream: config.state.maxEventsPerStream,
  };
  if (!config.state.redisUrl) return createMemoryState(options);
  return createRedisState({ ...options, url: config.state.redisUrl, prefix: config.state.keyPrefix, encryptionKey: decodeKey(config.state.encryptionKey!)!, log });
}
