import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningHost } from '../src/index.js';
import { createSandbox, openSession, rawPost, startTestHost, type Sandbox } from './helpers.js';

const LIST = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_projects', arguments: { take: 1 } } };

describe('session binding (off by default)', () => {
  let sandbox: Sandbox;
  let unbound: RunningHost;
  let bound: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    unbound = await startTestHost(sandbox);
    // The proxy's X-Forwarded-For stands in for client addresses, which on loopback are all the same.
    bound = await startTestHost(sandbox, { trustProxy: true }, { env: { GAUZY_MCP_SESSION_BIND_IP: 'true', GAUZY_MCP_SESSION_BIND_USER_AGENT: 'true' } });
  });
  after(async () => {
    await unbound.close();
    await bound.close();
    await sandbox.close();
  });

  test('unbound: a session id works from another User-Agent', async () => {
    const session = await openSession(unbound.mcpUrl, { 'user-agent': 'client-a' });
    const other = await rawPost(unbound.mcpUrl, LIST, { ...session, 'user-agent': 'client-b' });
    assert.equal(other.status, 200, other.text);
  });

  test('bound: the same address and User-Agent go on; another User-Agent or another address is refused with 403', async () => {
    const opener = { 'user-agent': 'client-a', 'x-forwarded-for': '203.0.113.5' };
    const session = await openSession(bound.mcpUrl, opener);
    const same = await rawPost(bound.mcpUrl, LIST, session);
    assert.equal(same.status, 200, same.text);
    assert.ok(same.json.result.structuredContent.items);
    for (const [what, change] of [['User-Agent', { 'user-agent': 'client-b' }], ['address', { 'x-forwarded-for': '203.0.113.9' }]] as const) {
      const refused = await rawPost(bound.mcpUrl, LIST, { ...session, ...change });
      assert.equal(refused.status, 403, `another ${what}: ${refused.text}`);
      assert.match(refused.json.error.message, /bound to the client address and User-Agent/);
      const stream = await fetch(bound.mcpUrl, { headers: { ...session, ...change, accept: 'text/event-stream' } });
      await stream.body?.cancel();
      assert.equal(stream.status, 403, `the GET stream from another ${what}`);
    }
    const ended = await fetch(bound.mcpUrl, { method: 'DELETE', headers: { ...session, 'user-agent': 'client-b' } });
    assert.equal(ended.status, 403, 'nor may another client end it');
    assert.equal((await rawPost(bound.mcpUrl, LIST, session)).status, 200, 'the session survives the refused attempts');
  });
});
