import { GauzyMcpError } from '@gauzy-mcp/core';
import { parseBoolean } from '@gauzy-mcp/core/internal';

type ConfigObject = Record<string, unknown>;

/**
 * One environment override of the host config: the variables it reads, the config keys it sets and how.
 * The loader applies the table in order; the operator guide's config reference reads the names and keys
 * from it, so each variable is named once.
 */
export interface EnvOverride {
  /** The variables read. */
  readonly names: readonly string[];
  /** The config keys set, as dotted paths (`state.redisUrl`). */
  readonly keys: readonly string[];
  /** What the reference says beyond "sets the key", where the mapping is not one value to one key. */
  readonly note?: string;
  apply(config: ConfigObject, env: NodeJS.ProcessEnv): void;
}

/** The top-level object `name`, copied so the caller's input is never changed (created when unset). */
function section(config: ConfigObject, name: string): ConfigObject {
  const value = config[name];
  config[name] = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : value === undefined ? {} : value;
  return config[name] as ConfigObject;
}

function assign(config: ConfigObject, key: string, value: unknown): void {
  const [first, second] = key.split('.') as [string, string?];
  if (second === undefined) config[first] = value;
  else section(config, first)[second] = value;
}

const list = (_name: string, value: string) => value.split(/[\s,]+/).filter(Boolean);

function wholeNumber(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${name} must be a whole number, not "${value}"`]);
  return Number(value);
}

/** A variable that, when set and not empty, sets one key to its text, read as `parse` says. */
function variable(name: string, key: string, parse: (name: string, value: string) => unknown = (_name, value) => value): EnvOverride {
  return {
    names: [name],
    keys: [key],
    apply: (config, env) => {
      const value = env[name];
      if (value) assign(config, key, parse(name, value));
    },
  };
}

/** A true/false variable (`1`/`0`, `true`/`false`, `yes`/`no`, `on`/`off`); anything else stops start-up. */
function flag(name: string, key: string): EnvOverride {
  return {
    names: [name],
    keys: [key],
    apply: (config, env) => {
      const value = parseBoolean(env[name], name);
      if (value !== undefined) assign(config, key, value);
    },
  };
}

/** Environment names win over the file: what an operator sets at deploy time is what runs. Applied in this order. */
export const HOST_ENV_OVERRIDES: readonly EnvOverride[] = [
  variable('HOST', 'host'),
  variable('PORT', 'port', wholeNumber),
  variable('GAUZY_MCP_PUBLIC_URL', 'publicUrl'),
  {
    names: ['GAUZY_MCP_MODE', 'NODE_ENV'],
    keys: ['mode'],
    note: '`NODE_ENV=production` means `production` when neither the file nor `GAUZY_MCP_MODE` sets it',
    apply: (config, env) => {
      if (env.GAUZY_MCP_MODE) config.mode = env.GAUZY_MCP_MODE;
      else if (env.NODE_ENV === 'production' && config.mode === undefined) config.mode = 'production';
    },
  },
  variable('API_BASE_URL', 'gauzy.baseUrl'),
  variable('API_TIMEOUT', 'gauzy.timeoutMs', wholeNumber),
  variable('GAUZY_MCP_PLUGINS', 'plugins', list),
  variable('GAUZY_MCP_TOOLSETS', 'inventory.toolsets', list),
  flag('GAUZY_MCP_READ_ONLY', 'inventory.readOnly'),
  variable('GAUZY_MCP_TOOLS', 'inventory.include', list),
  variable('GAUZY_MCP_EXCLUDE_TOOLS', 'inventory.exclude', list),
  flag('GAUZY_MCP_CATALOG', 'inventory.catalog'),
  {
    names: ['GAUZY_AUTH_EMAIL', 'GAUZY_AUTH_PASSWORD', 'GAUZY_ORGANIZATION_ID'],
    keys: ['identity.accounts'],
    note: 'one account named `default` in place of the configured ones; development identity only',
    apply: (config, env) => {
      if (!(env.GAUZY_AUTH_EMAIL || env.GAUZY_AUTH_PASSWORD) || (section(config, 'identity').mode ?? 'development') !== 'development') return;
      const identity = section(config, 'identity');
      identity.mode = 'development';
      identity.accounts = [{ name: 'default', email: env.GAUZY_AUTH_EMAIL ?? '', password: env.GAUZY_AUTH_PASSWORD ?? '', ...(env.GAUZY_ORGANIZATION_ID ? { organizationId: env.GAUZY_ORGANIZATION_ID } : {}) }];
    },
  },
  {
    names: ['GAUZY_MCP_OAUTH_ISSUER'],
    keys: ['identity.mode', 'identity.issuer'],
    note: 'the whole `identity` becomes `{ "mode": "oauth", "issuer": … }`',
    apply: (config, env) => {
      if (env.GAUZY_MCP_OAUTH_ISSUER) config.identity = { mode: 'oauth', issuer: env.GAUZY_MCP_OAUTH_ISSUER };
    },
  },
  variable('REDIS_URL', 'state.redisUrl'),
  variable('GAUZY_MCP_STATE_KEY', 'state.encryptionKey'),
  variable('GAUZY_MCP_REDIS_PREFIX', 'state.keyPrefix'),
  variable('GAUZY_MCP_SESSION_TTL', 'state.sessionTtlSeconds', wholeNumber),
  variable('GAUZY_MCP_RATE_LIMIT_MAX', 'limits.rateLimitMax', wholeNumber),
  variable('GAUZY_MCP_RATE_LIMIT_WINDOW', 'limits.rateLimitWindowSeconds', wholeNumber),
  variable('GAUZY_MCP_ALLOWED_ORIGINS', 'allowedOrigins', list),
  flag('GAUZY_MCP_DEBUG', 'debug'),
  variable('GAUZY_MCP_LIVE_POLL_MS', 'live.pollIntervalMs', wholeNumber),
  flag('GAUZY_MCP_SESSION_BIND_IP', 'sessionBinding.ip'),
  flag('GAUZY_MCP_SESSION_BIND_USER_AGENT', 'sessionBinding.userAgent'),
  variable('GAUZY_MCP_TLS_CERT_FILE', 'tls.certFile'),
  variable('GAUZY_MCP_TLS_KEY_FILE', 'tls.keyFile'),
];

/** The config with every override in {@link HOST_ENV_OVERRIDES} applied; `config` itself is left as it was. */
export function applyEnvOverrides(config: ConfigObject, env: NodeJS.ProcessEnv): ConfigObject {
  const out: ConfigObject = { ...config };
  for (const override of HOST_ENV_OVERRIDES) override.apply(out, env);
  return out;
}
