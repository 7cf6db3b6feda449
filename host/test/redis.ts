import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A real Redis for the tests that need one; never skipped. Without one the test fails and says how to
 * provide it. Each test gets its own key prefix and removes its keys afterwards.
 */
export async function requireRedis(): Promise<{ url: string; prefix: string; client: Redis; cleanup(): Promise<void> }> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new Error(
      `These tests need a Redis at ${REDIS_URL} (${(error as Error).message}). Start one with \`redis-server --daemonize yes\` ` +
        '(Debian: apt-get install -y redis-server), or point REDIS_URL at one. `.ci/run` starts it for you.',
    );
  }
  const prefix = `gauzy-mcp-test:${randomBytes(6).toString('hex')}:`;
  return {
    url: REDIS_URL,
    prefix,
    client,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await client.del(...keys);
      } while (cursor !== '0');
      await client.quit();
    },
  };
}

export function randomStateKey(): string {
  return randomBytes(32).toString('base64');
}
