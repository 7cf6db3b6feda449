import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { createClient } from '@gauzy-mcp/testkit';

// Installing without cloning: the workspace packed as a user would get it, installed into an empty folder from the
// tarballs alone (third-party dependencies from the registry), and run as the README tells Claude Desktop to run it.
const ROOT = new URL('../../', import.meta.url).pathname;
const PNPM = ['-y', 'pnpm@12.21.0'];

describe('gauzy-mcp installed from its packed tarballs', { timeout: 600_000 }, () => {
  let dir: string;
  let tarballs: Map<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gauzy-mcp-packed-'));
    const packed = join(dir, 'tarballs');
    mkdirSync(packed);
    // pnpm pack turns workspace:* into the packages' versions, as publishing would.
    execFileSync('npx', [...PNPM, '-r', '--filter', '!@gauzy-mcp/bench', '--filter', '!./examples/**', 'pack', '--pack-destination', packed], { cwd: ROOT, stdio: 'ignore' });
    tarballs = new Map(readdirSync(packed).map((file) => [packageOf(file), join(packed, file)]));
    assert.ok(tarballs.has('gauzy-mcp') && tarballs.has('@gauzy-mcp/core'), `packed: ${[...tarballs.keys()].join(', ')}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** An empty project depending on `wanted`, every @gauzy-mcp package resolved to its tarball. */
  const install = (name: string, wanted: string[]) => {
    const app = join(dir, name);
    mkdirSync(app);
    const fromTarball = Object.fromEntries([...tarballs].map(([pkg, file]) => [pkg, `file:${file}`]));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies: Object.fromEntries(wanted.map((pkg) => [pkg, fromTarball[pkg]])), overrides: fromTarball }, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'ignore' });
    return app;
  };

  test('the installed package serves stdio with the README\'s Claude Desktop config, its path pointed at the install', async () => {
    const app = install('desktop', ['gauzy-mcp']);
    // The README's config: {"command": "node", "args": ["/path/to/gauzy-mcp/cli/bin/gauzy-mcp.js", "stdio"]}.
    const config = { command: 'node', args: [join(app, 'node_modules', 'gauzy-mcp', 'bin', 'gauzy-mcp.js'), 'stdio'] };
    const { API_BASE_URL: _a, GAUZY_AUTH_EMAIL: _e, GAUZY_AUTH_PASSWORD: _p, ...inherited } = process.env;
    const transport = new StdioClientTransport({ ...config, cwd: app, env: { ...(inherited as Record<string, string>), GAUZY_MCP_LOG_LEVEL: 'warn' }, stderr: 'pipe' });
    const client = createClient('2025-06-18');
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'list_projects') && tools.length > 30, `tools: ${tools.length}`);
      const projects = await client.callTool({ name: 'list_projects', arguments: { take: 1 } });
      assert.notEqual(projects.isError, true, JSON.stringify(projects.content));
    } finally {
      await client.close();
    }
  });

  test('core + host + one pack: only that pack\'s tools are served', async () => {
    const app = install('one-pack', ['@gauzy-mcp/core', '@gauzy-mcp/host', '@gauzy-mcp/plugin-tasks']);
    writeFileSync(
      join(app, 'list.mjs'),
      `import { startHost } from '@gauzy-mcp/host';
const host = await startHost({ input: { port: 0, gauzy: { baseUrl: 'http://127.0.0.1:9' }, identity: { mode: 'development', accounts: [{ name: 'me', email: 'me@example.com', password: 'x' }] }, inventory: { toolsets: ['all'] } }, env: {} });
const response = await fetch(host.mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} } } }) });
process.stdout.write(JSON.stringify({ plugins: host.plugins.map((plugin) => plugin.name), tools: (await response.json()).result.tools.map((tool) => tool.name) }));
await host.close();
`,
    );
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['list.mjs'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk));
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
    });
    const { plugins, tools } = JSON.parse(output) as { plugins: string[]; tools: string[] };
    assert.deepEqual(plugins, ['tasks']);
    assert.ok(tools.includes('list_tasks') && tools.includes('create_task'));
    assert.ok(!tools.some((name) => /project|time_log|server_info/.test(name)), `only the tasks pack: ${tools.join(', ')}`);
  });
});

/** `gauzy-mcp-plugin-tasks-0.1.0.tgz` → `@gauzy-mcp/plugin-tasks`; `gauzy-mcp-0.1.0.tgz` → `gauzy-mcp`. */
function packageOf(file: string): string {
  const base = file.replace(/-\d+\.\d+\.\d+(?:-[\w.]+)?\.tgz$/, '');
  return base === 'gauzy-mcp' ? base : base.replace(/^gauzy-mcp-/, '@gauzy-mcp/');
}
