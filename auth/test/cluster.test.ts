import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { type Sandbox } from '@gauzy-mcp/testkit';
import { Redis } from 'ioredis';
import { buildAuthServer, type AuthServer } from '../src/index.js';
import { authorizeUrl, Browser, CALLBACK, freePort, pkce, registerClient, signInAndConsent, tokenRequest, createSandbox } from './helpers.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `gauzy-mcp-test:${randomBytes(6).toString('hex')}:`;
const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-auth-cluster-'));
let sandbox: Sandbox;
let host: RunningHost;
const servers: AuthServer[] = [];
let issuer: string;
let urls: string[];

before(async () => {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  await probe.connect().catch((error: Error) => {
    throw new Error(`This test needs Redis at ${REDIS_URL} (${error.message}); start redis-server or set REDIS_URL (.ci/run starts one).`);
  });
  await probe.quit();
  sandbox = await createSandbox({ seed: 'demo' });
  const ports = [await freePort(), await freePort()];
  urls = ports.map((port) => `http://127.0.0.1:${port}`);
  issuer = urls[0]!;
  host = await startHost({
    input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer }, state: { redisUrl: REDIS_URL, keyPrefix: prefix, encryptionKey: randomBytes(32).toString('base64') } },
    env: {},
    log: silentLogger,
  });
  const shared = { issuer, resource: host.mcpUrl, vault: host.vault, kv: host.kv, gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), log: silentLogger, cookieKeys: ['cluster-cookie-key-0123456789abcdef'], keys: { path: join(scratch, 'keys.json') }, redis: host.redis, redisKeyPrefix: prefix, tokenRateLimit: { max: 6, windowSeconds: 3600 } };
  // Two instances of the one issuer: same keys, same cookie keys, same store; only the port differs.
  for (const port of ports) {
    const server = await buildAuthServer(shared);
    await server.app.listen({ host: '127.0.0.1', port });
    servers.push(server);
  }
});

after(async () => {
  for (const server of servers) await server.app.close();
  await host?.close();
  await sandbox?.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  rmSync(scratch, { recursive: true, force: true });
});

test('two auth instances on one Redis: a code issued by one is redeemed at the other, and a refresh on the first rotates what the second issued', async () => {
  const client = await registerClient(urls[0]!);
  const pair = pkce();
  const callback = await signInAndConsent(authorizeUrl(urls[0]!, { client_id: client.client_id, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: host.mcpUrl }), sandbox.seed.users.employee);
  const code = callback.searchParams.get('code')!;
  const tokens = await tokenRequest(urls[1]!, { grant_type: 'authorization_code', code, code_verifier: pair.verifier, redirect_uri: CALLBACK, client_id: client.client_id, resource: host.mcpUrl });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  const refreshed = await tokenRequest(urls[0]!, { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token, client_id: client.client_id, resource: host.mcpUrl });
  assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
  const replayed = await tokenRequest(urls[1]!, { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token, client_id: client.client_id, resource: host.mcpUrl });
  assert.equal(replayed.body.error, 'invalid_grant', 'the rotation is seen by every instance');
  // The access token from either instance is good at the host: same issuer, same published keys.
  const response = await fetch(host.mcpUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.body.access_token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'c', version: '1' } } }),
  });
  assert.equal(response.status, 200);
  await response.body?.cancel();
});

test('the token-endpoint limit is counted across instances', async () => {
  const client = await registerClient(urls[0]!);
  const attempt = (url: string) => tokenRequest(url, { grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: client.client_id });
  for (let index = 0; index < 6; index++) assert.equal((await attempt(urls[index % 2]!)).status, 400);
  assert.equal((await attempt(urls[0]!)).status, 429);
  assert.equal((await attempt(urls[1]!)).status, 429);
});

/** A sign-in page of the one interaction, as served by instance `index` (the interaction lives in the shared store). */
const on = (page: { url: string; html: string }, index: number) => ({ ...page, url: new URL(new URL(page.url).pathname, urls[index]!).href });

test('the sign-in throttle is counted across instances: five wrong passwords spread over both, and the next attempt on either gets 429 even with the right password', async () => {
  const client = await registerClient(urls[0]!);
  const browser = new Browser();
  const target = sandbox.seed.users.localAdmin;
  let page = await browser.go(authorizeUrl(urls[0]!, { client_id: client.client_id, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: host.mcpUrl }));
  for (let attempt = 0; attempt < 5; attempt++) {
    page = await browser.submit(on(page, attempt % 2), { email: target.email, password: `guess-${attempt}` });
    assert.equal(page.status, 200, `attempt ${attempt + 1} on instance ${attempt % 2}`);
    assert.match(page.html, /did not accept/);
  }
  for (const index of [0, 1]) {
    const blocked = await browser.submit(on(page, index), { email: target.email, password: target.password });
    assert.equal(blocked.status, 429, `instance ${index}`);
    assert.match(blocked.html, /Too many failed attempts/);
    page = blocked;
  }
});

test('wrong passwords sent all at once to both instances cannot outrun the sign-in throttle: five reach Gauzy, the rest get 429', async () => {
  const client = await registerClient(urls[0]!);
  const browser = new Browser();
  const target = sandbox.seed.users.superAdmin;
  const page = await browser.go(authorizeUrl(urls[0]!, { client_id: client.client_id, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: host.mcpUrl }));
  const logins = () => sandbox.requests.filter((call) => call.method === 'POST' && call.path === '/api/auth/login' && (call.body as { email?: string } | null)?.email === target.email).length;
  const sentBefore = logins();
  const answers = await Promise.all(Array.from({ length: 12 }, (_, attempt) => browser.submit(on(page, attempt % 2), { email: target.email, password: `guess-${attempt}` })));
  const statuses = answers.map((answer) => answer.status);
  assert.equal(statuses.filter((status) => status === 200).length, 5, statuses.join(' '));
  assert.equal(statuses.filter((status) => status === 429).length, 7, statuses.join(' '));
  assert.equal(logins() - sentBefore, 5, 'only five guesses reached Gauzy');
});
