/** Retry-After (seconds) on every 503 answered while the state store (Redis) is unreachable. */
export const STATE_OUTAGE_RETRY_SECONDS = 5;

export const STATE_OUTAGE_BODY = {
  error: 'temporarily_unavailable',
  error_description: 'The authorization server cannot reach its state store (state store unreachable); retry shortly.',
} as const;

export { isStateOutage, StateUnavailableError } from '@gauzy-mcp/core/state';
