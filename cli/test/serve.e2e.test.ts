import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { Browser, freePort, ScriptedOAuthClient, toOutcome, type Sandbox } from '@gauzy-mcp/testkit';
import { createSandbox } from './helpers.js';
import { requireRedis } from '@gauzy-mcp/testkit/redis';

const BIN = new URL('../../node_modules/.bin/gauzy-mcp', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-serve-'));
let sandbox: Sandbox;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
});
after(async () => {
  await sandbox.close();
  rmSync(scratch, { recursive: true, force: true });
});


function serve(args: string[]) {
  assert.ok(existsSync(BIN), `${BIN} is missing: run "npm run setup" (install + build) first`);
  const { API_BASE_URL: _a, GAUZY_AUTH_EMAIL: _e, GAUZY_AUTH_PASSWORD: _p, REDIS_URL: _r, PORT: _port, ...inherited } = process.env;
  const child = spawn(BIN, ['serve', ...args], { env: { ...inherited, GAUZY_MCP_LOG_LEVEL: 'warn', GAUZY_MCP_DATA_DIR: scratch }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return { child, stderr: () => stderr };
}

test('gauzy-mcp serve with --auth-config: host and authorization server from config files; an OAuth client connects', async () => {
  const authPort = await freePort();
  const hostConfig = join(scratch, 'host.json');
  const authConfig = join(scratch, 'auth.json');
  writeFileSync(hostConfig, JSON.stringify({ port: 0, gauzy: { baseUrl: sandbox.url } }));
  writeFileSync(authConfig, JSON.stringify({ port: authPort, cookieKeys: ['a-cookie-key-of-at-least-32-characters!'] }));
  const server = serve(['--config', hostConfig, '--auth-config', authConfig]);
  try {
    const mcpUrl = await new Promise<string>((resolve, reject) => {
      server.child.stderr!.on('data', () => {
        const match = /host ready: (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(server.stderr());
        if (match && server.stderr().includes('Authorization server:')) resolve(match[1]!);
      });
      server.child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${server.stderr()}`)));
    });
    assert.match(server.stderr(), new RegExp(`Identity: oauth \\(tokens from http://127\\.0\\.0\\.1:${authPort}\\)`));
    const oauth = new ScriptedOAuthClient(new Browser(), sandbox.seed.users.employee);
    const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: oauth });
    await assert.rejects(new Client({ name: 'serve-test', version: '1.0.0' }).connect(first), UnauthorizedError);
    await first.finishAuth(oauth.callback!.searchParams);
    const client = new Client({ name: 'serve-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: oauth }));
    const tasks = toOutcome(await client.callTool({ name: 'get_my_tasks', arguments: {} }));
    assert.equal(tasks.isError, false, tasks.text);
    await client.close();
  } finally {
    server.child.kill('SIGTERM');
  }
  const [code] = await once(server.child, 'exit');
  assert.equal(code, 0, server.stderr());
  assert.ok(existsSync(join(scratch, 'signing-keys.json')), 'signing keys persisted in the data directory');
});

test('gauzy-mcp serve stops with one clear message on a bad auth config', async () => {
  const hostConfig = join(scratch, 'host-bad.json');
  const authConfig = join(scratch, 'auth-bad.json');
  writeFileSync(hostConfig, JSON.stringify({ port: 0, gauzy: { baseUrl: sandbox.url } }));
  writeFileSync(authConfig, JSON.stringify({ port: 1, cookiKeys: ['x'] }));
  const server = serve(['--config', hostConfig, '--auth-config', authConfig]);
  const [code] = await once(server.child, 'exit');
  assert.equal(code, 1);
  assert.match(server.stderr(), /GMCP_ERR_CONFIG_INVALID: Invalid configuration: auth: unknown key cookiKeys/);
});

test('gauzy-mcp serve with --auth-config on Redis: the authorization server shares the host\'s Redis under its key prefix and serves', async () => {
  const authPort = await freePort();
  const hostConfig = join(scratch, 'host-redis.json');
  const authConfig = join(scratch, 'auth-redis.json');
  const redis = await requireRedis('gauzy-mcp-test:serve');
  writeFileSync(hostConfig, JSON.stringify({ port: 0, gauzy: { baseUrl: sandbox.url }, state: { redisUrl: redis.url, keyPrefix: redis.prefix, encryptionKey: randomBytes(32).toString('base64') } }));
  writeFileSync(authConfig, JSON.stringify({ port: authPort, cookieKeys: ['a-cookie-key-of-at-least-32-characters!'] }));
  const server = serve(['--config', hostConfig, '--auth-config', authConfig]);
  try {
    await new Promise<void>((resolve, reject) => {
      server.child.stderr!.on('data', () => {
        if (/host ready:/.test(server.stderr()) && server.stderr().includes('Authorization server:')) resolve();
      });
      server.child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${server.stderr()}`)));
    });
    // A registration passes the auth server's Redis-backed rate limiter.
    const registered = await fetch(`http://127.0.0.1:${authPort}/oauth2/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: ['http://127.0.0.1:9/callback'], token_endpoint_auth_method: 'none', client_name: 'serve-redis-test' }),
    });
    assert.equal(registered.status, 201, await registered.text());
  } finally {
    server.child.kill('SIGTERM');
  }
  const [code] = await once(server.child, 'exit');
  assert.equal(code, 0, server.stderr());
  assert.ok((await redis.keys(`${redis.prefix}*`)).length > 0, 'the host and the authorization server wrote under the prefix');
  await redis.cleanup();
});

