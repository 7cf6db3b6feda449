import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { toOutcome, type Sandbox } from '@gauzy-mcp/testkit';
import { buildAuthServer, type AuthServer } from '../src/index.js';
import { Browser, freePort, ScriptedOAuthClient, createSandbox } from './helpers.js';

describe('OAuth end to end: the SDK client signs in through the auth server and calls the host as that user', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  let auth: AuthServer;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    const authPort = await freePort();
    const issuer = `http://127.0.0.1:${authPort}`;
    host = await startHost({ input: { port: 0, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer } }, env: {}, log: silentLogger });
    auth = await buildAuthServer({ issuer, resource: host.mcpUrl, vault: host.vault, kv: host.kv, gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), log: silentLogger });
    await auth.app.listen({ host: '127.0.0.1', port: authPort });
  });
  after(async () => {
    await auth?.app.close();
    await host?.close();
    await sandbox?.close();
  });

  test('discovers from the 401, registers, signs in with PKCE, calls tools as that user, refreshes', async () => {
    const oauth = new ScriptedOAuthClient(new Browser(), sandbox.seed.users.employee);
    const transport = new StreamableHTTPClientTransport(new URL(host.mcpUrl), { authProvider: oauth });
    const client = new Client({ name: 'oauth-e2e', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
    await assert.rejects(client.connect(transport), UnauthorizedError);
    assert.ok(oauth.callback?.searchParams.get('code'), `no code in ${oauth.callback}`);
    assert.equal(oauth.callback?.searchParams.get('iss'), auth.provider.issuer, 'RFC 9207 iss in the authorization response');
    await transport.finishAuth(oauth.callback!.searchParams);
    const connected = new Client({ name: 'oauth-e2e', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
    await connected.connect(new StreamableHTTPClientTransport(new URL(host.mcpUrl), { authProvider: oauth }));
    try {
      const tasks = toOutcome(await connected.callTool({ name: 'get_my_tasks', arguments: {} }));
      assert.equal(tasks.isError, false, tasks.text);
      const status = toOutcome(await connected.callTool({ name: 'get_auth_status', arguments: {} }));
      assert.equal(status.isError, false, status.text);
      assert.match(JSON.stringify(status.structured), new RegExp(sandbox.seed.users.employee.email));
    } finally {
      await connected.close();
    }
    // Refresh: with its access token no longer accepted, the client uses its refresh token and carries on.
    const firstRefreshToken = oauth.savedTokens!.refresh_token;
    oauth.savedTokens = { ...oauth.savedTokens!, access_token: 'no-longer-valid' };
    const again = new Client({ name: 'oauth-e2e', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
    await again.connect(new StreamableHTTPClientTransport(new URL(host.mcpUrl), { authProvider: oauth }));
    try {
      const tasks = toOutcome(await again.callTool({ name: 'get_my_tasks', arguments: {} }));
      assert.equal(tasks.isError, false, tasks.text);
    } finally {
      await again.close();
    }
    assert.notEqual(oauth.savedTokens!.access_token, 'no-longer-valid', 'a new access token was obtained');
    assert.notEqual(oauth.savedTokens!.refresh_token, firstRefreshToken, 'and the refresh token rotated');
    const token = oauth.savedTokens!.access_token;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims.aud, host.mcpUrl);
    assert.equal(claims.tenant_id, sandbox.seed.tenantId);
    assert.ok(typeof claims.scope === 'string' && (claims.scope as string).includes('mcp.read'));
    assert.ok(oauth.savedTokens!.refresh_token, 'a refresh token is issued');
  });

  test('two users signed in at once, in different Gauzy tenants, each see only their own data', async () => {
    const connectAs = async (user: { email: string; password: string }) => {
      const oauth = new ScriptedOAuthClient(new Browser(), user);
      const transport = new StreamableHTTPClientTransport(new URL(host.mcpUrl), { authProvider: oauth });
      await assert.rejects(new Client({ name: 'tenant-test', version: '1.0.0' }).connect(transport), UnauthorizedError);
      await transport.finishAuth(oauth.callback!.searchParams);
      const client = new Client({ name: 'tenant-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(host.mcpUrl), { authProvider: oauth }));
      return client;
    };
    const [home, acme] = await Promise.all([connectAs(sandbox.seed.users.superAdmin), connectAs(sandbox.seed.otherTenant.admin)]);
    try {
      const [homeProjects, acmeProjects] = await Promise.all([home, acme].map(async (client) => toOutcome(await client.callTool({ name: 'list_projects', arguments: {} }))));
      const names = (outcome: ReturnType<typeof toOutcome>) => (outcome.structured!.items as Array<{ name: string }>).map((project) => project.name);
      assert.ok(names(acmeProjects!).includes('Acme Secret Project'));
      assert.ok(!names(homeProjects!).includes('Acme Secret Project'), 'the other tenant\'s project is not visible');
      assert.ok(names(homeProjects!).length >= 4);
      assert.ok(names(homeProjects!).every((name) => !names(acmeProjects!).includes(name)), 'no project in common');
    } finally {
      await home.close();
      await acme.close();
    }
  });
});
