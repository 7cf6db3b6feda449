import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAuthServer, loadAuthConfig } from '@gauzy-mcp/auth';
import { createGauzyHttp, createLogger, logLevelFromEnv } from '@gauzy-mcp/core/internal';
import { startHost, type RunningHost } from '@gauzy-mcp/host';
import { createSandbox, loadSandboxEntities, type Sandbox } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli, pluginPackagesFromEnv } from '../plugins.js';
import { prebuiltSchemasPreparer } from '../prebuilt-schemas.js';

// The CLI is the composition root: plugin packages named in the host config resolve from here.
const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * `gauzy-mcp serve`: the remote host, configured by a JSON file (--config or GAUZY_MCP_CONFIG) and env.
 * With --auth-config (or GAUZY_MCP_AUTH_CONFIG) the authorization server runs beside it in the same
 * process, sharing the vault and state, and the host accepts only its tokens.
 */
export async function runServe(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const log = hostLog(env);
  const authPath = option('--auth-config') ?? env.GAUZY_MCP_AUTH_CONFIG;
  const authConfig = authPath ? loadAuthConfig({ path: authPath, env }) : undefined;
  const issuer = authConfig ? (authConfig.issuer ?? `http://${authConfig.host}:${authConfig.port}`).replace(/\/+$/, '') : undefined;
  const host = await startHost({
    configPath: option('--config'),
    ...(issuer ? { input: { identity: { mode: 'oauth' as const, issuer } } } : {}),
    env,
    log,
    importModule: importFromCli,
    searchDirs: [CLI_DIR],
    defaultPlugins: DEFAULT_PLUGIN_PACKAGES,
    preparePlugin: prebuiltSchemasPreparer(),
  });
  const stops: Array<() => Promise<void>> = [() => host.close()];
  const extra: string[] = [];
  if (authConfig && issuer) {
    try {
      const auth = await buildAuthServer({
        issuer,
        resource: host.mcpUrl,
        vault: host.vault,
        kv: host.kv,
        redis: host.redis,
        redisKeyPrefix: host.config.state.keyPrefix,
        gauzy: createGauzyHttp({ gauzyBaseUrl: host.config.gauzy!.baseUrl, log }),
        gauzySandbox: host.config.gauzy!.sandbox,
        log: log.child({ component: 'auth' }),
        keys: { path: authConfig.keysPath ?? join(env.GAUZY_MCP_DATA_DIR ?? join(homedir(), '.gauzy-mcp'), 'signing-keys.json'), ring: authConfig.signingKeys, policy: { algorithm: authConfig.algorithm } },
        cookieKeys: authConfig.cookieKeys,
        registrationAccessToken: authConfig.registrationAccessToken,
        serviceClients: authConfig.serviceClients,
        tokenRateLimit: authConfig.tokenRateLimit,
        registrationRateLimit: authConfig.registrationRateLimit,
      });
      await auth.app.listen({ host: authConfig.host, port: authConfig.port });
      stops.unshift(() => auth.app.close());
      extra.push(`  Authorization server: ${issuer}`);
    } catch (error) {
      await host.close();
      throw error;
    }
  }
  announce(host, undefined, extra);
  stopOnSignals(stops);
}

/**
 * `gauzy-mcp demo`: the whole system on embedded defaults, on loopback: the Gauzy sandbox with demo data,
 * the authorization server (HOST:AUTH_PORT, default PORT+1) and the host in front of it (HOST:PORT,
 * default 127.0.0.1:3001). An MCP client that speaks OAuth needs only the MCP URL; it signs in with a
 * sandbox account.
 */
