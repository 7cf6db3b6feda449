import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { createKernel, definePlugin, KERNEL_API_VERSION, silentLogger, type PluginDefinition } from '../src/index.js';
import { LiveViews, serveKernelOverStdio, type Caller, type LiveSink } from '../src/internal.js';

const POLL_MS = 100;
/** Long enough for many polls on a loaded machine; a wait that runs out fails the test, it never passes it. */
const WAIT_MS = 10_000;

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A caller as the engine sees one: only its subject matters to it (who a poll reads as). */
const callerNamed = (subject: string) => ({ subject }) as Caller;

/** What each identity would read at each URI, and how many reads each (identity, URI) got. */
class Data {
  readonly values = new Map<string, string>();
  readonly reads = new Map<string, number>();
  read = async (uri: string, caller: Caller) => {
    const key = `${caller.subject} ${uri}`;
    this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
    return [{ uri, mimeType: 'application/json', text: JSON.stringify({ value: this.values.get(key) ?? 'initial' }) }];
  };
  readsOf(subject: string, uri: string): number {
    return this.reads.get(`${subject} ${uri}`) ?? 0;
  }
}

function recordingSink(id: string): LiveSink & { notified: string[] } {
  const notified: string[] = [];
  return { id, notified, notify: (uri) => void notified.push(uri) };
}

test('a change is notified to its subscriber only; nothing changed, nothing notified; polls run per identity', async () => {
  const data = new Data();
  const live = new LiveViews({ read: data.read, pollIntervalMs: POLL_MS, log: silentLogger });
  const alice = recordingSink('alice-connection');
  const bob = recordingSink('bob-connection');
  try {
    await live.subscribe(alice, 'test://timers', callerNamed('alice'));
    await live.subscribe(bob, 'test://timers', callerNamed('bob'));
    assert.equal(live.watchCount, 2, 'two identities on one URI are two watches');
    const bobReads = data.readsOf('bob', 'test://timers');
    await until('three more polls as bob', () => data.readsOf('bob', 'test://timers') >= bobReads + 3);
    assert.deepEqual([alice.notified, bob.notified], [[], []], 'no change, no notification');

    data.values.set('alice test://timers', 'alice started a timer');
    await until("alice's notification", () => alice.notified.length === 1);
    const afterChange = data.readsOf('bob', 'test://timers');
    await until('three more polls as bob', () => data.readsOf('bob', 'test://timers') >= afterChange + 3);
    assert.deepEqual(alice.notified, ['test://timers'], 'one notification per change');
    assert.deepEqual(bob.notified, [], "alice's change never reaches bob's subscription");
  } finally {
    await live.close();
  }
});

test('nothing is read while nobody subscribes, and the last unsubscribe stops the polls', async () => {
  const data = new Data();
  const live = new LiveViews({ read: data.read, pollIntervalMs: POLL_MS, log: silentLogger });
  const sink = recordingSink('connection');
  try {
    // The clock is another subscription on the same interval: its polls mark the time that passes.
    await live.subscribe(sink, 'test://clock', callerNamed('alice'));
    await until('three polls of the clock', () => data.readsOf('alice', 'test://clock') >= 3);
    assert.equal(data.readsOf('alice', 'test://timers'), 0, 'not subscribed: never read');

    await live.subscribe(sink, 'test://timers', callerNamed('alice'));
    assert.equal(data.readsOf('alice', 'test://timers'), 1, 'subscribing reads once, for the state a change is measured against');
    await live.unsubscribe(sink.id, 'test://timers');
    assert.equal(live.watchCount, 1);
    const readsAtUnsubscribe = data.readsOf('alice', 'test://timers');
    const clock = data.readsOf('alice', 'test://clock');
    await until('three more polls of the clock', () => data.readsOf('alice', 'test://clock') >= clock + 3);
    assert.equal(data.readsOf('alice', 'test://timers'), readsAtUnsubscribe, 'unsubscribed: not read again');

    await live.release(sink.id);
    assert.equal(live.watchCount, 0);
  } finally {
    await live.close();
  }
});

test('a subscriber that is gone (its session expired) is dropped before the next poll, which then does not happen', async () => {
  const data = new Data();
  const live = new LiveViews({ read: data.read, pollIntervalMs: POLL_MS, log: silentLogger });
  let sessionAlive = true;
  const session: LiveSink = { id: 'session:1', notify: () => {}, alive: async () => sessionAlive };
  try {
    await live.subscribe(session, 'test://timers', callerNamed('alice'));
    sessionAlive = false;
    await until('the watch to stop', () => live.watchCount === 0);
    const reads = data.readsOf('alice', 'test://timers');
    const clockSink = recordingSink('clock');
    await live.subscribe(clockSink, 'test://clock', callerNamed('alice'));
    await until('three polls of the clock', () => data.readsOf('alice', 'test://clock') >= 3);
    assert.equal(data.readsOf('alice', 'test://timers'), reads);
  } finally {
    await live.close();
  }
});

