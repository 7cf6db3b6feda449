import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import type { RunningHost } from '../src/index.js';
import { createSandbox, INITIALIZE, rawPost, startTestHost, type Sandbox, seedAccounts } from './helpers.js';

const ADMIN_TOKEN = 'rate-admin-token-0123456789abcdef';
const EMPLOYEE_TOKEN = 'rate-employee-token-0123456789abcdef';

/** A host whose callers each have `max` requests per window, with two development accounts. */
async function hostWithBudget(sandbox: Sandbox, max: number): Promise<RunningHost> {
  return startTestHost(sandbox, {
    identity: seedAccounts(sandbox, { admin: ADMIN_TOKEN, employee: EMPLOYEE_TOKEN }),
    limits: { rateLimitMax: max, rateLimitWindowSeconds: 600 },
  });
}

/** The HTTP status a WebSocket upgrade gets: 101 when it opens, else the refusal's status. */
async function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

describe('the rate limit: one budget per caller across every transport and every message', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
  });
  after(async () => {
    await sandbox.close();
  });
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

  test('after a 429 on POST /mcp the same caller is refused on /sse, /sse/events and the /ws and /sse upgrades; another caller is not', async () => {
    const host = await hostWithBudget(sandbox, 3);
    try {
      for (let index = 0; index < 3; index++) {
        const ok = await rawPost(host.mcpUrl, INITIALIZE(), admin);
        assert.equal(ok.status, 200);
        assert.equal(ok.headers.get('x-ratelimit-limit'), '3');
        assert.equal(ok.headers.get('x-ratelimit-remaining'), String(2 - index));
        assert.ok(Number(ok.headers.get('x-ratelimit-reset')) > 0);
        assert.equal(ok.headers.get('ratelimit-remaining'), String(2 - index));
      }
      const refused = await rawPost(host.mcpUrl, INITIALIZE(), admin);
      assert.equal(refused.status, 429);
      assert.equal(refused.json.error.code, -32004);
      assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal(refused.json.error.data.retryAfter, Number(refused.headers.get('retry-after')));

      assert.equal((await rawPost(`${host.url}/sse`, INITIALIZE(), admin)).status, 429, 'POST /sse');
      const events = await fetch(`${host.url}/sse/events`, { headers: { ...admin, accept: 'text/event-stream' } });
      await events.body?.cancel();
      assert.equal(events.status, 429, 'GET /sse/events');
      const wsUrl = host.url.replace(/^http/, 'ws');
      assert.equal(await upgradeStatus(`${wsUrl}/ws`, admin), 429, 'upgrade on /ws');
      assert.equal(await upgradeStatus(`${wsUrl}/sse`, admin), 429, 'upgrade on /sse');

      assert.equal((await rawPost(host.mcpUrl, INITIALIZE(), { authorization: `Bearer ${EMPLOYEE_TOKEN}` })).status, 200, 'another identity keeps its own budget');
    } finally {
      await host.close();
    }
  });

  test('every frame on an open WebSocket is counted; a refused frame gets a JSON-RPC error with the retry time and the socket stays open', async () => {
    const budget = 10;
    const host = await hostWithBudget(sandbox, budget);
    const socket = new WebSocket(`${host.url.replace(/^http/, 'ws')}/ws`, { headers: admin });
    try {
      await once(socket, 'open');
      const answers = new Map<number, any>();
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        answers.set(message.id, message);
      });
      // The upgrade took one hit; the initialize and the pings take the rest, and then some.
      socket.send(JSON.stringify(INITIALIZE()));
      const frames = 15;
      for (let id = 2; id < 2 + frames; id++) socket.send(JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' }));
      while (answers.size < 1 + frames) await once(socket, 'message');
      const refused = [...answers.values()].filter((message) => message.error?.code === -32004);
      const served = [...answers.values()].filter((message) => 'result' in message);
      assert.equal(served.length, budget - 1, 'the upgrade and the frames share one budget');
      assert.equal(refused.length, 1 + frames - (budget - 1));
      for (const message of refused) {
        assert.ok(message.error.data.retryAfter > 0);
        assert.match(message.error.message, /Retry after \d+ seconds/);
      }
      // Refused frames are the last ones, in order: the budget is spent first come, first served.
      const ids = [...answers.keys()].sort((a, b) => a - b);
      assert.deepEqual(refused.map((message) => message.id).sort((a, b) => a - b), ids.slice(ids.length - refused.length));
      assert.equal(socket.readyState, WebSocket.OPEN);
      // A later request on the same socket is still answered (refused, since the window has not ended).
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'ping' }));
      while (!answers.has(99)) await once(socket, 'message');
      assert.equal(answers.get(99).error.code, -32004);
      const metrics = await (await fetch(`${host.url}/metrics`)).text();
      assert.match(metrics, new RegExp(`gauzy_mcp_rate_limited_total ${refused.length + 1}`));
    } finally {
      socket.close();
      await host.close();
    }
  });
});