export async function runDemo(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = hostLog(env);
  const bind = env.HOST ?? '127.0.0.1';
  const hostPort = env.PORT ? Number(env.PORT) : 3001;
  const authPort = env.AUTH_PORT ? Number(env.AUTH_PORT) : hostPort === 0 ? await freePort(bind) : hostPort + 1;
  const issuer = `http://${bind.includes(':') ? `[${bind}]` : bind}:${authPort}`;
  // The packs served teach the sandbox their entities (a pack with a ./sandbox export, third-party ones too).
  const sandbox = await createSandbox({ seed: 'demo', entities: await loadSandboxEntities(pluginPackagesFromEnv(env), importFromCli) });
  const stops: Array<() => Promise<void>> = [() => sandbox.close()];
  try {
    const host = await startHost({
      input: { host: bind, port: hostPort, gauzy: { baseUrl: sandbox.url, sandbox: true }, identity: { mode: 'oauth', issuer } },
      // The demo's own Gauzy, address and identity; other settings (toolsets, read-only, limits) still come from env.
      env: { ...env, API_BASE_URL: undefined, GAUZY_AUTH_EMAIL: undefined, GAUZY_AUTH_PASSWORD: undefined, HOST: undefined, PORT: undefined, GAUZY_MCP_OAUTH_ISSUER: undefined },
      log,
      importModule: importFromCli,
      searchDirs: [CLI_DIR],
      defaultPlugins: DEFAULT_PLUGIN_PACKAGES,
      preparePlugin: prebuiltSchemasPreparer(),
    });
    stops.unshift(() => host.close());
    const auth = await buildAuthServer({
      issuer,
      resource: host.mcpUrl,
      vault: host.vault, kv: host.kv,
      gauzy: createGauzyHttp({ gauzyBaseUrl: sandbox.url, log }),
      gauzySandbox: true,
      log: log.child({ component: 'auth' }),
      keys: { path: join(env.GAUZY_MCP_DATA_DIR ?? join(homedir(), '.gauzy-mcp'), 'demo-signing-keys.json') },
    });
    await auth.app.listen({ host: bind, port: authPort });
    stops.unshift(() => auth.app.close());
    const demoUser = sandbox.seed.users.superAdmin;
    announce(host, sandbox, [`  Authorization server: ${issuer} (OAuth 2.1; your MCP client opens its sign-in page).`, `  Sign in with the sandbox's demo account: ${demoUser.email} / ${demoUser.password} (or employee@ever.co / 12345678).`]);
  } catch (error) {
    for (const stop of stops) await stop().catch(() => {});
    throw error;
  }
  stopOnSignals(stops);
}

async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function hostLog(env: NodeJS.ProcessEnv) {
  return createLogger({ level: logLevelFromEnv(env) }).child({ component: 'host' });
}

function announce(host: RunningHost, sandbox: Sandbox | undefined, extra: string[] = []): void {
  const config = { mcpServers: { gauzy: { type: 'http', url: host.mcpUrl } } };
  const lines = [
    `gauzy-mcp host ready: ${host.mcpUrl} (${host.toolCount} tools; Gauzy at ${host.config.gauzy?.baseUrl}${sandbox ? ', the bundled sandbox with demo data' : ''}).`,
    `  Streamable HTTP: POST ${host.mcpUrl} (2026-07-28 and 2025 revisions); HTTP+SSE: GET ${host.url}/sse/events; WebSocket: ${host.url.replace(/^http/, 'ws')}/ws`,
    `  Health ${host.url}/health, readiness ${host.url}/ready, metrics ${host.url}/metrics`,
    `  Client config (Claude Code, Cursor, VS Code): ${JSON.stringify(config)}`,
    `  Identity: ${host.identityMode}.`,
    ...extra,
  ];
  if (host.identityMode.startsWith('development')) {
    lines.push('  !! DEVELOPMENT IDENTITY: every request acts as the configured Gauzy account(s). Loopback only; not for a team deployment.');
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}

function stopOnSignals(stops: ReadonlyArray<() => Promise<void>>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`gauzy-mcp: ${signal}: draining and stopping\n`);
    void (async () => {
      for (const stop of stops) await stop().catch(() => {});
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
