import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isGauzyMcpError, silentLogger } from '@gauzy-mcp/core';
import { startHost, type HostConfigInput } from '../src/index.js';
import { installedPluginsOrFail } from '../src/plugins.js';
import { createSandbox, type Sandbox } from './helpers.js';

// The host names no pack in code: the config's `plugins`, else the composition root's list, else what is installed.

describe('which plugin packages a host loads', () => {
  let sandbox: Sandbox;
  const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-no-plugins-'));
  before(async () => {
    sandbox = await createSandbox({ seed: 'default' });
  });
  after(async () => {
    await sandbox.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  const input = (extra: HostConfigInput = {}): HostConfigInput => ({
    port: 0,
    gauzy: { baseUrl: sandbox.url },
    identity: { mode: 'development', accounts: [{ name: 'admin', email: 'admin@ever.co', password: 'admin' }] },
    inventory: { toolsets: ['all'] },
    ...extra,
  });
  const loadedPacks = async (extra: HostConfigInput, defaultPlugins?: readonly string[]) => {
    const host = await startHost({ input: input(extra), env: {}, log: silentLogger, ...(defaultPlugins ? { defaultPlugins } : {}) });
    try {
      return host.plugins.map((plugin) => plugin.name).sort();
    } finally {
      await host.close();
    }
  };

  test('the composition root\'s defaults when the config names none; the config\'s list wins over them', async () => {
    assert.deepEqual(await loadedPacks({}, ['@gauzy-mcp/plugin-session']), ['session']);
    assert.deepEqual(await loadedPacks({ plugins: ['@gauzy-mcp/plugin-tasks'] }, ['@gauzy-mcp/plugin-session']), ['tasks']);
  });

  test('neither: every installed plugin package (the gauzy-mcp-plugin keyword) beside the host', async () => {
    assert.deepEqual(await loadedPacks({}), ['diagnostics', 'projects', 'session', 'tasks', 'time-tracking']);
  });

  test('nothing named and nothing installed stops start-up saying how to name the packs', () => {
    assert.throws(() => installedPluginsOrFail([scratch]), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_CONFIG_INVALID') && /no plugins: name the packs to serve in the config's plugins \(or GAUZY_MCP_PLUGINS\)/.test(error.message));
  });
});
