import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningHost } from '../src/index.js';
import { createSandbox, openSession, rawPost, startTestHost, type Sandbox } from './helpers.js';

const LIST_PROJECTS = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'list_projects', arguments: { take: 1 } } });

describe('what a careless or hostile client sends to a 2025-revision session', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    host = await startTestHost(sandbox, { limits: { requestTimeoutMs: 1500 } });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  test('three concurrent requests with one id: one is answered, the other two are refused at once with a JSON-RPC error', { timeout: 20_000 }, async () => {
    const session = await openSession(host.mcpUrl);
    // Slow Gauzy down so the first call is still in flight when the duplicates arrive.
    const slow = sandbox.faults.add({ method: 'GET', path: '/api/organization-projects', delayMs: 600 });
    const first = rawPost(host.mcpUrl, LIST_PROJECTS(7), { ...session, accept: 'application/json' });
    while (sandbox.faults.isPending(slow)) await new Promise((resolve) => setTimeout(resolve, 10));
    const duplicates = await Promise.all([rawPost(host.mcpUrl, LIST_PROJECTS(7), session), rawPost(host.mcpUrl, LIST_PROJECTS(7), session)]);
    for (const duplicate of duplicates) {
      assert.equal(duplicate.status, 409, duplicate.text);
      assert.equal(duplicate.json.id, 7);
      assert.equal(duplicate.json.error.code, -32600);
      assert.match(duplicate.json.error.message, /already in flight/);
    }
    const answered = await first;
    assert.equal(answered.status, 200, answered.text);
    assert.equal(answered.json.id, 7);
    assert.ok(answered.json.result.structuredContent.items, answered.text);
    sandbox.faults.clear();
    // Once answered, the id may be used again.
    const reused = await rawPost(host.mcpUrl, LIST_PROJECTS(7), { ...session, accept: 'application/json' });
    assert.equal(reused.status, 200, reused.text);
    assert.ok(reused.json.result.structuredContent.items, reused.text);
  });

  test('no request waits past the request timeout: it is answered with a timeout error and cancelled', { timeout: 20_000 }, async () => {
    const session = await openSession(host.mcpUrl);
    sandbox.faults.add({ method: 'GET', path: '/api/organization-projects', delayMs: 10_000, times: 1 });
    try {
      const timedOut = await rawPost(host.mcpUrl, LIST_PROJECTS(8), { ...session, accept: 'application/json' });
      assert.equal(timedOut.status, 200, timedOut.text);
      assert.equal(timedOut.json.id, 8);
      assert.equal(timedOut.json.error.code, -32007);
      assert.match(timedOut.json.error.message, /timed out/);
      // The session goes on, and the id is free again.
      const next = await rawPost(host.mcpUrl, LIST_PROJECTS(8), { ...session, accept: 'application/json' });
      assert.ok(next.json.result.structuredContent.items, next.text);
    } finally {
      sandbox.faults.clear();
    }
  });

  test('DELETE with Content-Type: application/json and no body ends the session', async () => {
    const session = await openSession(host.mcpUrl);
    const ended = await fetch(host.mcpUrl, { method: 'DELETE', headers: { ...session, 'content-type': 'application/json' } });
    assert.equal(ended.status, 200, await ended.text());
    const after = await rawPost(host.mcpUrl, LIST_PROJECTS(9), session);
    assert.equal(after.status, 404);
    // A body that is there must still be JSON; an empty one is simply nothing to read.
    const other = await openSession(host.mcpUrl);
    const garbage = await fetch(host.mcpUrl, { method: 'DELETE', headers: { ...other, 'content-type': 'application/json' }, body: '{oops' });
    assert.equal(garbage.status, 400);
  });
});

describe('a 2025-revision session cancels a call the host answers directly', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    // A long request timeout: only the client's cancellation can stop the call here.
    host = await startTestHost(sandbox, { limits: { requestTimeoutMs: 120_000 } });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  test('notifications/cancelled aborts the call and its Gauzy request', { timeout: 20_000 }, async () => {
    const session = await openSession(host.mcpUrl);
    const slow = sandbox.faults.add({ method: 'GET', path: '/api/organization-projects', delayMs: 60_000, times: 1 });
    const cancelled = () => host.metrics.toolCalls.value({ tool: 'list_projects', outcome: 'GMCP_ERR_CANCELLED' });
    const before = cancelled();
    const call = new AbortController();
    const pending = fetch(host.mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...session }, body: JSON.stringify(LIST_PROJECTS(21)), signal: call.signal }).catch(() => undefined);
    try {
      while (sandbox.faults.isPending(slow)) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(host.metrics.answers.value({ era: 'session', path: 'direct' }) > 0, true, 'the call should be answered directly');
      const notified = await rawPost(host.mcpUrl, { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 21, reason: 'changed my mind' } }, session);
      assert.equal(notified.status, 202, notified.text);
      while (cancelled() === before) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(cancelled(), before + 1);
    } finally {
      call.abort();
      await pending;
      sandbox.faults.clear();
    }
  });
});
