import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import sessionPlugin from '../src/index.js';

let sandbox: Sandbox;
let client: TestClient;
let kernel: ReturnType<typeof createKernel>;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  kernel = createKernel({ plugins: [sessionPlugin], log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') });
  client = await connectInMemory(kernel.serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('get_auth_status before any call: not signed in; after login: who, where, until when — and never a token', async () => {
  const before = await client.call('get_auth_status', {});
  assert.equal(before.structured!.signedIn, false);
  const login = await client.call('login', { email: 'employee@ever.co', password: '12345678' });
  assert.equal(login.isError, false, login.text);
  assert.equal((login.structured!.identity as { email: string }).email, 'employee@ever.co');
  assert.equal((login.structured!.identity as { employeeId: string }).employeeId, sandbox.seed.users.employee.employeeId);
  const status = await client.call('get_session_info', {});
  assert.match(status.text, /Signed in to .* as .*employee@ever\.co/);
  assert.match(status.text, /Organizations:/);
  const everything = JSON.stringify(status) + JSON.stringify(login);
  assert.ok(!everything.includes('12345678'), 'the password never comes back');
  assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\./.test(everything), 'no token comes back');
});

test('login with a wrong password is an isError naming the account; bad email is a field error', async () => {
  const wrong = await client.call('login', { email: 'admin@ever.co', password: 'nope' });
  assert.equal(wrong.error!.code, 'GMCP_ERR_NOT_SIGNED_IN');
  assert.match(wrong.text, /admin@ever\.co/);
  const bad = await client.call('login', { email: 'not-an-email', password: 'x' });
  assert.deepEqual(bad.error!.fields, ['email']);
});

test('refresh_auth_token rotates the refresh token at Gauzy', async () => {
  await client.call('login', { email: 'admin@ever.co', password: 'admin' });
  sandbox.clearRequests();
  const refreshed = await client.call('refresh_auth_token', {});
  assert.equal(refreshed.isError, false, refreshed.text);
  assert.equal(refreshed.structured!.refreshCount, kernel.session.refreshCount);
  assert.equal(sandbox.requests.filter((request) => request.path === '/api/auth/refresh-token').length, 1);
});

test('logout revokes the refresh token at Gauzy and clears the session; cleanup_sessions is the same tool', async () => {
  await client.call('login', { email: 'admin@ever.co', password: 'admin' });
  sandbox.clearRequests();
  const out = await client.call('logout', {});
  assert.equal(out.isError, false, out.text);
  assert.equal(out.structured!.signedIn, false);
  assert.equal(sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/auth/logout').length, 1);
  const alias = await client.call('cleanup_sessions', {});
  assert.equal(alias.isError, false);
});
