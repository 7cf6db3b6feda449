import { randomBytes } from 'node:crypto';

export { REDIS_URL, requireRedis, startRedisRelay } from '@gauzy-mcp/testkit/redis';

export function randomStateKey(): string {
  return randomBytes(32).toString('base64');
}
