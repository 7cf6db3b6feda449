// The host measured by memory.ts, in its own process: it reports its heap (after collecting garbage) when asked.
import { silentLogger } from '@gauzy-mcp/core';
import { startHost } from '@gauzy-mcp/host';
import { createSandbox, loadSandboxEntities } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli } from 'gauzy-mcp';

const sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli) });
const admin = sandbox.seed.users.superAdmin;
const host = await startHost({
  input: {
    port: 0,
    gauzy: { baseUrl: sandbox.url, sandbox: true },
    plugins: [...DEFAULT_PLUGIN_PACKAGES],
    identity: { mode: 'development', accounts: [{ name: 'bench', email: admin.email, password: admin.password }] },
    limits: { rateLimitMax: 1_000_000_000 },
    inventory: { toolsets: ['all'] },
  },
  env: {},
  log: silentLogger,
  importModule: importFromCli,
});

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('memory-host needs --expose-gc');
const report = (extra: Record<string, unknown> = {}) => {
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  const gauge = (name: string) => Number(/\n?(\S+) (\d+)/.exec(host.metrics.render().split('\n').find((line) => line.startsWith(`${name} `)) ?? '')?.[2] ?? 0);
  process.send!({ heapUsed, rss, sessions: gauge('gauzy_mcp_sessions_active'), webSockets: gauge('gauzy_mcp_websocket_connections'), ...extra });
};
process.on('message', async (command) => {
  if (command === 'measure') return report();
  await host.close();
  await sandbox.close();
  process.exit(0);
});
report({ url: host.mcpUrl });
