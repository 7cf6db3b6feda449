import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { authConfigSchema, buildAuthServer, DEFAULT_KEY_POLICY, loadAuthConfig, type AuthServer } from '@gauzy-mcp/auth';
import { ERROR_TABLE, silentLogger } from '@gauzy-mcp/core';
import { createGauzyHttp } from '@gauzy-mcp/core/internal';
import { HOST_ENV_OVERRIDES, hostConfigSchema, HostMetrics, loadHostConfig, RPC, startHost, type RunningHost } from '@gauzy-mcp/host';
import { findGauzyRoute } from '@gauzy-mcp/testkit';
import { AUTH_ENV_MAPPINGS } from '../src/commands/config-reference.js';
import { GENERATED_DOCS, renderOperatorGuide } from '../src/commands/docs-update.js';
import { importFromCli } from '../src/plugins.js';

// docs/OPERATORS.md: its config reference is generated from the schemas and the env tables, and each name,
// endpoint, metric, code and number its prose states is checked here against the code that has it.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const source = (path: string) => readFileSync(new URL(path, `file://${ROOT}`), 'utf8');
const guide = source(GENERATED_DOCS.operators);
const readme = source('README.md');
/** Every inline code span of a Markdown text, fenced blocks left out. */
const codeSpans = (text: string) => [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);

test('the config reference in docs/OPERATORS.md is current (run `node cli/bin/gauzy-mcp.js docs --write`)', async () => {
  assert.equal(guide, await renderOperatorGuide(ROOT), 'docs/OPERATORS.md is stale: run `node cli/bin/gauzy-mcp.js docs --write`');
  for (const key of ['state.encryptionKey', 'sessionBinding.userAgent', 'identity.accounts[].token', 'serviceClients[].gauzy.email', 'tls.certFile']) assert.ok(guide.includes(`| \`${key}\` |`), `${key} has a row`);
});

test("the authorization server's env mappings are what loadAuthConfig does, and it reads no other variable", () => {
  const samples: Record<string, string> = {
    AUTH_PORT: '4100',
    GAUZY_MCP_AUTH_ISSUER: 'https://auth.example.com',
    GAUZY_MCP_DATA_DIR: '/srv/gauzy-mcp',
    GAUZY_MCP_COOKIE_KEYS: `${'a'.repeat(32)},${'b'.repeat(32)}`,
    GAUZY_MCP_SIGNING_KEYS: '{"keys":[]}',
  };
  const base = loadAuthConfig({ env: {} }) as Record<string, unknown>;
  for (const mapping of AUTH_ENV_MAPPINGS) {
    const env = Object.fromEntries(mapping.names.map((name) => [name, samples[name]!]));
    const loaded = loadAuthConfig({ env }) as Record<string, unknown>;
    const changed = Object.keys({ ...base, ...loaded }).filter((key) => JSON.stringify(base[key]) !== JSON.stringify(loaded[key]));
    assert.deepEqual(changed, [...mapping.keys], mapping.names.join(', '));
  }
  const read = [...source('auth/src/config.ts').matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]!);
  assert.deepEqual([...new Set(read)].sort(), AUTH_ENV_MAPPINGS.flatMap((mapping) => mapping.names).sort());
  assert.ok(Object.keys(authConfigSchema.shape).length > 5);
});

test("every variable the guide names is read by the code, and every error code it names is the kernel's", () => {
  const mapped = new Set([...HOST_ENV_OVERRIDES, ...AUTH_ENV_MAPPINGS].flatMap((mapping) => mapping.names));
  const code = ['cli/src/commands/serve.ts', 'cli/src/main.ts', 'core/src/log.ts', 'host/src/config.ts'].map(source).join('\n');
  const names = [...new Set(codeSpans(guide).flatMap((span) => span.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? []))];
  assert.ok(names.length > 20);
  for (const name of names) {
    if (name.startsWith('GMCP_ERR_')) assert.ok(name in ERROR_TABLE, `${name} is not an error code`);
    else assert.ok(mapped.has(name) || code.includes(`env.${name}`), `${name} is read nowhere`);
  }
  for (const [, code] of guide.matchAll(/`(-32\d{3})`/g)) assert.ok(Object.values(RPC).includes(Number(code) as never), `${code} is not one of the host's JSON-RPC codes`);
});

test('every metric the guide lists is a series the host exports, and it lists them all', () => {
  const metrics = new HostMetrics();
  const exported = Object.values(metrics)
    .map((metric) => (metric as { name?: unknown }).name)
    .filter((name): name is string => typeof name === 'string');
  const listed = [...new Set([...guide.matchAll(/`(gauzy_mcp_\w+)`/g)].map((match) => match[1]!))];
  assert.deepEqual(listed.sort(), exported.sort());
  for (const name of exported) assert.match(metrics.render(), new RegExp(`^# TYPE ${name} (counter|gauge|histogram)$`, 'm'));
});