/** A pack whose one resource shows `board.text`, so the test changes what a read returns. */
const board = { text: 'nobody is working', reads: 0 };
const boardPlugin: PluginDefinition = definePlugin({
  name: 'board',
  version: '1.0.0',
  description: 'A resource the test changes.',
  kernel: KERNEL_API_VERSION,
  toolsets: [],
  tools: [],
  resources: [
    {
      uri: 'test://board',
      name: 'board',
      mimeType: 'text/plain',
      read: async () => {
        board.reads++;
        return [{ uri: 'test://board', mimeType: 'text/plain', text: board.text }];
      },
    },
  ],
});

async function connectKernel(protocol: '2025-06-18' | '2026-07-28') {
  const kernel = createKernel({ plugins: [boardPlugin], gauzyBaseUrl: 'http://127.0.0.1:9', transport: 'stdio', log: silentLogger, live: { pollIntervalMs: POLL_MS } });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const handle = serveKernelOverStdio(kernel, silentLogger, serverSide);
  const client =
    protocol === '2026-07-28'
      ? new Client({ name: 'live-test', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } })
      : new Client({ name: 'live-test', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: [protocol] });
  const updates: string[] = [];
  client.setNotificationHandler('notifications/resources/updated', (notification) => void updates.push(notification.params.uri));
  await client.connect(clientSide);
  return { kernel, client, updates, close: async () => (await client.close(), await handle.close(), await kernel.live.close()) };
}

test('stdio, 2025 revisions: resources/subscribe notifies a change, unsubscribe stops the polls', async () => {
  board.text = 'nobody is working';
  const { kernel, client, updates, close } = await connectKernel('2025-06-18');
  try {
    assert.deepEqual(client.getServerCapabilities()?.resources, { subscribe: true, listChanged: false });
    await client.subscribeResource({ uri: 'test://board' });
    board.text = 'Ada is working';
    await until('the update', () => updates.length === 1);
    assert.deepEqual(updates, ['test://board']);
    assert.equal(((await client.readResource({ uri: 'test://board' })).contents[0] as { text?: string }).text, 'Ada is working');
    await client.unsubscribeResource({ uri: 'test://board' });
    assert.equal(kernel.live.watchCount, 0);
    await assert.rejects(client.subscribeResource({ uri: 'test://nothing' }), /Resource not found/);
  } finally {
    await close();
  }
});

test('stdio, 2026-07-28: subscriptions/listen is acknowledged with the URIs served, notifies a change, and closing it stops the polls', async () => {
  board.text = 'nobody is working';
  const { kernel, client, updates, close } = await connectKernel('2026-07-28');
  try {
    assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
    const readsBefore = board.reads;
    const subscription = await client.listen({ resourceSubscriptions: ['test://board', 'test://nothing'] });
    assert.deepEqual(subscription.honoredFilter, { resourceSubscriptions: ['test://board'] }, 'an unknown URI is not acknowledged');
    assert.equal(board.reads, readsBefore + 1, 'listening read the resource once before the acknowledgement');
    board.text = 'Grace is working';
    await until('the update', () => updates.length === 1);
    assert.deepEqual(updates, ['test://board']);
    await subscription.close();
    await until('the watch to stop', () => kernel.live.watchCount === 0);
  } finally {
    await close();
  }
});

test('a resource that reads Gauzy needs the mcp.read scope to be read or subscribed to; one that reads nothing does not', async () => {
  const gauzyBacked = definePlugin({
    name: 'gauzy-backed',
    version: '1.0.0',
    description: 'A resource that reads Gauzy.',
    kernel: KERNEL_API_VERSION,
    toolsets: [],
    tools: [],
    resources: [
      { uri: 'test://tasks', name: 'tasks', routes: ['GET /api/tasks'], read: async (ctx) => [{ uri: 'test://tasks', text: JSON.stringify(await ctx.gauzy.get('/api/tasks')) }] },
      { uri: 'test://static', name: 'static', read: async () => [{ uri: 'test://static', text: 'the same for everyone' }] },
    ],
  });
  const kernel = createKernel({ plugins: [gauzyBacked], gauzyBaseUrl: 'http://127.0.0.1:9', transport: 'memory', log: silentLogger, live: { pollIntervalMs: POLL_MS } });
  // A token granted none of the kernel's scopes (mcp.write and mcp.admin would include reading): nothing of Gauzy is read for it.
  const unscoped = kernel.serverFactoryFor(() => ({ ...kernel.caller, scopes: ['openid'] }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const handle = serveKernelOverStdio({ ...kernel, serverFactory: unscoped }, silentLogger, serverSide);
  const client = new Client({ name: 'live-test', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: ['2025-06-18'] });
  await client.connect(clientSide);
  try {
    await assert.rejects(client.readResource({ uri: 'test://tasks' }), /needs the mcp\.read scope/);
    await assert.rejects(client.subscribeResource({ uri: 'test://tasks' }), /needs the mcp\.read scope/);
    assert.equal(kernel.live.watchCount, 0);
    assert.equal(((await client.readResource({ uri: 'test://static' })).contents[0] as { text?: string }).text, 'the same for everyone');
  } finally {
    await client.close();
    await handle.close();
    await kernel.live.close();
  }
});
