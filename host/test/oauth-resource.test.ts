import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp, GauzySession } from '@gauzy-mcp/core/internal';
import { toOutcome } from '@gauzy-mcp/testkit';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { CredentialVault, createRedisState, RecordCipher, VaultTokenSource, type RunningHost } from '../src/index.js';
import { connectHttp, createSandbox, INITIALIZE, rawPost, startTestHost, type Sandbox } from './helpers.js';
import { requireRedis } from './redis.js';
import { connectWebSocket } from './ws-client.js';

/** Stands in for the authorization server: publishes a JWKS and signs access tokens. */
async function startIssuer(): Promise<{ url: string; sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>; publicJwk: JWK; close(): Promise<void> }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((request, response) => {
    if (request.url === '/.well-known/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    publicJwk,
    sign: (claims, options = {}) => signToken(claims, { issuer: url, key: privateKey, kid: 'k1', ...options }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface SignOptions {
  issuer?: string;
  audience?: string;
  key?: CryptoKey | Uint8Array;
  kid?: string;
  alg?: string;
  expiresIn?: string | number;
}

async function signToken(claims: Record<string, unknown>, options: SignOptions & { issuer: string; key: CryptoKey | Uint8Array }): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid }).setIssuer(options.issuer).setIssuedAt();
  if (options.audience !== undefined) jwt = jwt.setAudience(options.audience);
  jwt = jwt.setExpirationTime(options.expiresIn ?? '15m');
  return jwt.sign(options.key);
}

describe('the host as an OAuth resource server: bearer tokens, scopes, and each user\'s Gauzy tokens from the vault', () => {
  let sandbox: Sandbox;
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  let host: RunningHost;
  let token: (subject: string, scope: string, options?: SignOptions) => Promise<string>;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    issuer = await startIssuer();
    host = await startTestHost(sandbox, { identity: { mode: 'oauth', issuer: issuer.url } });
    token = (subject, scope, options = {}) => issuer.sign({ sub: subject, scope }, { audience: host.mcpUrl, ...options });
    // What the authorization server does after a user signs in with Gauzy: keep their Gauzy tokens, not their password.
    for (const [subject, user] of [['user-admin', sandbox.seed.users.superAdmin], ['user-employee', sandbox.seed.users.employee]] as const) {
      const session = new GauzySession(createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger }), { credentials: user, log: silentLogger });
      await session.signIn();
      await host.vault.put(subject, session.snapshot()!);
    }
  });
  after(async () => {
    await host?.close();
    await issuer?.close();
    await sandbox?.close();
  });

  test('each user\'s tools run as that user in Gauzy', async () => {
    const admin = await connectHttp(host.mcpUrl, '2026-07-28', { authorization: `Bearer ${await token('user-admin', 'mcp.read mcp.write')}` });
    const employee = await connectHttp(host.mcpUrl, '2025-06-18', { authorization: `Bearer ${await token('user-employee', 'mcp.read mcp.write')}` });
    try {
      const adminTasks = await admin.call('get_my_tasks', {});
      const employeeTasks = await employee.call('get_my_tasks', {});
      assert.equal(adminTasks.isError, false, adminTasks.text);
      assert.equal(employeeTasks.isError, false, employeeTasks.text);
      assert.match(JSON.stringify((await admin.call('get_auth_status', {})).structured), new RegExp(sandbox.seed.users.superAdmin.email));
      const employeeStatus = await employee.call('get_auth_status', {});
      assert.match(JSON.stringify(employeeStatus.structured), new RegExp(sandbox.seed.users.employee.email));
      assert.match(JSON.stringify(employeeStatus.structured), /"mode":"delegated"/);
    } finally {
      await admin.close();
      await employee.close();
    }
  });

  test('a read-only token lists only read tools, and a write tool is refused with 403 insufficient_scope naming mcp.write', async () => {
    const readOnly = await token('user-admin', 'mcp.read');
    const client = await connectHttp(host.mcpUrl, '2026-07-28', { authorization: `Bearer ${readOnly}` });
    try {
      const { tools } = await client.client.listTools();
      assert.ok(tools.length > 0 && tools.length < host.toolCount);
      assert.ok(tools.every((tool) => tool.annotations?.readOnlyHint === true));
    } finally {
      await client.close();
    }
    const init = await rawPost(host.mcpUrl, INITIALIZE(), { authorization: `Bearer ${readOnly}` });
    const refused = await rawPost(
      host.mcpUrl,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'create_task', arguments: { title: 'nope' } } },
      { authorization: `Bearer ${readOnly}`, 'mcp-session-id': init.headers.get('mcp-session-id')! },
    );
    assert.equal(refused.status, 403);
    const challenge = refused.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /error="insufficient_scope"/);
    assert.match(challenge, /scope="mcp.write"/);
    assert.match(challenge, /resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp"/);
    assert.equal(refused.json.error.data.requiredScope, 'mcp.write');
  });

  test('catalog mode: call_tool of a write tool with a read-only token gets the same 403 step-up, naming the scope the named tool needs', async () => {
    const readOnly = await token('user-admin', 'mcp.read');
    const headers = { authorization: `Bearer ${readOnly}`, 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'call_tool' };
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
    const call = (name: string) => rawPost(`${host.url}/mcp/catalog`, { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'call_tool', arguments: { name, arguments: {} }, _meta: meta } }, headers);
    const refused = await call('create_task');
    assert.equal(refused.status, 403, refused.text);
    assert.match(refused.headers.get('www-authenticate') ?? '', /scope="mcp.write"/);
    const allowed = await call('list_tasks');
    assert.equal(allowed.status, 200, allowed.text);
    assert.notEqual(allowed.json.result.isError, true, allowed.text);
  });

  test('each WebSocket acts with its own token\'s scopes: a read-only socket of a user cannot write beside a read-write one, nor narrow it', async () => {
    const wsUrl = host.url.replace(/^http/, 'ws') + '/ws';
    const titles = () => sandbox.db.list('task').map((row) => row.title);
    for (const [first, second] of [['mcp.read mcp.write', 'mcp.read'], ['mcp.read', 'mcp.read mcp.write']] as const) {
      const a = await connectWebSocket(wsUrl, '2025-06-18', { authorization: `Bearer ${await token('user-admin', first)}` });
      const b = await connectWebSocket(wsUrl, '2025-06-18', { authorization: `Bearer ${await token('user-admin', second)}` });
      try {
        for (const [client, scope] of [[a, first], [b, second]] as const) {
          const writes = scope.includes('mcp.write');
          const listed = (await client.listTools()).tools.map((tool) => tool.name);
          assert.equal(listed.includes('create_task'), writes, `tools/list on a socket with "${scope}"`);
          const title = `ws ${scope} ${randomBytes(4).toString('hex')}`;
          const outcome = toOutcome(await client.callTool({ name: 'create_task', arguments: { title } }));
          assert.equal(outcome.isError, !writes, outcome.text);
          if (!writes) assert.match(outcome.text, /GMCP_ERR_INSUFFICIENT_SCOPE/);
          assert.equal(titles().includes(title), writes, `a task was${writes ? ' not' : ''} written by the socket with "${scope}"`);
        }
      } finally {
        await a.close();
        await b.close();
      }
    }
  });

  test('a WebSocket closes with 1008 when the token that opened it expires', async () => {
    const wsUrl = host.url.replace(/^http/, 'ws') + '/ws';
    const shortLived = await token('user-admin', 'mcp.read', { expiresIn: Math.floor(Date.now() / 1000) + 2 });
    const socket = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${shortLived}` } });
    const closed = once(socket, 'close') as Promise<[number, Buffer]>;
    await once(socket, 'open');
    const [code, reason] = await closed;
    assert.equal(code, 1008);
    assert.match(String(reason), /token expired/);
  });

  test('no token: 401 pointing at the RFC 9728 metadata, which names the issuer and this resource', async () => {
    const response = await rawPost(host.mcpUrl, INITIALIZE());
    assert.equal(response.status, 401);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(response.headers.get('www-authenticate') ?? '')?.[1];
    assert.ok(metadataUrl);
    for (const url of [metadataUrl, `${host.url}/.well-known/oauth-protected-resource`]) {
      const metadata = (await (await fetch(url)).json()) as { resource: string; authorization_servers: string[]; scopes_supported: string[] };
      assert.equal(metadata.resource, host.mcpUrl);
      assert.deepEqual(metadata.authorization_servers, [issuer.url]);
      assert.deepEqual(metadata.scopes_supported, ['mcp.read', 'mcp.write', 'mcp.admin']);
    }
  });

  test('refused tokens: other audience, other issuer, expired, alg none, HS256 keyed with the public key, unknown kid, tampered signature', async () => {
    const { privateKey: strangerKey } = await generateKeyPair('ES256');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'user-admin', scope: 'mcp.read', iss: issuer.url, aud: host.mcpUrl, exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url')}.`;
    const good = await token('user-admin', 'mcp.read');
    const [head, body, signature] = good.split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), sub: 'user-employee' })).toString('base64url')}.${signature}`;
    const cases: Array<[string, string]> = [
      ['other audience', await token('user-admin', 'mcp.read', { audience: 'https://other.example/mcp' })],
      ['other issuer', await signToken({ sub: 'user-admin', scope: 'mcp.read' }, { issuer: 'https://evil.example', audience: host.mcpUrl, key: strangerKey, kid: 'k1' })],
      ['expired', await token('user-admin', 'mcp.read', { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
      ['alg none', unsigned],
      ['HS256 keyed with the public key', await signToken({ sub: 'user-admin', scope: 'mcp.read' }, { issuer: issuer.url, audience: host.mcpUrl, alg: 'HS256', kid: 'k1', key: new TextEncoder().encode(JSON.stringify(issuer.publicJwk)) })],
      ['unknown kid', await signToken({ sub: 'user-admin', scope: 'mcp.read' }, { issuer: issuer.url, audience: host.mcpUrl, key: strangerKey, kid: 'k2' })],
      ['right kid, wrong key', await signToken({ sub: 'user-admin', scope: 'mcp.read' }, { issuer: issuer.url, audience: host.mcpUrl, key: strangerKey, kid: 'k1' })],
      ['tampered payload', tampered],
    ];
    for (const [name, bad] of cases) {
      const response = await rawPost(host.mcpUrl, INITIALIZE(), { authorization: `Bearer ${bad}` });
      assert.equal(response.status, 401, name);
      assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/, name);
      assert.equal(response.json.error.code, -32002, name);
    }
    assert.equal((await rawPost(host.mcpUrl, INITIALIZE(), { authorization: `Bearer ${good}` })).status, 200, 'the untampered token still works');
  });

  test('a user with no Gauzy tokens in the vault gets a clear sign-in error from the tool', async () => {
    const client = await connectHttp(host.mcpUrl, '2026-07-28', { authorization: `Bearer ${await token('user-never-signed-in', 'mcp.read')}` });
    try {
      const result = await client.call('get_my_tasks', {});
      assert.equal(result.error?.code, 'GMCP_ERR_NOT_SIGNED_IN');
      assert.match(result.text, /sign in again/);
    } finally {
      await client.close();
    }
  });
});

describe('the credential vault', () => {
  test('a refresh runs once across instances: two token sources on one Redis, one Gauzy refresh, both get the new token', async () => {
    const redis = await requireRedis();
    const sandbox = await createSandbox({ seed: 'demo', accessTokenTtlSeconds: 5 });
    const key = randomBytes(32);
    const states = await Promise.all([0, 1].map(() => createRedisState({ url: redis.url, prefix: redis.prefix, encryptionKey: key, sessionTtlMs: 60_000, eventTtlMs: 60_000, maxEventsPerStream: 10, log: silentLogger })));
    try {
      const http = createGauzyHttp({ gauzyBaseUrl: sandbox.url, log: silentLogger });
      const session = new GauzySession(http, { credentials: sandbox.seed.users.employee, log: silentLogger });
      await session.signIn();
      const vaults = states.map((state) => new CredentialVault(state.kv, new RecordCipher(key)));
      await vaults[0]!.put('user-employee', session.snapshot()!);
      // The token expires within the 10 s refresh buffer, so the first use refreshes.
      sandbox.clearRequests();
      const sources = vaults.map((vault) => new VaultTokenSource('user-employee', vault, http, silentLogger));
      const tokens = await Promise.all([...sources, ...sources].map((source) => source.accessToken()));
      assert.equal(new Set(tokens).size, 1, 'every caller got the same fresh token');
      assert.equal(sandbox.requests.filter((entry) => entry.path === '/api/auth/refresh-token').length, 1);
      const stored = await vaults[1]!.get('user-employee');
      assert.equal(stored?.tokens.token, tokens[0]);
      // Sealed at rest, bound to the user.
      const raw = await redis.client.get(`${redis.prefix}vault:user-employee`);
      assert.ok(raw?.startsWith('v1.'));
      assert.doesNotMatch(raw!, new RegExp(tokens[0]!.slice(0, 20)));
    } finally {
      for (const state of states) await state.close();
      await sandbox.close();
      await redis.cleanup();
    }
  });
});
