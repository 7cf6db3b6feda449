import { buildSandboxApp, type SandboxApp } from '@gauzy-mcp/testkit';
import { demoEntities } from '../helpers.js';

export type Who = 'superAdmin' | 'localAdmin' | 'employee';

/** Logs in a seed user through the real endpoint and returns ready-to-use headers. */
export async function loginAs(s: SandboxApp, who: Who | { email: string; password: string }) {
  const creds = typeof who === 'string' ? s.seed.users[who] : who;
  const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: creds.email, password: creds.password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; refresh_token: string; user: { tenantId: string } };
  return { ...body, headers: { authorization: `Bearer ${body.token}`, 'tenant-id': body.user.tenantId } };
}

/** A sandbox taught the default packs' entities (their `./sandbox` exports), not listening: `app.inject()`. */
export const newSandbox = (seed: 'default' | 'demo' = 'demo') => buildSandboxApp({ seed, entities: demoEntities });
