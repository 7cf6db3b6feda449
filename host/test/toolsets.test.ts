import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { isGauzyMcpError, type PluginDefinition } from '@gauzy-mcp/core';
import { installedPluginPackages, loadConfiguredPlugins, type HostConfigInput } from '../src/index.js';
import { connectHttp, createSandbox, startTestHost, type Sandbox } from './helpers.js';

const HOST_DIR = fileURLToPath(new URL('..', import.meta.url));
const DEFAULTS = ['projects', 'tasks', 'time-tracking', 'session'];
const BULK = ['projects-bulk', 'tasks-bulk'];

describe('the host serves the default toolsets unless its config or env names others', () => {
  let sandbox: Sandbox;
  let plugins: PluginDefinition[];
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    // The packs a host with no `plugins` in its config serves: those installed beside it.
    plugins = await loadConfiguredPlugins(installedPluginPackages([HOST_DIR]), { baseDir: HOST_DIR });
  });
  after(async () => {
    await sandbox.close();
  });

  const declaredIn = (toolsets: readonly string[]) =>
    plugins
      .flatMap((plugin) => plugin.tools)
      // login is withdrawn on the host: its users sign in at the authorization server.
      .filter((tool) => toolsets.includes(tool.toolset) && !tool.retired && !tool.localSignIn)
      .map((tool) => tool.name)
      .sort();

  /** Every page of tools/list from a host started with this config and env. */
  async function listedNames(input: HostConfigInput, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
    const host = await startTestHost(sandbox, input, { env });
    const client = await connectHttp(host.mcpUrl, '2026-07-28');
    try {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.client.listTools(cursor ? { cursor } : {});
        names.push(...page.tools.map((tool) => tool.name));
        cursor = page.nextCursor;
      } while (cursor);
      return names;
    } finally {
      await client.close();
      await host.close();
    }
  }

  test('no toolsets configured: exactly the default toolsets\' tools', async () => {
    const names = await listedNames({});
    assert.deepEqual(names, declaredIn(DEFAULTS));
    assert.ok(!names.includes('get_server_info'), 'diagnostics is not a default toolset');
  });

  test('inventory.toolsets ["all"] serves every toolset; a list exactly those; GAUZY_MCP_TOOLSETS overrides the file', async () => {
    assert.deepEqual(await listedNames({ inventory: { toolsets: ['all'] } }), declaredIn([...DEFAULTS, ...BULK, 'diagnostics']));
    assert.deepEqual(await listedNames({ inventory: { toolsets: ['tasks', 'diagnostics'] } }), declaredIn(['tasks', 'diagnostics']));
    assert.deepEqual(await listedNames({ inventory: { toolsets: ['all'] } }, { GAUZY_MCP_TOOLSETS: 'default,diagnostics' }), declaredIn([...DEFAULTS, 'diagnostics']));
  });

  test('login is not listed on the host, and calling it says where sign-in happens instead', async () => {
    const host = await startTestHost(sandbox, {});
    const client = await connectHttp(host.mcpUrl, '2026-07-28');
    try {
      const names = (await client.client.listTools({})).tools.map((tool) => tool.name);
      assert.ok(names.includes('get_session_info') && !names.includes('login'), names.join(', '));
      const answer = await client.client.callTool({ name: 'login', arguments: { email: 'employee@ever.co', password: '12345678' } });
      assert.equal(answer.isError, true);
      const text = JSON.stringify(answer.content);
      assert.match(text, /GMCP_ERR_TOOL_RETIRED/);
      assert.match(text, /authorization server/);
    } finally {
      await client.close();
      await host.close();
    }
  });

  test('an unknown toolset stops start-up with one message naming the known ones', async () => {
    await assert.rejects(startTestHost(sandbox, { inventory: { toolsets: ['projects', 'payroll'] } }), (error: unknown) => {
      assert.ok(isGauzyMcpError(error, 'GMCP_ERR_CONFIG_INVALID'));
      assert.match(error.message, /unknown toolset "payroll"; known: diagnostics, projects, projects-bulk, session, tasks, tasks-bulk, time-tracking \(default: projects, session, tasks, time-tracking\)/);
      return true;
    });
  });
});
