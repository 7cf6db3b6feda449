import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { GauzyMcpError } from '@gauzy-mcp/core';
import { parseBoolean } from '@gauzy-mcp/core/internal';
import { z } from 'zod';

const MiB = 1024 * 1024;

const devAccount = z.strictObject({
  /** Names the account in logs, audit records and session bindings. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/i, 'letters, digits, "_", "." or "-"'),
  email: z.string().min(1),
  password: z.string().min(1),
  /** Bearer token that selects this account; optional when there is exactly one account. */
  token: z.string().min(16, 'at least 16 characters').optional(),
  organizationId: z.uuid().optional(),
});

export const hostConfigSchema = z.strictObject({
  /** Interface to bind. Development identity refuses anything but loopback. */
  host: z.string().default('127.0.0.1'),
  /** 0 picks a free port (tests). */
  port: z.number().int().min(0).max(65535).default(3001),
  /** The URL clients use to reach the host, when it differs from host:port (behind a proxy). */
  publicUrl: z.url().optional(),
  mode: z.enum(['development', 'production']).default('development'),
  gauzy: z
    .strictObject({
      baseUrl: z.url(),
      timeoutMs: z.number().int().positive().optional(),
      /** The base URL is the bundled sandbox (stated in server info). */
      sandbox: z.boolean().default(false),
    })
    .optional(),
  /**
   * Plugin packages (or module paths, relative to the config file) to load. Unset: the composition
   * root's defaults (the CLI's packs), else every installed plugin package (see `startHost`).
   */
  plugins: z.array(z.string().min(1)).min(1).optional(),
  inventory: z
    .strictObject({
      /** Toolsets to serve: names, `all`, or `default` (the default: the toolsets their packs mark default). */
      toolsets: z.array(z.string().min(1)).optional(),
      readOnly: z.boolean().optional(),
      include: z.array(z.string()).optional(),
      exclude: z.array(z.string()).optional(),
    })
    .default({}),
  identity: z
    .discriminatedUnion('mode', [
      z.strictObject({
        /** Configured Gauzy accounts, loopback only: for development and demos. */
        mode: z.literal('development'),
        accounts: z.array(devAccount).default([]),
      }),
      z.strictObject({
        /** Per-user bearer tokens from the authorization server; each user's Gauzy tokens come from the vault. */
        mode: z.literal('oauth'),
        issuer: z.url(),
        /** Default: `<issuer>/.well-known/jwks.json`. */
        jwksUrl: z.url().optional(),
        /** Default: `ES256` and `RS256`. `none` and HMAC algorithms are never accepted. */
        algorithms: z.array(z.enum(['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'])).min(1).default(['ES256', 'RS256']),
      }),
    ])
    .default({ mode: 'development', accounts: [] }),
  state: z
    .strictObject({
      /** Shared state for several instances; without it everything is in memory. */
      redisUrl: z.string().regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL').optional(),
      keyPrefix: z.string().min(1).default('gauzy-mcp:'),
      /** 32-byte key (base64 or hex) that encrypts session records at rest; required with Redis. */
      encryptionKey: z.string().optional(),
      sessionTtlSeconds: z.number().int().positive().default(1800),
      eventTtlSeconds: z.number().int().positive().default(3600),
      maxEventsPerStream: z.number().int().positive().default(1000),
    })
    .default({ keyPrefix: 'gauzy-mcp:', sessionTtlSeconds: 1800, eventTtlSeconds: 3600, maxEventsPerStream: 1000 }),
  limits: z
    .strictObject({
      rateLimitMax: z.number().int().positive().default(100),
      rateLimitWindowSeconds: z.number().int().positive().default(900),
      /** Defaults: 1 MiB in production, 10 MiB in development. */
      bodyLimitBytes: z.number().int().positive().optional(),
      requestTimeoutMs: z.number().int().positive().default(120_000),
      webSocketMaxMessageBytes: z.number().int().positive().default(16 * MiB),
      webSocketHeartbeatMs: z.number().int().positive().default(30_000),
      /** Unsent bytes per socket at which the host stops reading that peer; twice this closes it (1013). */
      webSocketMaxBufferedBytes: z.number().int().positive().default(8 * MiB),
      listPageSize: z.number().int().positive().optional(),
      /** How long shutdown waits for calls in flight before closing anyway. */
      shutdownGraceMs: z.number().int().nonnegative().default(10_000),
    })
    .default({ rateLimitMax: 100, rateLimitWindowSeconds: 900, requestTimeoutMs: 120_000, webSocketMaxMessageBytes: 16 * MiB, webSocketHeartbeatMs: 30_000, webSocketMaxBufferedBytes: 8 * MiB, shutdownGraceMs: 10_000 }),
  /** Browser origins allowed to call the host (CORS and the DNS-rebinding check). Loopback origins are always allowed. */
  allowedOrigins: z.array(z.url()).default([]),
  /** Trust X-Forwarded-* from a proxy in front (rate limits then count the client's address). */
  trustProxy: z.boolean().default(false),
  /**
   * Serve HTTPS (TLS 1.3 only) with this PEM certificate chain and key, paths relative to the config file. Leave
   * it unset behind a proxy that terminates TLS (then set `trustProxy` and `publicUrl`).
   */
  tls: z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
  /**
   * Bind each 2025-revision session to the client address and/or User-Agent that opened it: the session id
   * presented from elsewhere is refused (403), so a leaked id is worth less. Off by default: clients behind
   * changing addresses (mobile, some proxies) would lose their sessions. With `ip`, set `trustProxy` behind a proxy.
   */
  sessionBinding: z.strictObject({ ip: z.boolean().default(false), userAgent: z.boolean().default(false) }).default({ ip: false, userAgent: false }),
  /**
   * Logs every MCP request's and answer's shape (method, tool, argument names, value types and sizes, status,
   * time), never a value: for finding out what a client sends. Written at info level, so it shows without LOG_LEVEL.
   */
  debug: z.boolean().default(false),
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

/** Environment names win over the file: what an operator sets at deploy time is what runs. */
function applyEnvOverrides(config: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  const section = (name: string) => {
    const value = out[name];
    out[name] = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : value === undefined ? {} : value;
    return out[name] as Record<string, unknown>;
  };
  const list = (value: string) => value.split(/[\s,]+/).filter(Boolean);
  const integer = (name: string, value: string) => {
    if (!/^\d+$/.test(value)) throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${name} must be a whole number, not "${value}"`]);
    return Number(value);
  };
  if (env.HOST) out.host = env.HOST;
  if (env.PORT) out.port = integer('PORT', env.PORT);
  if (env.GAUZY_MCP_PUBLIC_URL) out.publicUrl = env.GAUZY_MCP_PUBLIC_URL;
  if (env.GAUZY_MCP_MODE) out.mode = env.GAUZY_MCP_MODE;
  else if (env.NODE_ENV === 'production' && out.mode === undefined) out.mode = 'production';
  if (env.API_BASE_URL) section('gauzy').baseUrl = env.API_BASE_URL;
  if (env.API_TIMEOUT) section('gauzy').timeoutMs = integer('API_TIMEOUT', env.API_TIMEOUT);
  if (env.GAUZY_MCP_PLUGINS) out.plugins = list(env.GAUZY_MCP_PLUGINS);
  if (env.GAUZY_MCP_TOOLSETS) section('inventory').toolsets = list(env.GAUZY_MCP_TOOLSETS);
  const readOnly = parseBoolean(env.GAUZY_MCP_READ_ONLY, 'GAUZY_MCP_READ_ONLY');
  if (readOnly !== undefined) section('inventory').readOnly = readOnly;
  if (env.GAUZY_MCP_TOOLS) section('inventory').include = list(env.GAUZY_MCP_TOOLS);
  if (env.GAUZY_MCP_EXCLUDE_TOOLS) section('inventory').exclude = list(env.GAUZY_MCP_EXCLUDE_TOOLS);
  if ((env.GAUZY_AUTH_EMAIL || env.GAUZY_AUTH_PASSWORD) && (section('identity').mode ?? 'development') === 'development') {
    const identity = section('identity');
    identity.mode = 'development';
    identity.accounts = [{ name: 'default', email: env.GAUZY_AUTH_EMAIL ?? '', password: env.GAUZY_AUTH_PASSWORD ?? '', ...(env.GAUZY_ORGANIZATION_ID ? { organizationId: env.GAUZY_ORGANIZATION_ID } : {}) }];
  }
  if (env.GAUZY_MCP_OAUTH_ISSUER) out.identity = { mode: 'oauth', issuer: env.GAUZY_MCP_OAUTH_ISSUER };
  if (env.REDIS_URL) section('state').redisUrl = env.REDIS_URL;
  if (env.GAUZY_MCP_STATE_KEY) section('state').encryptionKey = env.GAUZY_MCP_STATE_KEY;
  if (env.GAUZY_MCP_REDIS_PREFIX) section('state').keyPrefix = env.GAUZY_MCP_REDIS_PREFIX;
  if (env.GAUZY_MCP_SESSION_TTL) section('state').sessionTtlSeconds = integer('GAUZY_MCP_SESSION_TTL', env.GAUZY_MCP_SESSION_TTL);
  if (env.GAUZY_MCP_RATE_LIMIT_MAX) section('limits').rateLimitMax = integer('GAUZY_MCP_RATE_LIMIT_MAX', env.GAUZY_MCP_RATE_LIMIT_MAX);
  if (env.GAUZY_MCP_RATE_LIMIT_WINDOW) section('limits').rateLimitWindowSeconds = integer('GAUZY_MCP_RATE_LIMIT_WINDOW', env.GAUZY_MCP_RATE_LIMIT_WINDOW);
  if (env.GAUZY_MCP_ALLOWED_ORIGINS) out.allowedOrigins = list(env.GAUZY_MCP_ALLOWED_ORIGINS);
  const debug = parseBoolean(env.GAUZY_MCP_DEBUG, 'GAUZY_MCP_DEBUG');
  if (debug !== undefined) out.debug = debug;
  const bindIp = parseBoolean(env.GAUZY_MCP_SESSION_BIND_IP, 'GAUZY_MCP_SESSION_BIND_IP');
  if (bindIp !== undefined) section('sessionBinding').ip = bindIp;
  const bindUserAgent = parseBoolean(env.GAUZY_MCP_SESSION_BIND_USER_AGENT, 'GAUZY_MCP_SESSION_BIND_USER_AGENT');
  if (bindUserAgent !== undefined) section('sessionBinding').userAgent = bindUserAgent;
  if (env.GAUZY_MCP_TLS_CERT_FILE) section('tls').certFile = env.GAUZY_MCP_TLS_CERT_FILE;
  if (env.GAUZY_MCP_TLS_KEY_FILE) section('tls').keyFile = env.GAUZY_MCP_TLS_KEY_FILE;
  return out;
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
