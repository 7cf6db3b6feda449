import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { Redis } from 'ioredis';

/**
 * Redis for the tests that need one (`@gauzy-mcp/testkit/redis`; ioredis is an optional peer of the
 * testkit, needed only here). Shared by the host, auth and CLI tests so each writes none of it again.
 */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  url: string;
  /** Every key the test writes starts with it; `cleanup` deletes those and nothing else. */
  prefix: string;
  client: Redis;
  keys(pattern?: string): Promise<string[]>;
  cleanup(): Promise<void>;
}

/**
 * A real Redis, never skipped: without one the test fails and says how to provide it. Each call gets its
 * own key prefix under `namespace`.
 */
export async function requireRedis(namespace = 'gauzy-mcp-test'): Promise<TestRedis> {
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
  const prefix = `${namespace}:${randomBytes(6).toString('hex')}:`;
  const keys = async (pattern = '*') => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found;
  };
  return {
    url: REDIS_URL,
    prefix,
    client,
    keys,
    async cleanup() {
      const mine = await keys(`${prefix}*`);
      if (mine.length) await client.del(...mine);
      await client.quit();
    },
  };
}

export interface RedisRelay {
  /** Point the code under test here instead of at Redis. */
  url: string;
  /** Redis "goes away": every relayed connection is cut and new ones are refused. */
  cut(): Promise<void>;
  /** Redis "comes back" on the same address. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of the real Redis that a test can cut and restore: an outage without touching the
 * machine's Redis, which other tests are using.
 */
export async function startRedisRelay(target: string = REDIS_URL): Promise<RedisRelay> {
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
  const cut = () =>
    new Promise<void>((resolve) => {
      relay.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    cut,
    restore: () => new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      if (relay.listening) await cut();
    },
  };
}
