import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { GauzyMcpError } from '@gauzy-mcp/core';
import { DEFAULT_LIVE_POLL_MS, MIN_LIVE_POLL_MS } from '@gauzy-mcp/core/internal';
import { z } from 'zod';
import { applyEnvOverrides } from './config-env.js';

const MiB = 1024 * 1024;

const devAccount = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/i, 'letters, digits, "_", "." or "-"').describe('Names the account in logs, audit records and session ownership.'),
  email: z.string().min(1).describe('The Gauzy account\'s email.'),
  password: z.string().min(1).describe('The Gauzy account\'s password (never logged).'),
  token: z.string().min(16, 'at least 16 characters').optional().describe('Bearer token that selects this account; with several accounts each needs one. A single account without one serves every request.'),
  organizationId: z.uuid().optional().describe('The organization tools act in by default (one the account belongs to).'),
});

export const hostConfigSchema = z.strictObject({
  host: z.string().default('127.0.0.1').describe('Interface to bind. The development identity refuses anything but loopback.'),
  port: z.number().int().min(0).max(65535).default(3001).describe('Port to listen on; 0 picks a free one (tests).'),
  publicUrl: z.url().optional().describe('The URL clients reach the host at, when it differs from host:port (behind a proxy): OAuth tokens must name `<publicUrl>/mcp` as their audience, and its origin is allowed.'),
  mode: z.enum(['development', 'production']).default('development').describe('`production`: a 1 MiB default body limit (10 MiB in development), and OAuth identity needs `state.encryptionKey`.'),
  gauzy: z
    .strictObject({
      baseUrl: z.url().describe('The Gauzy API origin, without `/api`.'),
      timeoutMs: z.number().int().positive().optional().describe('Per-request timeout to Gauzy in ms (default 30000).'),
      sandbox: z.boolean().default(false).describe('The base URL is the bundled sandbox (stated in server info).'),
    })
    .optional()
    .describe('The Gauzy the tools call. Required (or API_BASE_URL).'),
  plugins: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("Plugin packages (or module paths, relative to the config file) to load. Unset: the composition root's defaults (the CLI's packs), else every installed plugin package."),
  inventory: z
    .strictObject({
      toolsets: z.array(z.string().min(1)).optional().describe('Toolsets to serve: names, `all`, or `default` (the toolsets their packs mark default; also what unset means).'),
      readOnly: z.boolean().optional().describe('Serve only tools that change nothing.'),
      include: z.array(z.string()).optional().describe('Tools to serve beyond the toolsets, by name.'),
      exclude: z.array(z.string()).optional().describe('Tools not to serve, by name (wins over everything else).'),
      catalog: z
        .boolean()
        .optional()
        .describe('Catalog mode for every connection: tools/list holds search_tools, describe_tool, call_tool, list_toolsets and enable_toolset instead of every tool (a connection may say `X-MCP-Catalog: false`).'),
    })
    .default({})
    .describe('Which tools the host serves.'),
  identity: z
    .discriminatedUnion('mode', [
      z
        .strictObject({
          mode: z.literal('development'),
          accounts: z.array(devAccount).default([]).describe('Configured Gauzy accounts, loopback only: for development and demos.'),
        })
        .describe('`development`: configured Gauzy accounts, loopback only.'),
      z
        .strictObject({
          mode: z.literal('oauth'),
          issuer: z.url().describe('The authorization server whose JWT access tokens the host accepts.'),
          jwksUrl: z.url().optional().describe('Where its keys are. Default: `<issuer>/.well-known/jwks.json`.'),
          algorithms: z.array(z.enum(['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'])).min(1).default(['ES256', 'RS256']).describe('Token signature algorithms accepted. `none` and HMAC algorithms are never accepted.'),
        })
        .describe("`oauth`: per-user bearer tokens from the authorization server; each user's Gauzy tokens come from the vault."),
    ])
    .default({ mode: 'development', accounts: [] })
    .describe('Who a request acts as in Gauzy.'),
  state: z
    .strictObject({
      redisUrl: z.string().regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL').optional().describe('Shared state for several instances; without it everything is in memory.'),
      keyPrefix: z.string().min(1).default('gauzy-mcp:').describe('Every Redis key and channel starts with it, so deployments can share one Redis.'),
      encryptionKey: z.string().optional().describe('32-byte key (base64 or hex) that encrypts session records and the credential vault at rest; required with Redis.'),
      sessionTtlSeconds: z.number().int().positive().default(1800).describe('A 2025-revision session ends after this long unused (each use slides it).'),
      eventTtlSeconds: z.number().int().positive().default(3600).describe('How long a stream\'s events are kept for resumption with Last-Event-ID.'),
      maxEventsPerStream: z.number().int().positive().default(1000).describe('The most events kept per stream for resumption.'),
    })
    .default({ keyPrefix: 'gauzy-mcp:', sessionTtlSeconds: 1800, eventTtlSeconds: 3600, maxEventsPerStream: 1000 })
    .describe('Where sessions, stream events, rate-limit counters, OAuth state and the vault live.'),
  limits: z
    .strictObject({
      rateLimitMax: z.number().int().positive().default(100).describe('Requests one caller may make per window, across every transport.'),
      rateLimitWindowSeconds: z.number().int().positive().default(900).describe('The rate-limit window.'),
      bodyLimitBytes: z.number().int().positive().optional().describe('The largest request body. Defaults: 1 MiB in production, 10 MiB in development.'),
      requestTimeoutMs: z.number().int().positive().default(120_000).describe('A request still unanswered after this long is answered with -32007 and cancelled.'),
      webSocketMaxMessageBytes: z.number().int().positive().default(16 * MiB).describe('The largest WebSocket message accepted.'),
      webSocketHeartbeatMs: z.number().int().positive().default(30_000).describe('How often a WebSocket peer is pinged; one that misses a ping is dropped.'),
      webSocketMaxBufferedBytes: z.number().int().positive().default(8 * MiB).describe('Unsent bytes per socket at which the host stops reading that peer; twice this closes it (1013).'),
      listPageSize: z.number().int().positive().optional().describe('Tools per `tools/list` page (default 200).'),
      shutdownGraceMs: z.number().int().nonnegative().default(10_000).describe('How long shutdown waits for calls in flight before closing anyway.'),
    })
    .default({ rateLimitMax: 100, rateLimitWindowSeconds: 900, requestTimeoutMs: 120_000, webSocketMaxMessageBytes: 16 * MiB, webSocketHeartbeatMs: 30_000, webSocketMaxBufferedBytes: 8 * MiB, shutdownGraceMs: 10_000 })
    .describe('Rate limits, sizes and timeouts.'),
  allowedOrigins: z.array(z.url()).default([]).describe('Browser origins allowed to call the host (CORS and the DNS-rebinding check). Loopback origins are always allowed.'),
  trustProxy: z.boolean().default(false).describe("Trust X-Forwarded-* from a proxy in front: rate limits and session binding then see the client's address."),
  tls: z
    .strictObject({
      certFile: z.string().min(1).describe('PEM certificate chain, relative to the config file.'),
      keyFile: z.string().min(1).describe('PEM private key, relative to the config file.'),
    })
    .optional()
    .describe('Serve HTTPS (TLS 1.3 only). Leave it unset behind a proxy that terminates TLS (then set `trustProxy` and `publicUrl`).'),
  sessionBinding: z
    .strictObject({
      ip: z.boolean().default(false).describe('Bind to the client address that opened the session (with `trustProxy` behind a proxy).'),
      userAgent: z.boolean().default(false).describe('Bind to the User-Agent that opened the session.'),
    })
    .default({ ip: false, userAgent: false })
    .describe('Bind each 2025-revision session to what opened it: its id presented from elsewhere is refused (403), so a leaked id is worth less. Off by default: clients behind changing addresses would lose their sessions.'),
  live: z
    .strictObject({
      pollIntervalMs: z
        .number()
        .int()
        .min(MIN_LIVE_POLL_MS)
        .default(DEFAULT_LIVE_POLL_MS)
        .describe('How often a resource someone subscribed to is read from Gauzy again, as the subscriber; it is read only while someone is subscribed, and a subscriber is notified only when it changed.'),
    })
    .default({ pollIntervalMs: DEFAULT_LIVE_POLL_MS })
    .describe('Live views: the resources clients subscribe to (2025 `resources/subscribe`, 2026-07-28 `subscriptions/listen`). With Redis one instance polls each subscriber\'s resource and every instance hears the change.'),
  debug: z.boolean().default(false).describe("Log every MCP request's and answer's shape (method, tool, argument names, value types and sizes, status, time), never a value. Written at info level."),
});

