import { readFileSync } from 'node:fs';
import { GauzyMcpError } from '@gauzy-mcp/core';
import { z } from 'zod';
import type { KeyRing } from './signing-keys.js';

export const authConfigSchema = z.strictObject({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(3002),
  /** The issuer URL clients see (defaults to http://host:port). */
  issuer: z.url().optional(),
  /** Signing keys: a data directory file (default), or a provided key ring (GAUZY_MCP_SIGNING_KEYS) for clusters. */
  keysPath: z.string().optional(),
  signingKeys: z.custom<KeyRing>((value) => typeof value === 'object' && value !== null && Array.isArray((value as KeyRing).keys), 'a key ring: {"keys":[...]}').optional(),
  algorithm: z.enum(['ES256', 'RS256']).default('ES256'),
  cookieKeys: z.array(z.string().min(32, 'at least 32 characters')).optional(),
  registrationAccessToken: z.string().min(16).optional(),
  serviceClients: z.array(z.strictObject({ clientId: z.string().min(1), clientSecret: z.string().min(24), gauzy: z.strictObject({ email: z.string().min(1), password: z.string().min(1) }) })).default([]),
  tokenRateLimit: z.strictObject({ max: z.number().int().positive(), windowSeconds: z.number().int().positive() }).optional(),
  registrationRateLimit: z.strictObject({ max: z.number().int().positive(), windowSeconds: z.number().int().positive() }).optional(),
});

export type AuthConfig = z.output<typeof authConfigSchema>;

/** Reads the auth server's JSON config and env overrides; every problem in one GMCP_ERR_CONFIG_INVALID message. */
export function loadAuthConfig(options: { path?: string; env?: NodeJS.ProcessEnv } = {}): AuthConfig {
  const env = options.env ?? {};
  let fromFile: Record<string, unknown> = {};
  if (options.path) {
    try {
      fromFile = JSON.parse(readFileSync(options.path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`cannot read auth config ${options.path}: ${(error as Error).message}`]);
    }
  }
  const merged: Record<string, unknown> = { ...fromFile };
  if (env.AUTH_PORT) merged.port = Number(env.AUTH_PORT);
  if (env.GAUZY_MCP_AUTH_ISSUER) merged.issuer = env.GAUZY_MCP_AUTH_ISSUER;
  if (env.GAUZY_MCP_DATA_DIR && !merged.keysPath) merged.keysPath = `${env.GAUZY_MCP_DATA_DIR}/signing-keys.json`;
  if (env.GAUZY_MCP_COOKIE_KEYS) merged.cookieKeys = env.GAUZY_MCP_COOKIE_KEYS.split(/[\s,]+/).filter(Boolean);
  if (env.GAUZY_MCP_SIGNING_KEYS) {
    try {
      merged.signingKeys = JSON.parse(env.GAUZY_MCP_SIGNING_KEYS);
    } catch {
      throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', ['GAUZY_MCP_SIGNING_KEYS must be a JSON key ring']);
    }
  }
  const parsed = authConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : `${issue.path.join('.') || '(config)'}: ${issue.message}`));
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`auth: ${problems.join('; ')}`], { problems });
  }
  return parsed.data;
}
