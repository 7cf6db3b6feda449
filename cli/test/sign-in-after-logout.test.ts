import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, type Sandbox } from '@gauzy-mcp/testkit';
import { allPlugins, connect, createSandbox } from './helpers.js';

// Issue #8 item 11: after `logout` (or its old name `cleanup_sessions`) the server forgot the configured
// credentials too, and every later call claimed that none were configured.

let sandbox: Sandbox;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
});
after(async () => {
  await sandbox.close();
});

const logins = () => sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/auth/login').length;

for (const logoutTool of ['logout', 'cleanup_sessions'] as const) {
  test(`${logoutTool} then list_projects signs in again with the configured credentials`, async () => {
    const { client } = await connect(sandbox, { user: 'employee' });
    try {
      assert.equal((await client.call('list_projects', {})).isError, false);
      const out = await client.call(logoutTool, {});
      assert.equal(out.isError, false, out.text);
      assert.equal(out.structured!.signedIn, false);
      assert.equal(out.structured!.configuredAccount, 'employee@ever.co');
      assert.match(out.text, /next tool call signs in again as employee@ever\.co/);
      sandbox.clearRequests();
      const projects = await client.call('list_projects', {});
      assert.equal(projects.isError, false, projects.text);
      assert.equal(logins(), 1, 'one new sign-in');
      const status = await client.call('get_auth_status', {});
      assert.equal((status.structured!.identity as { email: string }).email, 'employee@ever.co');
    } finally {
      await client.close();
    }
  });
}

test('after login as someone else, logout forgets that account and the next call acts as the configured one again', async () => {
  const { client } = await connect(sandbox, { user: 'superAdmin' });
  try {
    const login = await client.call('login', { email: 'employee@ever.co', password: '12345678' });
    assert.equal(login.isError, false, login.text);
    const out = await client.call('logout', {});
    assert.match(out.text, /next tool call signs in again as admin@ever\.co/);
    assert.equal((await client.call('list_projects', {})).isError, false);
    const status = await client.call('get_auth_status', {});
    assert.equal((status.structured!.identity as { email: string }).email, 'admin@ever.co');
  } finally {
    await client.close();
  }
});

test('refresh_auth_token right after logout signs in fully, so the next call has an identity', async () => {
  const { client } = await connect(sandbox);
  try {
    await client.call('list_projects', {});
    await client.call('logout', {});
    const refreshed = await client.call('refresh_auth_token', {});
    assert.equal(refreshed.isError, false, refreshed.text);
    assert.equal(refreshed.structured!.signedIn, true);
    const projects = await client.call('list_projects', {});
    assert.equal(projects.isError, false, projects.text);
  } finally {
    await client.close();
  }
});

test('without configured credentials every call says to call login with email and password; after login and logout, again', async () => {
  const kernel = createKernel({ plugins: await allPlugins(), gauzyBaseUrl: sandbox.url, transport: 'memory', log: silentLogger });
  const client = await connectInMemory(kernel.serverFactory);
  try {
    const first = await client.call('list_projects', {});
    assert.equal(first.error?.code, 'GMCP_ERR_NOT_SIGNED_IN');
    assert.match(first.text, /call the `login` tool with an email and password/);
    assert.doesNotMatch(first.text, /GAUZY_AUTH_EMAIL/, 'this server was not started from those variables');

    assert.equal((await client.call('login', { email: 'admin@ever.co', password: 'admin' })).isError, false);
    assert.equal((await client.call('list_projects', {})).isError, false);
    const out = await client.call('cleanup_sessions', {});
    assert.equal(out.isError, false, out.text);
    assert.equal(out.structured!.configuredAccount, undefined);
    assert.match(out.text, /call `login` with an email and password to sign in again/);

    const later = await client.call('list_projects', {});
    assert.equal(later.error?.code, 'GMCP_ERR_NOT_SIGNED_IN');
    assert.match(later.text, /signed out/);
    assert.match(later.text, /call the `login` tool with an email and password/);
  } finally {
    await client.close();
  }
});

test('a call that arrives while the first sign-in still loads the identity waits for it (it answered "no identity after sign-in")', async () => {
  const { superAdmin } = sandbox.seed.users;
  const kernel = createKernel({ plugins: await allPlugins(), gauzyBaseUrl: sandbox.url, credentials: superAdmin, transport: 'memory', log: silentLogger });
  const client = await connectInMemory(kernel.serverFactory);
  // The password is checked at once; the identity read after it is slow.
  sandbox.faults.add({ method: 'GET', path: '/api/user/me', delayMs: 300 });
  try {
    const signingIn = kernel.session.accessToken();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const listed = await client.call('list_projects', {});
    assert.equal(listed.isError, false, listed.text);
    await signingIn;
  } finally {
    sandbox.faults.clear();
    await client.close();
  }
});
