import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { CredentialVault, createMemoryState, RecordCipher } from '../src/index.js';
import { createBearerAuthenticator } from '../src/bearer-identity.js';
import { VerifiedTokens } from '../src/verified-tokens.js';
import { randomBytes } from 'node:crypto';

test('a checked token is trusted until it expires or the cache age passes, whichever is first', () => {
  let now = 1_000_000;
  const cache = new VerifiedTokens<string>({ maxEntries: 10, maxAgeMs: 60_000, now: () => now });
  cache.set('short-lived', 'a', now + 5_000);
  cache.set('long-lived', 'b', now + 3_600_000);
  cache.set('already-expired', 'c', now - 1);
  assert.equal(cache.get('short-lived'), 'a');
  assert.equal(cache.get('already-expired'), undefined);
  now += 5_000;
  assert.equal(cache.get('short-lived'), undefined, 'never past the token\'s own expiry');
  assert.equal(cache.get('long-lived'), 'b');
  now += 55_000;
  assert.equal(cache.get('long-lived'), undefined, 'never past the cache age, so a withdrawn key stops being trusted');
});

test('the cache holds at most maxEntries, dropping the oldest, and keys by hash rather than by token', () => {
  const cache = new VerifiedTokens<number>({ maxEntries: 3, maxAgeMs: 60_000 });
  for (let index = 0; index < 5; index++) cache.set(`token-${index}`, index, Date.now() + 60_000);
  assert.equal(cache.size, 3);
  assert.equal(cache.get('token-0'), undefined);
  assert.equal(cache.get('token-4'), 4);
  const keys = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
  assert.ok(keys.every((key) => !key.includes('token')), 'no raw token is kept as a key');
});

test('the host\'s bearer check verifies a token once, then answers from the cache; a tampered token is still refused', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  let jwksFetches = 0;
  const issuerServer = createServer((_request, response) => {
    jwksFetches++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(issuerServer.address() as { port: number }).port}`;
  try {
    const audience = 'http://127.0.0.1:1/mcp';
    const authenticator = createBearerAuthenticator({
      issuer,
      jwksUrl: `${issuer}/jwks`,
      algorithms: ['ES256'],
      audience: () => audience,
      resourceMetadataUrl: () => `${audience}/.well-known`,
      vault: new CredentialVault(createMemoryState({ sessionTtlMs: 60_000, eventTtlMs: 60_000, maxEventsPerStream: 10 }).kv, new RecordCipher(randomBytes(32))),
      http: createGauzyHttp({ gauzyBaseUrl: 'http://127.0.0.1:9', log: silentLogger }),
      log: silentLogger,
    });
    const token = await new SignJWT({ scope: 'mcp.read' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(issuer).setAudience(audience).setSubject('user-1').setExpirationTime('1h').sign(privateKey);
    const first = await authenticator.authenticate({ authorization: `Bearer ${token}` });
    const second = await authenticator.authenticate({ authorization: `Bearer ${token}` });
    assert.equal(second, first, 'the second request is answered from the cache');
    assert.deepEqual(first.scopes, ['mcp.read']);
    const [header, payload] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), scope: 'mcp.read mcp.write mcp.admin' })).toString('base64url');
    await assert.rejects(authenticator.authenticate({ authorization: `Bearer ${header}.${forgedPayload}.${token.split('.')[2]}` }), /401|signature|token/i);
    assert.equal(jwksFetches, 1);
  } finally {
    issuerServer.close();
  }
});
