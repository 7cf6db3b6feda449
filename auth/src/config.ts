import { readFileSync } from 'node:fs';
import { GauzyMcpError } from '@gauzy-mcp/core';
import { z } from 'zod';
import type { KeyRing } from './signing-keys.js';

export const authConfigSchema = z.strictObject({
  host: z.string().default('127.0.0.1').describe('Interface the authorization server binds.'),
  port: z.number().int().min(0).max(65535).default(3002).describe('Port it listens on.'),
  issuer: z.url().optional().describe('The issuer URL clients see (default: http://host:port). The host accepts only tokens from it.'),
  keysPath: z.string().optional().describe('The file the signing keys are kept and rotated in (default: `<data dir>/signing-keys.json`, the data dir being GAUZY_MCP_DATA_DIR or ~/.gauzy-mcp).'),
  signingKeys: z
    .custom<KeyRing>((value) => typeof value === 'object' && value !== null && Array.isArray((value as KeyRing).keys), 'a key ring: {"keys":[...]}')
    .optional()
    .describe('A key ring given whole (`{"keys":[...]}`, exactly one active private key), for a cluster whose instances must sign alike; used as given, never rotated here.'),
  algorithm: z.enum(['ES256', 'RS256']).default('ES256').describe('The algorithm new signing keys use.'),
  cookieKeys: z.array(z.string().min(32, 'at least 32 characters')).optional().describe('Keys that sign the sign-in cookies (the first also derives the CSRF secret); every instance of a cluster needs the same ones. Default: random per process.'),
  registrationAccessToken: z.string().min(16).optional().describe('Gates dynamic client registration behind this initial access token; unset, registration is open.'),
  serviceClients: z
    .array(
      z.strictObject({
        clientId: z.string().min(1).describe('The client id (and the token subject).'),
        clientSecret: z.string().min(24).describe('Its secret (HTTP Basic at the token endpoint).'),
        gauzy: z.strictObject({ email: z.string().min(1).describe('The Gauzy service account\'s email.'), password: z.string().min(1).describe('Its password.') }).describe('The Gauzy account the client acts as, signed in at start.'),
      }),
    )
    .default([])
    .describe('Clients of the client credentials grant, each bound to a Gauzy service account.'),
  tokenRateLimit: z.strictObject({ max: z.number().int().positive().describe('Requests allowed per window.'), windowSeconds: z.number().int().positive().describe('The window, in seconds.') }).optional().describe('Token requests per client (default 10 per hour).'),
  registrationRateLimit: z.strictObject({ max: z.number().int().positive().describe('Requests allowed per window.'), windowSeconds: z.number().int().positive().describe('The window, in seconds.') }).optional().describe('Dynamic registrations per address (default 20 per hour).'),
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
