// The host measured by memory.ts, in its own process: it reports its heap (after collecting garbage) when asked.
import { benchSandbox, startBenchHost } from './bench-host.js';

const sandbox = await benchSandbox();
const host = await startBenchHost(sandbox);

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
