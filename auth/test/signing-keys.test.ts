import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { CredentialVault, MemoryKeyValueStore, RecordCipher } from '@gauzy-mcp/core/state';
import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT, importJWK, type JWK } from 'jose';
import { buildAuthServer, DEFAULT_KEY_POLICY, FileKeyRingStore, maintainKeyRing, providerJwks } from '../src/index.js';
import { freePort } from './helpers.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-keys-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('a fresh ring has one signing key and one published next key; the signing key comes first in the JWKS', async () => {
  const { ring, changed } = await maintainKeyRing({ keys: [] }, DEFAULT_KEY_POLICY, 0);
  assert.equal(changed, true);
  assert.equal(ring.keys.length, 2);
  const active = ring.keys.find((key) => key.activatedAt !== undefined)!;
  assert.equal(providerJwks(ring).keys[0]!.kid, active.jwk.kid);
  assert.equal((await maintainKeyRing(ring, DEFAULT_KEY_POLICY, HOUR)).changed, false, 'nothing is due an hour later');
});

test('rotation: the next key signs only once due and published long enough; the old one stays until its tokens expire', async () => {
  const policy = { ...DEFAULT_KEY_POLICY, rotateAfterMs: 30 * DAY, publishAheadMs: DAY, maxTokenLifetimeMs: 15 * 60_000 };
  const start = await maintainKeyRing({ keys: [] }, policy, 0);
  const first = start.ring.keys.find((key) => key.activatedAt !== undefined)!.jwk.kid;
  const second = start.ring.keys.find((key) => key.activatedAt === undefined)!.jwk.kid;
  const due = await maintainKeyRing(start.ring, policy, 30 * DAY);
  assert.equal(providerJwks(due.ring).keys[0]!.kid, second, 'the published key now signs');
  assert.ok(due.ring.keys.some((key) => key.jwk.kid === first), 'the old key is still published for its tokens');
  assert.equal(due.ring.keys.filter((key) => key.activatedAt === undefined).length, 1, 'a new next key is published');
  const later = await maintainKeyRing(due.ring, policy, 30 * DAY + 16 * 60_000);
  assert.ok(!later.ring.keys.some((key) => key.jwk.kid === first), 'gone once its tokens have expired');
  // A next key published only an hour ago does not sign yet, however old the signing key is.
  const young = await maintainKeyRing({ keys: [{ ...start.ring.keys[0]!, activatedAt: 0 }, { ...start.ring.keys[1]!, createdAt: 60 * DAY - HOUR }] }, policy, 60 * DAY);
  assert.equal(providerJwks(young.ring).keys[0]!.kid, start.ring.keys[0]!.jwk.kid);
});

test('keys persist in the data directory (owner-only), and a restarted server still verifies tokens it signed before', async () => {
  const path = join(scratch, 'signing-keys.json');
  const store = new FileKeyRingStore(path);
  const kv = new MemoryKeyValueStore();
  const build = async () => {
    const port = await freePort();
    const auth = await buildAuthServer({
      issuer: `http://127.0.0.1:${port}`,
      resource: 'http://127.0.0.1:1/mcp',
      vault: new CredentialVault(kv, new RecordCipher(randomBytes(32))),
      kv,
      gauzy: createGauzyHttp({ gauzyBaseUrl: 'http://127.0.0.1:9', log: silentLogger }),
      log: silentLogger,
      keys: { path },
    });
    await auth.app.listen({ host: '127.0.0.1', port });
    return { auth, url: `http://127.0.0.1:${port}` };
  };
  const first = await build();
  const signingJwk = providerJwks(store.load()).keys[0] as JWK;
  const token = await new SignJWT({ sub: 'someone' }).setProtectedHeader({ alg: 'ES256', kid: signingJwk.kid }).setExpirationTime('5m').sign(await importJWK(signingJwk, 'ES256'));
  const publishedBefore = (await (await fetch(`${first.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
  assert.ok(publishedBefore.keys.every((key) => key.d === undefined), 'only public keys are published');
  await first.auth.app.close();
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const second = await build();
  try {
    const published = (await (await fetch(`${second.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
    assert.deepEqual(published.keys.map((key) => key.kid), publishedBefore.keys.map((key) => key.kid));
    const { payload } = await jwtVerify(token, createLocalJWKSet(published));
    assert.equal(payload.sub, 'someone');
  } finally {
    await second.auth.app.close();
  }
});

test('keys provided by the operator (a cluster secret) are used as given, and a ring without exactly one active private key is refused', async () => {
  const { ring } = await maintainKeyRing({ keys: [] }, DEFAULT_KEY_POLICY, Date.now());
  const kv = new MemoryKeyValueStore();
  const base = {
    issuer: 'http://127.0.0.1:1',
    resource: 'http://127.0.0.1:2/mcp',
    vault: new CredentialVault(kv, new RecordCipher(randomBytes(32))),
    kv,
    gauzy: createGauzyHttp({ gauzyBaseUrl: 'http://127.0.0.1:9', log: silentLogger }),
    log: silentLogger,
  };
  const auth = await buildAuthServer({ ...base, keys: { ring } });
  const published = (await (await auth.app.inject({ url: '/.well-known/jwks.json' })).json()) as { keys: JWK[] };
  assert.deepEqual(published.keys.map((key) => key.kid), providerJwks(ring).keys.map((key) => key.kid));
  await auth.app.close();
  const publicOnly = { keys: ring.keys.map((key) => ({ ...key, jwk: { ...key.jwk, d: undefined } })) };
  await assert.rejects(buildAuthServer({ ...base, keys: { ring: publicOnly } }), /private keys/);
  await assert.rejects(buildAuthServer({ ...base, keys: { ring: { keys: ring.keys.map((key) => ({ ...key, activatedAt: undefined })) } } }), /exactly one active key/);
});
