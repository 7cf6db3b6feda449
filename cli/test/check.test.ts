import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Sandbox } from '@gauzy-mcp/testkit';
import { runCheck } from '../src/commands/check.js';
import { createSandbox } from './helpers.js';

// Issue #15 item 4: `gauzy-mcp check` finds what would stop the server — a wrong address, a wrong password,
// an unreachable Redis or authorization server — and says how to fix each, exiting non-zero.

let sandbox: Sandbox;
let dir: string;
before(async () => {
  sandbox = await createSandbox({ seed: 'default' });
  dir = mkdtempSync(join(tmpdir(), 'gauzy-mcp-check-'));
});
after(async () => {
  await sandbox.close();
});

async function check(env: NodeJS.ProcessEnv, args: string[] = []) {
  const lines: string[] = [];
  const code = await runCheck(args, env, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

const admin = () => sandbox.seed.users.superAdmin;

test('the stdio environment: a right account signs in; a wrong password, a missing account or a scheme-less address fail with the fix', async () => {
  const good = await check({ API_BASE_URL: `${sandbox.url}/api`, GAUZY_AUTH_EMAIL: admin().email, GAUZY_AUTH_PASSWORD: admin().password });
  assert.equal(good.code, 0, good.out);
  assert.match(good.out, new RegExp(`ok   API_BASE_URL: ${sandbox.url}\\n`));
  assert.match(good.out, /ok   Gauzy sign-in as admin@ever.co: signed in/);

  const wrong = await check({ API_BASE_URL: sandbox.url, GAUZY_AUTH_EMAIL: admin().email, GAUZY_AUTH_PASSWORD: 'not-the-password' });
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /FAIL Gauzy sign-in as admin@ever.co: Gauzy refused the account \(HTTP 401\): check GAUZY_AUTH_EMAIL and the password/);
  assert.ok(!wrong.out.includes('not-the-password'), 'the password is never printed');

  assert.match((await check({ API_BASE_URL: sandbox.url })).out, /FAIL Gauzy account: set GAUZY_AUTH_EMAIL and GAUZY_AUTH_PASSWORD/);
  assert.match((await check({ API_BASE_URL: 'gauzy.example.com' })).out, /FAIL API_BASE_URL: .*give it with its scheme/);
  const down = await check({ API_BASE_URL: 'http://127.0.0.1:1', GAUZY_AUTH_EMAIL: 'a@b.c', GAUZY_AUTH_PASSWORD: 'x' });
  assert.match(down.out, /FAIL Gauzy sign-in as a@b.c: cannot reach Gauzy at http:\/\/127.0.0.1:1/);
  assert.equal((await check({})).code, 0, 'no API_BASE_URL: the bundled sandbox');
});

test('a host config: every problem of the file named; each account signed in; Redis and the issuer\'s keys reached', async () => {
  const write = (name: string, config: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(config));
    return path;
  };
  const bad = await check({}, ['--config', write('bad.json', { port: 'x', gauzy: { baseUrl: sandbox.url }, colour: 'red' })]);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /FAIL config: /);

  const accounts = [{ name: 'boss', email: admin().email, password: admin().password, token: 'a-token-of-sixteen-chars' }, { name: 'typo', email: admin().email, password: 'wrong', token: 'another-token-of-16-chars' }];
  const dev = await check({}, ['--config', write('dev.json', { gauzy: { baseUrl: sandbox.url }, identity: { mode: 'development', accounts } })]);
  assert.equal(dev.code, 1, dev.out);
  assert.match(dev.out, /ok   config: .*dev.json is valid \(development, development identity\)/);
  assert.match(dev.out, /ok   Gauzy sign-in as admin@ever.co: signed in/);
  assert.match(dev.out, /FAIL Gauzy sign-in as admin@ever.co: Gauzy refused the account/);

  const key = Buffer.alloc(32, 7).toString('base64');
  const oauth = await check({}, ['--config', write('oauth.json', {
    gauzy: { baseUrl: sandbox.url },
    identity: { mode: 'oauth', issuer: 'http://127.0.0.1:1' },
    state: { redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', encryptionKey: key, keyPrefix: 'gauzy-mcp-test-check:' },
  })]);
  assert.match(oauth.out, /FAIL authorization server keys: cannot read http:\/\/127.0.0.1:1\/.well-known\/jwks.json .*is the authorization server running/);
  assert.match(oauth.out, /ok   Redis: reachable/, 'a Redis test needs a running Redis (REDIS_URL, default redis://127.0.0.1:6379; .ci/run starts one)');
  const noRedis = await check({}, ['--config', write('redis.json', { gauzy: { baseUrl: sandbox.url }, identity: { mode: 'oauth', issuer: 'http://127.0.0.1:1' }, state: { redisUrl: 'redis://127.0.0.1:1', encryptionKey: key } })]);
  assert.match(noRedis.out, /FAIL Redis: cannot reach Redis at redis:\/\/127.0.0.1:1.*is Redis running/);
});