test('the numbers the prose states are the code\'s', async () => {
  assert.match(guide, /`Retry-After: 5`/);
  assert.match(source('host/src/http/app.ts'), /STATE_RETRY_AFTER_SECONDS = 5;/);
  const day = 24 * 3600_000;
  assert.deepEqual([DEFAULT_KEY_POLICY.rotateAfterMs, DEFAULT_KEY_POLICY.publishAheadMs, DEFAULT_KEY_POLICY.algorithm], [30 * day, day, 'ES256']);
  assert.match(guide, /once the signing key has signed for 30 days and the next key has been published for a day/);
  assert.match(guide, /ES256 by default, `algorithm`; 15 minutes/);
  assert.equal(authConfigSchema.parse({}).algorithm, 'ES256');
  assert.match(source('auth/src/server.ts'), /AccessToken: options\.accessTokenTtlSeconds \?\? 900,/);
  assert.match(guide, /cached up to 10\s+minutes/);
  assert.match(source('host/src/bearer-identity.ts'), /cacheMaxAge: 10 \* 60_000/);
  assert.match(guide, /default `gauzy-mcp:`/);
  assert.equal(hostConfigSchema.parse({}).state.keyPrefix, 'gauzy-mcp:');
  // `openssl rand -base64 32` prints 44 characters of base64; hex is 64 characters. Both are accepted.
  assert.match(guide, /openssl rand -base64 32/);
  for (const key of [randomBytes(32).toString('base64'), randomBytes(32).toString('hex')]) {
    const { config } = loadHostConfig({ input: { gauzy: { baseUrl: 'http://127.0.0.1:9' }, identity: { mode: 'oauth', issuer: 'http://127.0.0.1:9' } }, env: { REDIS_URL: 'redis://127.0.0.1:6379', GAUZY_MCP_STATE_KEY: key } });
    assert.equal(config.state.encryptionKey, key);
  }
  assert.throws(() => loadHostConfig({ input: { gauzy: { baseUrl: 'http://127.0.0.1:9' }, identity: { mode: 'oauth', issuer: 'http://127.0.0.1:9' } }, env: { GAUZY_MCP_STATE_KEY: randomBytes(16).toString('base64') } }), /must be 32 bytes/);
});

let host: RunningHost;
let auth: AuthServer;
before(async () => {
  host = await startHost({
    input: { host: '127.0.0.1', port: 0, gauzy: { baseUrl: 'http://127.0.0.1:9' }, identity: { mode: 'oauth', issuer: 'http://127.0.0.1:9' }, plugins: ['@gauzy-mcp/plugin-diagnostics'] },
    env: {},
    log: silentLogger,
    importModule: importFromCli,
  });
  auth = await buildAuthServer({ issuer: 'http://127.0.0.1:9', resource: host.mcpUrl, vault: host.vault, kv: host.kv, gauzy: createGauzyHttp({ gauzyBaseUrl: 'http://127.0.0.1:9', log: silentLogger }), log: silentLogger });
});
after(async () => {
  await auth?.app.close();
  await host?.close();
});

test('every endpoint the guide names is routed: the host\'s, the authorization server\'s, or (under /api/) Gauzy\'s', async () => {
  const paths = codeSpans(guide).flatMap((span) => {
    const match = /^(?:(GET|POST|DELETE) )?(\/[\w./-]*)$/.exec(span);
    // `/api` alone is Gauzy's prefix, named in the `gauzy.baseUrl` row.
    return match && match[2] !== '/api' ? [{ method: match[1], path: match[2]! }] : [];
  });
  assert.ok(paths.length >= 8);
  for (const { method, path } of paths) {
    if (path.startsWith('/api/')) {
      assert.ok(findGauzyRoute(method ?? 'GET', path), `${path} is not a Gauzy route`);
      continue;
    }
    const onHost = (method ? [method] : ['GET', 'POST']).some((verb) => host.app.hasRoute({ method: verb as 'GET', url: path }));
    const onAuth = onHost ? false : (await auth.app.inject({ method: (method ?? 'GET') as 'GET', url: path })).statusCode !== 404;
    assert.ok(onHost || onAuth, `${method ?? ''} ${path} is routed by neither server`);
  }
});

test("the README's env table names each variable with the config keys it sets, and names them all", () => {
  const table = readme.slice(readme.indexOf('| env | config key |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const byName = new Map(HOST_ENV_OVERRIDES.flatMap((override) => override.names.map((name) => [name, override] as const)));
  const named = new Set<string>();
  for (const row of rows) {
    const [, variables = '', keys = ''] = row.split(/(?<!\\)\|/);
    const rowKeys = [...keys.matchAll(/`([\w.*]+)`/g)].map((match) => match[1]!);
    for (const [, name] of variables.matchAll(/`([A-Z][A-Z0-9_]*)(?:=[^`]*)?`/g) as IterableIterator<[string, string]>) {
      const override = byName.get(name);
      assert.ok(override, `README names ${name}, which the host does not read`);
      named.add(name);
      for (const key of override.keys) {
        const covered = rowKeys.some((rowKey) => rowKey === key || (rowKey.endsWith('.*') && key.startsWith(rowKey.slice(0, -1))));
        assert.ok(covered, `README: ${name} sets ${key}, which its row does not name (${rowKeys.join(', ')})`);
      }
    }
  }
  assert.deepEqual([...byName.keys()].filter((name) => !named.has(name)), [], 'variables the README table leaves out');
  assert.match(readme, /docs\/OPERATORS\.md/, 'the README links the operator guide');
});
