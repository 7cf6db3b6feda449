import { createCatalog, createGauzyHttp, createLogger, KERNEL_VERSION, logLevelFromEnv, type Logger } from '@gauzy-mcp/core';
import type { FastifyInstance } from 'fastify';
import { loadHostConfig, type HostConfig, type HostConfigInput } from './config.js';
import { createDevAuthenticator } from './dev-identity.js';
import { buildHostApp, MCP_ROUTE } from './http/app.js';
import { legacyStreamHandler, registerMcpRoutes } from './http/mcp-routes.js';
import { identityFromAuthInfo, SessionManager } from './http/sessions.js';
import { HostMetrics } from './ops/metrics.js';
import { registerOpsRoutes } from './ops/routes.js';
import { loadConfiguredPlugins, type ModuleImporter } from './plugins.js';
import { createHostState } from './state/index.js';

export interface StartHostOptions {
  /** Config file path (else GAUZY_MCP_CONFIG). */
  configPath?: string;
  /** Config values in code (tests, the demo); env overrides still apply on top. */
  input?: HostConfigInput;
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  /** Resolves plugin package names from the composition root (the CLI passes its own `import`). */
  importModule?: ModuleImporter;
  searchDirs?: readonly string[];
}

export interface RunningHost {
  /** Base URL, e.g. http://127.0.0.1:3001 */
  url: string;
  /** The MCP endpoint clients connect to. */
  mcpUrl: string;
  config: HostConfig;
  app: FastifyInstance;
  toolCount: number;
  identityMode: string;
  metrics: HostMetrics;
  /** Graceful: stops accepting, ends streams, waits for calls in flight (up to the grace period), closes state. */
  close(): Promise<void>;
}

/** Loads config and plugins, builds the catalog once, and serves it on loopback (or the configured host). */
export async function startHost(options: StartHostOptions = {}): Promise<RunningHost> {
  const env = options.env ?? process.env;
  const log = options.log ?? createLogger({ level: logLevelFromEnv(env) }).child({ component: 'host' });
  const { config, baseDir } = loadHostConfig({ path: options.configPath, input: options.input, env });
  const plugins = await loadConfiguredPlugins(config.plugins, { baseDir, importModule: options.importModule, searchDirs: options.searchDirs });
  const metrics = new HostMetrics();
  const gauzy = config.gauzy!;
  const catalog = createCatalog({
    plugins,
    inventory: config.inventory,
    gauzyBaseUrl: gauzy.baseUrl,
    sandbox: gauzy.sandbox,
    transport: 'http',
    log,
    onCallFinished: (event) => {
      metrics.toolCalls.inc({ tool: event.tool, outcome: event.code ?? 'ok' });
      metrics.toolDuration.observe(event.durationMs / 1000, { tool: event.tool });
      // The audit trail: who ran what and how it ended. Arguments are left out: they can hold secrets.
      log.info('audit: tool call', { audit: true, who: event.subject, tool: event.tool, outcome: event.outcome, code: event.code, ms: Math.round(event.durationMs) });
    },
  });
  const http = createGauzyHttp({ gauzyBaseUrl: gauzy.baseUrl, timeoutMs: gauzy.timeoutMs, log });
  const authenticator = createDevAuthenticator(config.identity.accounts, http, log);
  const state = await createHostState(config, log);
  const serverFactory = catalog.serverFactoryFor(({ authInfo }) => {
    const identity = identityFromAuthInfo(authInfo);
    if (!identity) throw new Error('request reached the server without an identity');
    return identity.caller;
  }, config.limits.listPageSize);

  const app = await buildHostApp({ config, authenticator, state, metrics, log });
  const sessions = new SessionManager({ state, serverFactory, log, metrics, idleMs: config.state.sessionTtlSeconds * 1000 });
  const modern = await registerMcpRoutes(app, { sessions, serverFactory, onError: (error) => log.debug('mcp handler error', { error: error.message }) });
  app.get('/sse', MCP_ROUTE, legacyStreamHandler(sessions));
  registerOpsRoutes(app, {
    version: KERNEL_VERSION,
    metrics,
    checkState: () => state.ping(),
    checkGauzy: async () => {
      const response = await fetch(`${catalog.facts.gauzyBaseUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`Gauzy answered ${response.status}`);
    },
    facts: () => ({ tools: catalog.facts.toolCount, state: state.kind, identity: authenticator.mode, sessionsLive: sessions.liveCount }),
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = config.publicUrl?.replace(/\/+$/, '') ?? `http://${hostForUrl}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const drained = app.close();
      // Streams never end on their own: end them so in-flight calls can drain and the server can close.
      await sessions.closeAll();
      await modern.close().catch(() => {});
      const grace = setTimeout(() => app.server.closeAllConnections(), config.limits.shutdownGraceMs);
      await drained;
      clearTimeout(grace);
      await state.close();
      await authenticator.close?.();
    })());

  return { url, mcpUrl: `${url}/mcp`, config, app, toolCount: catalog.facts.toolCount, identityMode: authenticator.mode, metrics, close };
}
