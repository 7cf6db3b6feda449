import { fileURLToPath } from 'node:url';
import { createLogger, logLevelFromEnv } from '@gauzy-mcp/core';
import { startHost, type HostConfigInput, type RunningHost } from '@gauzy-mcp/host';
import { createSandbox, type Sandbox } from '@gauzy-mcp/testkit';
import { importFromCli } from '../plugins.js';

// The CLI is the composition root: plugin packages named in the host config resolve from here.
const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));

/** `gauzy-mcp serve`: the remote host, configured by a JSON file (--config or GAUZY_MCP_CONFIG) and env. */
export async function runServe(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const configIndex = argv.indexOf('--config');
  const configPath = configIndex >= 0 ? argv[configIndex + 1] : undefined;
  const host = await startHost({ configPath, env, log: hostLog(env), importModule: importFromCli, searchDirs: [CLI_DIR] });
  announce(host, undefined);
  stopOnSignals(host, undefined);
}

/**
 * `gauzy-mcp demo`: the whole system on embedded defaults: the Gauzy sandbox with demo data and the
 * host in front of it, on loopback (HOST and PORT choose where; default 127.0.0.1:3001).
 */
export async function runDemo(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const sandbox = await createSandbox({ seed: 'demo' });
  const admin = sandbox.seed.users.superAdmin;
  const input: HostConfigInput = {
    gauzy: { baseUrl: sandbox.url, sandbox: true },
    identity: { mode: 'development', accounts: [{ name: 'demo', email: admin.email, password: admin.password }] },
  };
  let host: RunningHost;
  try {
    host = await startHost({ input, env: { ...env, API_BASE_URL: undefined, GAUZY_AUTH_EMAIL: undefined, GAUZY_AUTH_PASSWORD: undefined }, log: hostLog(env), importModule: importFromCli, searchDirs: [CLI_DIR] });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  announce(host, sandbox);
  stopOnSignals(host, sandbox);
}

function hostLog(env: NodeJS.ProcessEnv) {
  return createLogger({ level: logLevelFromEnv(env) }).child({ component: 'host' });
}

function announce(host: RunningHost, sandbox: Sandbox | undefined): void {
  const config = { mcpServers: { gauzy: { type: 'http', url: host.mcpUrl } } };
  const lines = [
    `gauzy-mcp host ready: ${host.mcpUrl} (${host.toolCount} tools; Gauzy at ${host.config.gauzy?.baseUrl}${sandbox ? ', the bundled sandbox with demo data' : ''}).`,
    `  Streamable HTTP: POST ${host.mcpUrl} (2026-07-28 and 2025 revisions); HTTP+SSE: GET ${host.url}/sse/events; WebSocket: ${host.url.replace(/^http/, 'ws')}/ws`,
    `  Health ${host.url}/health, readiness ${host.url}/ready, metrics ${host.url}/metrics`,
    `  Client config (Claude Code, Cursor, VS Code): ${JSON.stringify(config)}`,
    `  Identity: ${host.identityMode}.`,
  ];
  if (host.identityMode.startsWith('development')) {
    lines.push('  !! DEVELOPMENT IDENTITY: every request acts as the configured Gauzy account(s). Loopback only; not for a team deployment.');
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}

function stopOnSignals(host: RunningHost, sandbox: Sandbox | undefined): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`gauzy-mcp: ${signal}: draining and stopping\n`);
    void (async () => {
      await host.close();
      await sandbox?.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
