import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createMemoryState, createRedisState, RecordCipher, type HostState } from '../src/index.js';
import { requireRedis } from './redis.js';

const options = { sessionTtlMs: 60_000, eventTtlMs: 60_000, maxEventsPerStream: 5 };

function stateContract(name: string, make: () => Promise<{ state: HostState; raw?: (key: string) => Promise<string | null>; prefix?: string; done(): Promise<void> }>) {
  describe(`${name} state`, () => {
    let made: Awaited<ReturnType<typeof make>>;
    before(async () => {
      made = await make();
    });
    after(async () => {
      await made.done();
    });

    test('sessions: create, read, update, delete', async () => {
      const { sessions } = made.state;
      await sessions.create({ id: 's1', owner: 'dev:alice', kind: 'streamable', createdAt: 1 });
      assert.deepEqual(await sessions.get('s1'), { id: 's1', owner: 'dev:alice', kind: 'streamable', createdAt: 1 });
      await sessions.update('s1', { protocolVersion: '2025-06-18', initialize: { clientInfo: { name: 'secret-client' } } });
      assert.equal((await sessions.get('s1'))?.protocolVersion, '2025-06-18');
      assert.equal(await sessions.delete('s1'), true);
      assert.equal(await sessions.get('s1'), undefined);
      assert.equal(await sessions.delete('s1'), false);
    });

    test('events: ids name their stream; replay after an id; bounded per stream', async () => {
      const { events } = made.state;
      const ids: string[] = [];
      for (let n = 1; n <= 3; n++) ids.push(await events.append('sess/standalone', { n }));
      await events.append('other/standalone', { n: 99 });
      const replay = await events.after(ids[0]!);
      assert.equal(replay?.stream, 'sess/standalone');
      assert.deepEqual(replay?.events.map((event) => event.message), [{ n: 2 }, { n: 3 }]);
      assert.deepEqual(replay?.events.map((event) => event.id), ids.slice(1));
      assert.equal(await events.after('not-an-id'), undefined);
      for (let n = 4; n <= 40; n++) await events.append('sess/standalone', { n });
      const all = await events.after(ids[0]!);
      // Redis trims approximately (MAXLEN ~): bounded, but not exactly at 5.
      assert.ok(all!.events.length < 40, `kept ${all!.events.length} of 40`);
      assert.deepEqual(all!.events.at(-1)?.message, { n: 40 });
    });

    test('bus: subscribers get what is published; unsubscribe stops it', async () => {
      const { bus } = made.state;
      const received: unknown[] = [];
      let arrived!: () => void;
      const first = new Promise<void>((resolve) => (arrived = resolve));
      const unsubscribe = await bus.subscribe('chan', (payload) => {
        received.push(payload);
        arrived();
      });
      await bus.publish('chan', { hello: 1 });
      await first;
      await unsubscribe();
      await bus.publish('chan', { hello: 2 });
      await bus.publish('other', { hello: 3 });
      // A round trip through the same connection orders after the publishes above.
      await made.state.ping();
      assert.deepEqual(received, [{ hello: 1 }]);
    });

    if (name === 'redis') {
      test('session records are encrypted at rest and bound to their id', async () => {
        const { sessions } = made.state;
        await sessions.create({ id: 's2', owner: 'dev:alice', kind: 'streamable', createdAt: 2, initialize: { clientInfo: { name: 'secret-client' } } });
        const raw = await made.raw!(`${made.prefix}session:s2`);
        assert.ok(raw?.startsWith('v1.'));
        assert.doesNotMatch(raw!, /alice|secret-client/);
        assert.doesNotMatch(Buffer.from(raw!.slice(3), 'base64').toString('latin1'), /alice|secret-client/);
        // Copied under another id, the record does not open: it cannot be used to impersonate.
        await made.raw!(`COPY ${made.prefix}session:s2 ${made.prefix}session:s3`);
        assert.equal(await sessions.get('s3'), undefined);
      });
    }
  });
}

stateContract('memory', async () => {
  const state = createMemoryState(options);
  return { state, done: () => state.close() };
});

stateContract('redis', async () => {
  const redis = await requireRedis();
  const state = await createRedisState({ ...options, url: redis.url, prefix: redis.prefix, encryptionKey: randomBytes(32), log: silentLogger });
  return {
    state,
    prefix: redis.prefix,
    raw: async (key) => {
      if (key.startsWith('COPY ')) {
        const [, from, to] = key.split(' ');
        await redis.client.copy(from!, to!);
        return null;
      }
      return redis.client.get(key);
    },
    done: async () => {
      await state.close();
      await redis.cleanup();
    },
  };
});

test('RecordCipher refuses tampered text and other keys', () => {
  const cipher = new RecordCipher(randomBytes(32));
  const sealed = cipher.seal('{"a":1}', 'id-1');
  assert.equal(cipher.open(sealed, 'id-1'), '{"a":1}');
  assert.equal(cipher.open(sealed, 'id-2'), undefined);
  assert.equal(new RecordCipher(randomBytes(32)).open(sealed, 'id-1'), undefined);
  const bytes = Buffer.from(sealed.slice(3), 'base64');
  bytes[bytes.length - 1]! ^= 1;
  assert.equal(cipher.open(`v1.${bytes.toString('base64')}`, 'id-1'), undefined);
});
