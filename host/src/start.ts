import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GauzyMcpError, type Logger, type ServerFacts } from '@gauzy-mcp/core';
import { createCatalog, createGauzyHttp, createLogger, createToolsetSwitch, KERNEL_VERSION, logLevelFromEnv } from '@gauzy-mcp/core/internal';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { createBearerAuthenticator } from './bearer-identity.js';
import { decodeKey, loadHostConfig, type HostConfig, type HostConfigInput } from './config.js';
import { registerProtectedResourceMetadata } from './http/resource-metadata.js';
import { CredentialVault, RecordCipher } from '@gauzy-mcp/core/state';
import type { Identity } from './identity.js';
import { createDevAuthenticator } from './dev-identity.js';
import { buildHostApp } from './http/app.js';
import { RateLimiter } from './http/rate-limit.js';
import { registerWebSocketEndpoints, upgradeRequired } from './http/websocket.js';
import { registerConnectionViews } from './http/connection-views.js';
import { legacyStreamHandler, registerMcpRoutes } from './http/mcp-routes.js';
import { identityFromAuthInfo, notifySession, SessionManager } from './http/sessions.js';
import { ListenStreams } from './live/listen-streams.js';
import { sessionSinkId, sessionSinks } from './live/session-sinks.js';
import { sharedCoordinator } from './live/shared-coordinator.js';
import { HostMetrics } from './ops/metrics.js';
import { registerOpsRoutes } from './ops/routes.js';
import { HOST_PACKAGE_DIR, installedPluginsOrFail, loadConfiguredPlugins, type ModuleImporter, type PluginPreparer } from './plugins.js';
import { createHostState, type HostState, type KeyValueStore } from './state/index.js';

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
  /**
   * The plugin packages to load when the config names none: the composition root's own list (the CLI
   * passes its default packs). Without it, every installed plugin package (the `gauzy-mcp-plugin`
   * keyword) found from the config's directory, `searchDirs` and the host's own installation.
   */
  defaultPlugins?: readonly string[];
  /** Called with each plugin as it is loaded (see {@link PluginPreparer}). */
  preparePlugin?: PluginPreparer;
}

export interface RunningHost {
  /** Base URL, e.g. http://127.0.0.1:3001 */
  url: string;
  /** The MCP endpoint clients connect to. */
  mcpUrl: string;
  config: HostConfig;
  app: FastifyInstance;
  toolCount: number;
  /** The plugins loaded (from the config, the composition root's defaults, or those installed) and the tools each serves. */
  plugins: ServerFacts['plugins'];
  identityMode: string;
  metrics: HostMetrics;
  /** Users' Gauzy tokens (OAuth mode): what the authorization server writes and the tools read. */
  vault: CredentialVault;
  /** The shared key-value store (memory or Redis) the authorization server keeps its grant ledger in. */
  kv: KeyValueStore;
  /** The Redis connection when state is shared (for the authorization server's rate-limit counters). */
  redis?: HostState['redis'];
  /** Pushes a server-initiated notification to a 2025-revision session's stream (wherever the client holds it). */
  notifySession(sessionId: string, message: JSONRPCMessage): Promise<void>;
  /** Graceful: stops accepting, ends streams, waits for calls in flight (up to the grace period), closes state. */
  close(): Promise<void>;
}

