import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { type Sandbox } from '@gauzy-mcp/testkit';
import { buildAuthServer, type AuthServer } from '../src/index.js';
import { authorizeUrl, Browser, CALLBACK, freePort, pkce, registerClient, requireRedis, signInAndConsent, tokenRequest, createSandbox } from './helpers.js';

/** Other tests running beside this one keep their keys under prefixes like this; theirs are not ours to judge. */
const OTHER_TESTS = /^gauzy-mcp-test:[0-9a-f]{12}:/;

let redis: Awaited<ReturnType<typeof requireRedis>>;
let sandbox: Sandbox;
let host: RunningHost;
let auth: AuthServer;
let issuer: string;
let before_: Set<string>;

before(async () => {
  redis = await requireRedis('gauzy-mcp-auth-prefix-test');
  before_ = new Set(await redis.keys());
  sandbox = await createSandbox({ seed: 'demo' });
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  host = await startHost({
    input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer }, state: { redisUrl: redis.url, keyPrefix: redis.prefix, encryptionKey: randomBytes(32).toString('base64') } },
    env: {},
    log: silentLogger,
  });
  auth = await buildAuthServer({
    issuer,
    resource: host.mcpUrl,
    vault: host.vault,
    kv: host.kv,
    redis: host.redis,
    redisKeyPrefix: host.config.state.keyPrefix,
    gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }),
    log: silentLogger,
    tokenRateLimit: { max: 4, windowSeconds: 3600 },
    registrationRateLimit: { max: 3, windowSeconds: 3600 },
  });
  await auth.app.listen({ host: '127.0.0.1', port });
});

after(async () => {
  await auth?.app.close();
  await host?.close();
  await sandbox?.close();
  await redis?.cleanup();
});

test('every key the auth server writes to Redis (oidc-provider state, grants, vault, rate limits, the sign-in throttle) lives under the configured prefix', async () => {
  // Traffic that writes everything the auth server keeps: a registration, a failed and a good sign-in, a
  // grant, tokens, a rotation, a revocation, and both rate limits run into.
  const client = await registerClient(issuer, { token_endpoint_auth_method: 'client_secret_basic' });
  const basic = `Basic ${Buffer.from(`${client.client_id}:${String(client.client_secret)}`).toString('base64')}`;
  const pair = pkce();
  const url = authorizeUrl(issuer, { client_id: client.client_id, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: host.mcpUrl });
  const user = sandbox.seed.users.employee;
  const browser = new Browser();
  const wrong = await browser.submit(await browser.go(url), { email: user.email, password: 'not-the-password' });
  assert.match(wrong.html, /did not accept/);
  const callback = await signInAndConsent(url, user);
  // A wrong password that no right one clears afterwards: its sign-in throttle count stays in Redis.
  const stranger = 'nobody.here@example.com';
  assert.match((await browser.submit(await browser.go(url), { email: stranger, password: 'a-guess' })).html, /did not accept/);
  const post = (path: string, form: Record<string, string>) => fetch(`${issuer}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic }, body: new URLSearchParams(form).toString() });
  const tokens = (await (await post('/oauth2/token', { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, code_verifier: pair.verifier, redirect_uri: CALLBACK, resource: host.mcpUrl })).json()) as Record<string, string>;
  assert.ok(tokens.refresh_token, JSON.stringify(tokens));
  const rotated = (await (await post('/oauth2/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, resource: host.mcpUrl })).json()) as Record<string, string>;
  assert.ok(rotated.refresh_token, JSON.stringify(rotated));
  assert.equal((await post('/oauth2/revoke', { token: 'not-a-token' })).status, 200);
  let limited = 0;
  for (let attempt = 0; attempt < 4; attempt++) if ((await post('/oauth2/token', { grant_type: 'refresh_token', refresh_token: 'not-a-token' })).status === 429) limited++;
  assert.ok(limited > 0, 'the token limit was reached');
  for (let attempt = 0; attempt < 3; attempt++) await fetch(`${issuer}/oauth2/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' }) });
  assert.equal((await fetch(`${issuer}/oauth2/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 429, 'the registration limit was reached');

  const written = (await redis.keys()).filter((key) => !before_.has(key) && !OTHER_TESTS.test(key));
  const outside = written.filter((key) => !key.startsWith(redis.prefix));
  assert.deepEqual(outside, [], `keys written outside ${redis.prefix}`);
  // The throttle's keys name neither the email nor the address.
  const throttleKeys = written.filter((key) => key.includes('auth-sign-in-throttle:'));
  for (const key of throttleKeys) assert.ok(![stranger, user.email, '127.0.0.1', '@'].some((clear) => key.toLowerCase().includes(clear)), key);
  // And the traffic did reach each kind of state, under the prefix.
  const mine = written.map((key) => key.slice(redis.prefix.length));
  for (const family of ['oidc:Client:', 'oidc:Grant:', 'oidc:Session:', 'oidc:Interaction:', 'oidc:RefreshToken:', 'oidc:grant-index:', 'auth-grants:', 'vault:', 'auth-rate-limit:', 'auth-sign-in-throttle:']) {
    assert.ok(mine.some((key) => key.startsWith(family)), `no ${family} key under the prefix: ${mine.join(', ')}`);
  }
});

test('a Redis without its key prefix is refused at start, so no deployment writes outside it', async () => {
  await assert.rejects(
    buildAuthServer({ issuer, resource: host.mcpUrl, vault: host.vault, kv: host.kv, redis: host.redis, gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), log: silentLogger }),
    /redisKeyPrefix/,
  );
});