export type HostConfig = z.output<typeof hostConfigSchema>;
export type HostConfigInput = z.input<typeof hostConfigSchema>;

export interface LoadedHostConfig {
  config: HostConfig;
  /** Where relative plugin paths resolve from: the config file's directory, else the working directory. */
  baseDir: string;
}

/**
 * Reads the config: a JSON file (GAUZY_MCP_CONFIG or the given path), then environment overrides, then
 * validation. Any problem is one GMCP_ERR_CONFIG_INVALID naming every bad key, so start-up stops with a
 * single clear message.
 */
export function loadHostConfig(options: { path?: string; input?: HostConfigInput; env?: NodeJS.ProcessEnv } = {}): LoadedHostConfig {
  const env = options.env ?? {};
  const path = options.path ?? env.GAUZY_MCP_CONFIG;
  let fromFile: Record<string, unknown> = {};
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
    }
    try {
      fromFile = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`config file ${path} is not valid JSON: ${(error as Error).message}`]);
    }
    if (!fromFile || typeof fromFile !== 'object' || Array.isArray(fromFile)) throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`config file ${path} must hold a JSON object`]);
  }
  const merged = applyEnvOverrides({ ...fromFile, ...(options.input as Record<string, unknown> | undefined) }, env);
  const parsed = hostConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(config)';
      return issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => (key === '(config)' ? k : `${key}.${k}`)).join(', ')}` : `${key}: ${issue.message}`;
    });
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${path ? `${path}: ` : ''}${problems.join('; ')}`], { problems });
  }
  checkConsistency(parsed.data);
  return { config: parsed.data, baseDir: path ? dirname(resolve(path)) : process.cwd() };
}

