import { randomBytes } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
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

/**
 * A TCP relay in front of the real Redis that a test can cut and restore: "Redis went away" without
 * touching the machine's Redis, which other tests are using.
 */
export async function startRedisRelay(target: string = REDIS_URL): Promise<{ url: string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(Number(targetPort || 6379), hostname || '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as AddressInfo).port;
  const cut = async () => {
    await new Promise<void>((resolve) => {
      relay.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    cut,
    restore: () => new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      if (relay.listening) await cut();
    },
  };
}
