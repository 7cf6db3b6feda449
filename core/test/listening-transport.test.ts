import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/server';
import type { Caller } from '../src/dispatch.js';
import { ListeningTransport } from '../src/live/listening-transport.js';
import type { LiveSink, LiveViews } from '../src/live/live-views.js';

/** A connection's transport as the SDK drives it, and the live views it talks to, both recording what they were told. */
function connection() {
  const told: string[] = [];
  const inner: Transport & { deliver(message: JSONRPCMessage): void } = {
    async start() {},
    async send() {},
    async close() {
      inner.onclose?.();
    },
    deliver(message) {
      inner.onmessage?.(message);
    },
  };
  const live = {
    subscribe: async (sink: LiveSink, uri: string) => void told.push(`subscribe ${sink.id.split(':')[0]} ${uri}`),
    unsubscribe: async (_sinkId: string, uri: string) => void told.push(`unsubscribe ${uri}`),
    release: async (sinkId: string) => void told.push(`release ${sinkId.split(':')[0]}`),
  } as unknown as LiveViews;
  const transport = new ListeningTransport(inner, { live, caller: () => ({}) as Caller, allowed: () => true, notify: async () => {} });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (message) => void received.push(message);
  return { inner, transport, told, received };
}

const listen = { jsonrpc: '2.0', id: 7, method: 'subscriptions/listen', params: { notifications: { resourceSubscriptions: ['gauzy://timers/active'] } } } as JSONRPCMessage;
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a connection that never opens a listen stream subscribes and releases nothing', async () => {
  const { inner, transport, told, received } = connection();
  await transport.start();
  inner.deliver({ jsonrpc: '2.0', id: 1, method: 'ping' } as JSONRPCMessage);
  await settle();
  await transport.close();
  assert.equal(received.length, 1);
  assert.deepEqual(told, []);
});

test('a listen stream subscribes its resources before it goes on, and the connection closing releases them', async () => {
  const { inner, transport, told, received } = connection();
  await transport.start();
  inner.deliver(listen);
  await settle();
  assert.deepEqual(told, ['subscribe connection gauzy://timers/active']);
  assert.equal((received[0] as { method?: string }).method, 'subscriptions/listen');
  // Its cancellation ends it; the close then releases the connection's sink.
  inner.deliver({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7 } } as JSONRPCMessage);
  await settle();
  await transport.close();
  assert.deepEqual(told, ['subscribe connection gauzy://timers/active', 'unsubscribe gauzy://timers/active', 'release connection']);
});
