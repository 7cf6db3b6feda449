import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { isGauzyMcpError, silentLogger } from '@gauzy-mcp/core';
import { loadHostConfig, startHost } from '../src/index.js';
import { createSandbox, type Sandbox } from './helpers.js';

const account = { name: 'admin', email: 'admin@ever.co', password: 'admin' };
const base = { gauzy: { baseUrl: 'http://127.0.0.1:9' }, identity: { mode: 'development' as const, accounts: [account] } };

const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-config-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(isGauzyMcpError(error, 'GMCP_ERR_CONFIG_INVALID'), `expected a config error, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the config was accepted');
}

describe('host config: checked at start, one clear message', () => {
  test('defaults fill in a minimal config; env overrides the file', () => {
    const dir = mkdtempSync(join(scratch, 'file-'));
    const path = join(dir, 'host.json');
    writeFileSync(path, JSON.stringify({ ...base, port: 4000, limits: { rateLimitMax: 5 } }));
    const { config, baseDir } = loadHostConfig({ path, env: { PORT: '4100', GAUZY_MCP_READ_ONLY: 'true', GAUZY_MCP_PLUGINS: '@gauzy-mcp/plugin-projects' } });
    assert.equal(config.port, 4100);
    assert.equal(config.limits.rateLimitMax, 5);
    assert.equal(config.limits.rateLimitWindowSeconds, 900);
    assert.equal(config.inventory.readOnly, true);
    assert.deepEqual(config.plugins, ['@gauzy-mcp/plugin-projects']);
    assert.equal(config.state.sessionTtlSeconds, 1800);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(baseDir, dir);
  });

  test('an unknown key, nested or not, is named', () => {
    assert.match(configError(() => loadHostConfig({ input: { ...base, prot: 1 } as never })), /unknown key prot/);
    assert.match(configError(() => loadHostConfig({ input: { ...base, limits: { rateLimt: 5 } } as never })), /unknown key limits\.rateLimt/);
  });

  test('wrong types and missing essentials are each named', () => {
    assert.match(configError(() => loadHostConfig({ input: { ...base, port: 'eighty' } as never })), /port/);
    assert.match(configError(() => loadHostConfig({ input: { identity: base.identity } })), /gauzy\.baseUrl is required/);
    assert.match(configError(() => loadHostConfig({ input: { gauzy: base.gauzy } })), /at least one Gauzy account/);
    assert.match(configError(() => loadHostConfig({ input: base, env: { PORT: 'abc' } })), /PORT must be a whole number/);
  });

  test('a config file that is not JSON says so', () => {
    const path = join(scratch, 'broken.json');
    writeFileSync(path, '{ "port": 3001, }');
    assert.match(configError(() => loadHostConfig({ path })), /not valid JSON/);
    assert.match(configError(() => loadHostConfig({ path: '/nonexistent/host.json' })), /cannot read config file/);
  });

  test('oauth identity: an issuer is required, defaults fill in, and it may bind beyond loopback', () => {
    const { config } = loadHostConfig({ input: { gauzy: base.gauzy, host: '0.0.0.0', identity: { mode: 'oauth', issuer: 'https://auth.example.com' } } });
    assert.deepEqual(config.identity, { mode: 'oauth', issuer: 'https://auth.example.com', algorithms: ['ES256', 'RS256'] });
    assert.match(configError(() => loadHostConfig({ input: { gauzy: base.gauzy, identity: { mode: 'oauth' } as never } })), /identity\.issuer/);
    assert.match(configError(() => loadHostConfig({ input: { gauzy: base.gauzy, identity: { mode: 'oauth', issuer: 'https://a.example', algorithms: ['HS256'] } as never } })), /identity\.algorithms/);
    assert.equal(loadHostConfig({ input: { gauzy: base.gauzy }, env: { GAUZY_MCP_OAUTH_ISSUER: 'https://auth.example.com' } }).config.identity.mode, 'oauth');
    const production = { gauzy: base.gauzy, mode: 'production' as const, identity: { mode: 'oauth' as const, issuer: 'https://auth.example.com' } };
    assert.match(configError(() => loadHostConfig({ input: production })), /production mode needs state\.encryptionKey/);
    assert.equal(loadHostConfig({ input: { ...production, state: { encryptionKey: Buffer.alloc(32, 7).toString('base64') } } }).config.mode, 'production');
  });

  test('development accounts are allowed only on loopback, and Redis needs an encryption key', () => {
    assert.match(configError(() => loadHostConfig({ input: { ...base, host: '0.0.0.0' } })), /only on loopback/);
    assert.match(configError(() => loadHostConfig({ input: { ...base, state: { redisUrl: 'redis://127.0.0.1:6379' } } })), /encryptionKey .* is required with Redis/);
    assert.match(configError(() => loadHostConfig({ input: { ...base, state: { encryptionKey: 'short' } } })), /must be 32 bytes/);
    assert.match(
      configError(() => loadHostConfig({ input: { ...base, identity: { mode: 'development', accounts: [account, { ...account, name: 'second' }] } } })),
      /each needs a token/,
    );
  });
});

describe('host start-up refuses bad plugins with one message', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await createSandbox({ seed: 'default' });
  });
  after(async () => {
    await sandbox.close();
  });
  const input = () => ({ port: 0, gauzy: { baseUrl: sandbox.url }, identity: base.identity });

  test('an unknown plugin package: the error lists the installed ones', async () => {
    await assert.rejects(
      startHost({ input: { ...input(), plugins: ['@gauzy-mcp/plugin-nonexistent'] }, env: {}, log: silentLogger, searchDirs: [fileURLToPath(new URL('..', import.meta.url))] }),
      (error: unknown) => {
        assert.ok(isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID'));
        assert.match(error.message, /@gauzy-mcp\/plugin-nonexistent is invalid: is not installed; installed plugin packages: .*@gauzy-mcp\/plugin-projects/);
        return true;
      },
    );
  });

  test('two plugins with the same tool name', async () => {
    const duplicate = fileURLToPath(new URL('./fixtures/duplicate-tool-plugin.ts', import.meta.url));
    await assert.rejects(startHost({ input: { ...input(), plugins: ['@gauzy-mcp/plugin-projects', duplicate] }, env: {}, log: silentLogger }), (error: unknown) => {
      assert.ok(isGauzyMcpError(error, 'GMCP_ERR_DUPLICATE_TOOL'));
      assert.match(error.message, /list_projects is defined by both/);
      return true;
    });
  });

  test('a module that is not a plugin', async () => {
    const notPlugin = fileURLToPath(new URL('./helpers.ts', import.meta.url));
    await assert.rejects(startHost({ input: { ...input(), plugins: [notPlugin] }, env: {}, log: silentLogger }), /has no default export of a plugin definition/);
  });
});