function checkConsistency(config: HostConfig): void {
  const problems: string[] = [];
  if (!config.gauzy) problems.push('gauzy.baseUrl is required (or API_BASE_URL)');
  if (config.identity.mode === 'development') {
    const accounts = config.identity.accounts;
    if (accounts.length === 0) problems.push('identity.accounts needs at least one Gauzy account (or GAUZY_AUTH_EMAIL and GAUZY_AUTH_PASSWORD)');
    if (accounts.length > 1 && accounts.some((account) => !account.token)) problems.push('with several identity.accounts, each needs a token that selects it');
    const names = accounts.map((account) => account.name);
    const tokens = accounts.flatMap((account) => (account.token ? [account.token] : []));
    if (new Set(names).size !== names.length) problems.push('identity.accounts names must be unique');
    if (new Set(tokens).size !== tokens.length) problems.push('identity.accounts tokens must be unique');
    if (!isLoopbackHost(config.host)) problems.push(`development identity (shared configured Gauzy accounts) is allowed only on loopback, not on host "${config.host}"`);
  }
  if (config.mode === 'production' && config.identity.mode === 'oauth' && !config.state.encryptionKey) {
    problems.push('production mode needs state.encryptionKey (GAUZY_MCP_STATE_KEY): it seals every user\'s Gauzy tokens in the vault');
  }
  if (config.state.redisUrl && !config.state.encryptionKey) problems.push('state.encryptionKey (GAUZY_MCP_STATE_KEY) is required with Redis: session records are encrypted at rest');
  if (config.state.encryptionKey && !decodeKey(config.state.encryptionKey)) problems.push('state.encryptionKey must be 32 bytes, as base64 (44 characters) or hex (64 characters)');
  if (problems.length > 0) throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [problems.join('; ')], { problems });
}

export function decodeKey(text: string): Buffer | undefined {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function bodyLimitFor(config: HostConfig): number {
  return config.limits.bodyLimitBytes ?? (config.mode === 'production' ? 1 * MiB : 10 * MiB);
}
