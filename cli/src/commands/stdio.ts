import { createKernel, GauzyMcpError, type GauzyCredentials } from '@gauzy-mcp/core';
import {
  createLogger,
  DrainingStdioTransport,
  inventoryOptionsFromEnv,
  logLevelFromEnv,
  MIN_LIVE_POLL_MS,
  normalizeGauzyBaseUrl,
  parseBoolean,
  serveKernelOverStdio,
} from '@gauzy-mcp/core/internal';
import type { Sandbox } from '@gauzy-mcp/testkit';
import type { EarlyStart } from '../early-start/index.js';
import { refreshEarlyAnswers } from '../early-start/refresh.js';
import { importFromCli, loadPlugins, pluginPackagesFromEnv } from '../plugins.js';

/**
 * `gauzy-mcp stdio`: the MCP server over stdin/stdout for one person. With API_BASE_URL it talks to
 * that Gauzy as GAUZY_AUTH_EMAIL; without it, it starts the bundled sandbox and signs in as its demo
 * user, so it works with zero setup. stdout carries JSON-RPC only; the one status line goes to stderr.
 */
export async function runStdio(env: NodeJS.ProcessEnv = process.env, early?: EarlyStart): Promise<void> {
  const log = createLogger({ level: logLevelFromEnv(env) });
  let sandbox: Sandbox | undefined;
  const given = env.API_BASE_URL ?? env.GAUZY_API_BASE_URL;
  // A wrong address fails here, before any sign-in, with the form to use; one ending in /api is understood.
  let baseUrl = given ? normalizeGauzyBaseUrl(given, env.API_BASE_URL ? 'API_BASE_URL' : 'GAUZY_API_BASE_URL') : undefined;
  let credentials: GauzyCredentials | undefined;
  if (baseUrl) {
    if (!env.GAUZY_AUTH_EMAIL || !env.GAUZY_AUTH_PASSWORD) {
      process.stderr.write('gauzy-mcp: API_BASE_URL is set, so GAUZY_AUTH_EMAIL and GAUZY_AUTH_PASSWORD are needed too (the Gauzy account to act as).\n');
      process.exitCode = 2;
      return;
    }
    credentials = { email: env.GAUZY_AUTH_EMAIL, password: env.GAUZY_AUTH_PASSWORD };
  } else {
    // Loaded only here: against a real Gauzy, the sandbox (and its Fastify) is never loaded.
    const { createSandbox, loadSandboxEntities } = await import('@gauzy-mcp/testkit');
    // The packs served teach the sandbox their entities (a pack with a ./sandbox export, third-party ones too).
    sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(pluginPackagesFromEnv(env), importFromCli) });
    baseUrl = sandbox.url;
    const demo = sandbox.seed.users.superAdmin;
    credentials = { email: env.GAUZY_AUTH_EMAIL ?? demo.email, password: env.GAUZY_AUTH_PASSWORD ?? demo.password };
  }
  const plugins = await loadPlugins(pluginPackagesFromEnv(env));
  const kernel = createKernel({
    plugins,
    inventory: inventoryOptionsFromEnv(env),
    catalogMode: parseBoolean(env.GAUZY_MCP_CATALOG, 'GAUZY_MCP_CATALOG'),
    gauzyBaseUrl: baseUrl,
    credentials,
    organizationId: env.GAUZY_ORGANIZATION_ID,
    sandbox: sandbox !== undefined,
    transport: 'stdio',
    log,
    timeoutMs: env.API_TIMEOUT ? Number(env.API_TIMEOUT) : undefined,
    live: { pollIntervalMs: livePollMs(env) },
  });
  // Serving starts before the sign-in: a client's first requests are answered while Gauzy checks the password.
  // With an early start, the kernel reads what stdin brought while it loaded, then the rest.
  const handover = early?.front.handOver();
  const handle = serveKernelOverStdio(kernel, log, handover ? new DrainingStdioTransport(handover.input, handover.output) : undefined);
  if (early && handover) refreshEarlyAnswers(kernel, early, log);
  let who = credentials.email;
  try {
    // Shared with any call that arrives meanwhile (one login): the client's handshake and tools/list need none.
    await kernel.session.accessToken();
    const identity = kernel.session.identity!;
    const org = identity.organizations.find((entry) => entry.id === identity.organizationId);
    who = `${identity.email} (${identity.role ?? 'user'}, ${org?.name ?? identity.organizationId})`;
  } catch (error) {
    // Keep serving: every tool will answer with this same sign-in error, which the user sees in their client.
    log.error('could not sign in to Gauzy', { error });
    who = `${credentials.email} — NOT signed in: ${(error as Error).message}`;
  }
  const perToolset = kernel.facts.toolsets.filter((toolset) => toolset.tools > 0).map((toolset) => `${toolset.name} ${toolset.tools}`).join(', ');
  process.stderr.write(
    `gauzy-mcp ${kernel.facts.version} ready on stdio: ${kernel.facts.toolCount} tools (${perToolset})${kernel.caller.view?.catalog ? ' in catalog mode' : ''} for Gauzy at ${baseUrl}${sandbox ? ' (bundled sandbox)' : ''} as ${who}. ` +
      `Client config: ${JSON.stringify(clientConfig(env))}\n`,
  );
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await handle.close().catch(() => {});
    await sandbox?.close().catch(() => {});
    process.exit(0);
  };
  // stdin ending is the client saying it is done: the transport answers what it was already asked, then drains.
  void handle.drained.then(shutdown);
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** GAUZY_MCP_LIVE_POLL_MS: how often a resource someone subscribed to is read again (default 15000 ms). */
function livePollMs(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.GAUZY_MCP_LIVE_POLL_MS;
  if (!value) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < MIN_LIVE_POLL_MS) {
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`GAUZY_MCP_LIVE_POLL_MS must be a whole number of milliseconds, at least ${MIN_LIVE_POLL_MS}, not "${value}"`]);
  }
  return Number(value);
}

/** What this server was started with, that a client config must repeat to start it the same way. */
const CONFIG_ENV = ['API_BASE_URL', 'GAUZY_API_BASE_URL', 'GAUZY_AUTH_EMAIL', 'GAUZY_AUTH_PASSWORD', 'GAUZY_MCP_TOOLSETS', 'GAUZY_MCP_READ_ONLY', 'GAUZY_MCP_TOOLS', 'GAUZY_MCP_EXCLUDE_TOOLS', 'GAUZY_MCP_CATALOG', 'GAUZY_MCP_PLUGINS', 'GAUZY_MCP_LIVE_POLL_MS', 'GAUZY_MCP_START_CACHE'] as const;

/**
 * The stdio entry of a client's config (Claude Desktop, Cursor) for this very server: the command, and the env it
 * was started with. The password is never printed: its place says to put it there.
 */
export function clientConfig(env: NodeJS.ProcessEnv): { command: string; args: string[]; env?: Record<string, string> } {
  const given = Object.fromEntries(CONFIG_ENV.filter((name) => env[name]).map((name) => [name, name === 'GAUZY_AUTH_PASSWORD' ? '<your Gauzy password>' : env[name]!]));
  return { command: process.execPath, args: [process.argv[1] ?? 'gauzy-mcp', 'stdio'], ...(Object.keys(given).length ? { env: given } : {}) };
}
