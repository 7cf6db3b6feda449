import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { silentLogger, type Logger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { type Sandbox } from '@gauzy-mcp/testkit';
import { Redis } from 'ioredis';
import { buildAuthServer, type AuthServer } from '../src/index.js';
import { MemorySignInThrottle, RedisSignInThrottle, type SignInThrottle } from '../src/sign-in-throttle.js';
import { authorizeUrl, CALLBACK, freePort, HeaderBrowser, pkce, requireRedis, createSandbox } from './helpers.js';

// The auth server is given a Redis that is down: an ioredis client (configured like the host's) pointed at a
// closed port. Its other state is in memory and its client is configured (dynamic registration, rate-limited
// through that Redis, is not used), so only the sign-in throttle depends on the dead Redis.
let sandbox: Sandbox;
let host: RunningHost;
let auth: AuthServer;
let deadRedis: Redis;
let issuer: string;
const logged: Array<{ message: string; fields: unknown }> = [];
const recordingLogger: Logger = {
  debug: (message, fields) => void logged.push({ message, fields }),
  info: (message, fields) => void logged.push({ message, fields }),
  warn: (message, fields) => void logged.push({ message, fields }),
  error: (message, fields) => void logged.push({ message, fields }),
  child: () => recordingLogger,
};

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  deadRedis = new Redis({ host: '127.0.0.1', port: await freePort(), lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  deadRedis.on('error', () => {});
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  host = await startHost({ input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer } }, env: {}, log: silentLogger });
  auth = await buildAuthServer({ issuer, resource: host.mcpUrl, vault: host.vault, kv: host.kv, redis: deadRedis, redisKeyPrefix: 'gauzy-mcp-test:dead:', clients: [{ client_id: 'outage-client', client_name: 'Outage client', redirect_uris: [CALLBACK], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' }], gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), log: recordingLogger });
  await auth.app.listen({ host: '127.0.0.1', port });
});

after(async () => {
  await auth?.app.close();
  await host?.close();
  await sandbox?.close();
  deadRedis?.disconnect();
});

test('with the throttle store (Redis) down, sign-in answers a 503 page with Retry-After, never a 500, and no password goes to Gauzy uncounted', async () => {
  const browser = new HeaderBrowser();
  const page = await browser.page(authorizeUrl(issuer, { client_id: 'outage-client', code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: host.mcpUrl }));
  assert.match(page.html, /Sign in with Ever Gauzy/);
  sandbox.clearRequests();
  const user = sandbox.seed.users.employee;
  for (const password of ['a-guess', user.password]) {
    const answer = await browser.submit(page, { email: user.email, password });
    assert.equal(answer.response.status, 503, answer.html.slice(0, 300));
    assert.match(answer.response.headers.get('content-type') ?? '', /text\/html/);
    assert.ok(Number(answer.response.headers.get('retry-after')) > 0, 'Retry-After');
    assert.match(answer.html, /Sign-in is unavailable for a moment/);
    assert.match(answer.html, /<form method="post"/, 'the form is shown again, to retry');
  }
  assert.deepEqual(sandbox.requests.map((call) => `${call.method} ${call.path}`), [], 'nothing was sent to Gauzy');
  assert.ok(logged.some((entry) => /throttle store is unavailable/.test(entry.message)), 'the outage is logged');
  for (const entry of logged) assert.doesNotMatch(JSON.stringify(entry), new RegExp(`${user.email}|${user.password}|a-guess`), 'neither the email nor a password is logged');
});

/** The same rules for the count in memory and the count in Redis. */
async function checkCounting(throttle: SignInThrottle, email: string): Promise<void> {
  const ip = '192.0.2.7';
  // Attempts started all at once: five are let through (and counted), the rest wait.
  const waits = await Promise.all(Array.from({ length: 8 }, () => throttle.attempt(ip, email)));
  assert.equal(waits.filter((wait) => wait === 0).length, 5, waits.join(' '));
  assert.ok(waits.filter((wait) => wait > 0).every((wait) => wait <= 15 * 60), waits.join(' '));
  // An attempt Gauzy did not judge gives its count back: one more may go ahead, then none.
  await throttle.undecided(ip, email);
  assert.equal(await throttle.attempt(ip, email), 0);
  assert.ok((await throttle.attempt(ip, email)) > 0);
  // The email is compared trimmed and case-blind; another address has its own count.
  assert.ok((await throttle.attempt(ip, ` ${email.toUpperCase()} `)) > 0);
  assert.equal(await throttle.attempt('192.0.2.8', email), 0);
  // A right password clears the count.
  await throttle.succeeded(ip, email);
  assert.equal(await throttle.attempt(ip, email), 0);
}

test('the in-memory sign-in throttle: five attempts per email and address, counted before Gauzy answers; an undecided attempt is given back, a success clears', async () => {
  await checkCounting(new MemorySignInThrottle(), 'someone@example.com');
});

test('the Redis sign-in throttle counts by the same rules, with one key per email and address under the prefix, expiring with the window', async () => {
  const redis = await requireRedis('gauzy-mcp-auth-throttle-test');
  try {
    const throttle = new RedisSignInThrottle(redis.client, redis.prefix);
    await checkCounting(throttle, 'someone@example.com');
    const keys = await redis.keys(`${redis.prefix}*`);
    assert.deepEqual(keys.sort(), [throttle.key('192.0.2.7', 'someone@example.com'), throttle.key('192.0.2.8', 'someone@example.com')].sort());
    for (const key of keys) {
      const left = await redis.client.pttl(key);
      assert.ok(left > 0 && left <= 15 * 60_000, `${key} expires with the window (${left} ms left)`);
    }
  } finally {
    await redis.cleanup();
  }
});
