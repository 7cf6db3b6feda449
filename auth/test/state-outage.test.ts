import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { type Sandbox } from '@gauzy-mcp/testkit';
import { buildAuthServer, type AuthServer } from '../src/index.js';
import { isStateOutage } from '../src/state-outage.js';
import { authorizeUrl, CALLBACK, freePort, HeaderBrowser, pkce, registerClient, requireRedis, signInAndConsent, startRedisRelay, createSandbox } from './helpers.js';

// The host and the auth server reach the real Redis through a relay the test cuts and restores: the auth
// server's whole state (rate-limit counters, oidc-provider's adapter, the vault) goes away and comes back.
let redis: Awaited<ReturnType<typeof requireRedis>>;
let relay: Awaited<ReturnType<typeof startRedisRelay>>;
let sandbox: Sandbox;
let host: RunningHost;
let auth: AuthServer;
let issuer: string;

before(async () => {
  redis = await requireRedis();
  relay = await startRedisRelay(redis.url);
  sandbox = await createSandbox({ seed: 'demo' });
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  host = await startHost({
    input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer }, state: { redisUrl: relay.url, keyPrefix: redis.prefix, encryptionKey: randomBytes(32).toString('base64') } },
    env: {},
    log: silentLogger,
  });
  auth = await buildAuthServer({ issuer, resource: host.mcpUrl, vault: host.vault, kv: host.kv, redis: host.redis, redisKeyPrefix: redis.prefix, gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), log: silentLogger });
  await auth.app.listen({ host: '127.0.0.1', port });
});

after(async () => {
  await auth?.app.close();
  await relay?.restore().catch(() => {});
  await host?.close();
  await sandbox?.close();
  await relay?.close();
  await redis?.cleanup();
});

const post = (path: string, form: Record<string, string>, authorization?: string) =>
  fetch(`${issuer}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) }, body: new URLSearchParams(form).toString() });
const register = () =>
  fetch(`${issuer}/oauth2/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Outage client', redirect_uris: [CALLBACK], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' }),
  });

async function assertUnavailable(what: string, response: Response): Promise<void> {
  const text = await response.text();
  assert.equal(response.status, 503, `${what}: ${text.slice(0, 300)}`);
  assert.match(response.headers.get('retry-after') ?? '', /^\d+$/, `${what}: Retry-After`);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/, what);
  const body = JSON.parse(text) as { error?: string; error_description?: string };
  assert.equal(body.error, 'temporarily_unavailable', what);
  assert.match(body.error_description ?? '', /state store unreachable/, what);
}

test('with its state store (Redis) cut, register, token, introspect and revoke answer 503 temporarily_unavailable with Retry-After, the sign-in pages a 503 page; when Redis returns the same requests succeed without a restart', async () => {
  // Before the cut: a confidential client with a refresh token, and a sign-in begun in a browser.
  const confidential = await registerClient(issuer, { token_endpoint_auth_method: 'client_secret_basic' });
  const basic = `Basic ${Buffer.from(`${confidential.client_id}:${String(confidential.client_secret)}`).toString('base64')}`;
  const pair = pkce();
  const authorize = authorizeUrl(issuer, { client_id: confidential.client_id, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: host.mcpUrl });
  const callback = await signInAndConsent(authorize, sandbox.seed.users.employee);
  const tokens = (await (await post('/oauth2/token', { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, code_verifier: pair.verifier, redirect_uri: CALLBACK, resource: host.mcpUrl }, basic)).json()) as Record<string, string>;
  assert.ok(tokens.refresh_token, JSON.stringify(tokens));
  const browser = new HeaderBrowser();
  const interaction = await browser.page(authorize);
  assert.match(interaction.html, /Sign in with Ever Gauzy/);
  assert.match(interaction.url, /\/oauth2\/interaction\//);

  await relay.cut();
  let refreshToken = tokens.refresh_token;
  await assertUnavailable('register', await register());
  await assertUnavailable('token (refresh grant)', await post('/oauth2/token', { grant_type: 'refresh_token', refresh_token: refreshToken, resource: host.mcpUrl }, basic));
  await assertUnavailable('introspect', await post('/oauth2/introspect', { token: refreshToken }, basic));
  await assertUnavailable('revoke', await post('/oauth2/revoke', { token: refreshToken, token_type_hint: 'refresh_token' }, basic));
  // The HTML pages: the authorization endpoint (oidc-provider's own) and the interaction page (ours).
  for (const [what, url] of [['authorize', authorize], ['interaction page', interaction.url]] as const) {
    const page = await browser.request(url);
    const html = await page.text();
    assert.equal(page.status, 503, `${what}: ${html.slice(0, 300)}`);
    assert.match(page.headers.get('retry-after') ?? '', /^\d+$/, `${what}: Retry-After`);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/, what);
    assert.match(html, /unavailable for a moment/, what);
  }

  await relay.restore();
  // ioredis reconnects by itself; bounded polling until the store answers again.
  let registered: Response | undefined;
  for (let attempt = 0; attempt < 100; attempt++) {
    registered = await register();
    if (registered.status !== 503) break;
    await registered.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(registered!.status, 201, await registered!.text());
  const refreshed = await post('/oauth2/token', { grant_type: 'refresh_token', refresh_token: refreshToken, resource: host.mcpUrl }, basic);
  const refreshedBody = (await refreshed.json()) as Record<string, string>;
  assert.equal(refreshed.status, 200, JSON.stringify(refreshedBody));
  assert.ok(refreshedBody.access_token && refreshedBody.refresh_token);
  refreshToken = refreshedBody.refresh_token;
  const introspected = await post('/oauth2/introspect', { token: refreshToken }, basic);
  assert.equal(introspected.status, 200);
  assert.equal(((await introspected.json()) as { active?: boolean }).active, true);
  const revoked = await post('/oauth2/revoke', { token: refreshToken, token_type_hint: 'refresh_token' }, basic);
  assert.equal(revoked.status, 200, await revoked.text());
  assert.equal(((await (await post('/oauth2/introspect', { token: refreshToken }, basic)).json()) as { active?: boolean }).active, false);
  const page = await browser.request(interaction.url);
  assert.equal(page.status, 200, (await page.text()).slice(0, 300));
});

test('an outage is the store being unreachable, not any failure: ioredis connection errors are, a Redis reply error is a bug', () => {
  const named = (name: string, message: string, cause?: unknown) => Object.assign(new Error(message, { cause }), { name });
  assert.equal(isStateOutage(named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 2).')), true);
  assert.equal(isStateOutage(new Error('Connection is closed.')), true);
  assert.equal(isStateOutage(named('StateUnavailableError', 'the state store is unavailable: Connection is closed.', new Error('Connection is closed.'))), true);
  assert.equal(isStateOutage(named('ReplyError', 'WRONGTYPE Operation against a key holding the wrong kind of value')), false);
  assert.equal(isStateOutage(named('StateUnavailableError', 'wrapped', named('ReplyError', 'NOSCRIPT No matching script'))), false);
  assert.equal(isStateOutage(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' })), false, 'an outbound fetch failing is no state outage');
  assert.equal(isStateOutage(new TypeError("Cannot read properties of undefined (reading 'x')")), false);
  assert.equal(isStateOutage(undefined), false);
});