/** Loads config and plugins, builds the catalog once, and serves it on loopback (or the configured host). */
export async function startHost(options: StartHostOptions = {}): Promise<RunningHost> {
  const env = options.env ?? process.env;
  const log = options.log ?? createLogger({ level: logLevelFromEnv(env) }).child({ component: 'host' });
  const { config, baseDir } = loadHostConfig({ path: options.configPath, input: options.input, env });
  const entries = config.plugins ?? options.defaultPlugins ?? installedPluginsOrFail([baseDir, ...(options.searchDirs ?? []), HOST_PACKAGE_DIR]);
  const plugins = await loadConfiguredPlugins(entries, { baseDir, importModule: options.importModule, searchDirs: options.searchDirs, prepare: options.preparePlugin });
  const metrics = new HostMetrics();
  const gauzy = config.gauzy!;
  const { catalog: catalogByDefault, ...served } = config.inventory;
  // Before the catalog: its live views share their polls through it. A catalog that cannot be built closes it again.
  const state = await createHostState(config, log);
  const catalog = guardState(state, () => createCatalog({
    plugins,
    inventory: served,
    // Any connection may ask for catalog mode (URL or X-MCP-Catalog), so every server says its tool list can change.
    catalogMode: true,
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
    live: {
      pollIntervalMs: config.live.pollIntervalMs,
      coordinator: sharedCoordinator(state, { pollIntervalMs: config.live.pollIntervalMs }),
      sessionSink: sessionSinks(state),
      onPoll: (outcome) => metrics.livePolls.inc({ outcome }),
    },
  }));
  metrics.liveWatches.collect(() => catalog.live.watchCount);
  const http = createGauzyHttp({ gauzyBaseUrl: gauzy.baseUrl, timeoutMs: gauzy.timeoutMs, log });
  // Known once the host listens (port 0 picks one); tokens are checked against it from then on.
  let baseUrl = config.publicUrl?.replace(/\/+$/, '') ?? '';
  const resourceUrl = () => `${baseUrl}/mcp`;
  const resourceMetadataUrl = () => `${baseUrl}/.well-known/oauth-protected-resource/mcp`;
  const vault = new CredentialVault(state.kv, new RecordCipher(config.state.encryptionKey ? decodeKey(config.state.encryptionKey)! : randomBytes(32)));
  const identity = config.identity;
  const authenticator =
    identity.mode === 'oauth'
      ? createBearerAuthenticator({
          issuer: identity.issuer,
          jwksUrl: identity.jwksUrl ?? `${identity.issuer.replace(/\/+$/, '')}/.well-known/jwks.json`,
          algorithms: identity.algorithms,
          audience: resourceUrl,
          resourceMetadataUrl,
          vault,
          http,
          log,
        })
      : createDevAuthenticator(identity.accounts, http, log);
  const serverFactory = catalog.serverFactoryFor(({ authInfo }) => {
    const identity = identityFromAuthInfo(authInfo);
    if (!identity) throw new Error('request reached the server without an identity');
    return identity.caller;
  }, config.limits.listPageSize);

  const limiter = new RateLimiter(state.rates, { max: config.limits.rateLimitMax, windowSeconds: config.limits.rateLimitWindowSeconds });
  const tls = config.tls ? { cert: readTlsFile(baseDir, config.tls.certFile, 'tls.certFile'), key: readTlsFile(baseDir, config.tls.keyFile, 'tls.keyFile') } : undefined;
  const app = await buildHostApp({ config, authenticator, state, limiter, metrics, log, tls });
  registerConnectionViews(app, catalog.inventory, { catalogByDefault });
  const sessions = new SessionManager({
    state,
    serverFactory,
    log,
    metrics,
    idleMs: config.state.sessionTtlSeconds * 1000,
    requestTimeoutMs: config.limits.requestTimeoutMs,
    binding: config.sessionBinding,
    onEnded: (sessionId) => void catalog.live.release(sessionSinkId(sessionId)).catch((error: unknown) => log.warn('could not end a session\'s live views', { error })),
  });
  const listen = new ListenStreams({ serverFactory, live: catalog.live, resources: catalog.resources, onError: (error) => log.debug('mcp handler error', { error: error.message }) });
  const modern = await registerMcpRoutes(app, {
    sessions,
    serverFactory,
    direct: catalog.directResponder(config.limits.listPageSize),
    scopeFor: (tool) => catalog.inventory.get(tool)?.scope,
    resourceMetadataUrl,
    onError: (error) => log.debug('mcp handler error', { error: error.message }),
    metrics,
    listen,
  });
  if (identity.mode === 'oauth') registerProtectedResourceMetadata(app, { resource: resourceUrl, issuer: identity.issuer });
  // A factory per connection, bound to the token that opened it: the SDK's stdio-style entry passes no auth
  // info to handlers, and two sockets of one user may carry different scopes. The listings are shared.
  const factoryPerConnection = (identity: Identity) => {
    // In catalog mode the toolsets a socket enables live as long as the socket.
    const caller = identity.caller.view?.catalog ? { ...identity.caller, toolsets: createToolsetSwitch() } : identity.caller;
    return catalog.serverFactoryFor(() => caller, config.limits.listPageSize);
  };
  const webSockets = await registerWebSocketEndpoints(
    app,
    {
      serverFactoryFor: factoryPerConnection,
      limiter,
      log,
      metrics,
      maxMessageBytes: config.limits.webSocketMaxMessageBytes,
      heartbeatMs: config.limits.webSocketHeartbeatMs,
      maxBufferedBytes: config.limits.webSocketMaxBufferedBytes,
      live: { live: catalog.live, resources: catalog.resources },
    },
    { '/ws': upgradeRequired, '/sse': legacyStreamHandler(sessions) },
  );
  registerOpsRoutes(app, {
    version: KERNEL_VERSION,
    metrics,
    checkState: () => state.ping(),
    checkGauzy: async () => {
      const response = await fetch(`${catalog.facts.gauzyBaseUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`Gauzy answered ${response.status}`);
    },
    ...(authenticator.checkCredentials ? { checkCredentials: () => authenticator.checkCredentials!() } : {}),
    facts: () => ({ tools: catalog.facts.toolCount, state: state.kind, identity: authenticator.mode, sessionsLive: sessions.liveCount }),
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = config.publicUrl?.replace(/\/+$/, '') ?? `${tls ? 'https' : 'http'}://${hostForUrl}:${port}`;
  baseUrl = url;

  // Requests in flight, so shutdown can wait for tool calls to finish before cutting connections.
  let inFlight = 0;
  let drainedWaiter: (() => void) | undefined;
  app.server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => {
      if (--inFlight === 0) drainedWaiter?.();
    });
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      webSockets.closeAll();
      const closed = app.close();
      // Streams never end on their own: end them, then wait for the calls still running (up to the grace period).
      await sessions.closeAll();
      // A listen stream gets its closing answer (the client listens again elsewhere); it holds no call to wait for.
      await listen.closeAll();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drainedWaiter = resolve;
          setTimeout(resolve, config.limits.shutdownGraceMs).unref();
        });
      }
      // Only now: closing the SDK handler aborts whatever modern exchange is still open.
      await modern.close().catch(() => {});
      await catalog.live.close();
      // Keep-alive connections would otherwise hold close() open until each client lets go.
      app.server.closeAllConnections();
      await closed;
      await state.close();
      await authenticator.close?.();
    })());

  return { url, mcpUrl: `${url}/mcp`, config, app, vault, kv: state.kv, redis: state.redis, toolCount: catalog.facts.toolCount, plugins: catalog.facts.plugins, identityMode: authenticator.mode, metrics, notifySession: (sessionId, message) => notifySession(state, sessionId, message), close };
}

function guardState<T>(state: HostState, build: () => T): T {
  try {
    return build();
  } catch (error) {
    void state.close().catch(() => {});
    throw error;
  }
}

function readTlsFile(baseDir: string, path: string, key: string): Buffer {
  try {
    return readFileSync(resolve(baseDir, path));
  } catch (error) {
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${key}: cannot read ${resolve(baseDir, path)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
}
