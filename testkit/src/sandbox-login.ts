import type { SandboxApp } from './sandbox.js';

export type SeedUser = 'superAdmin' | 'localAdmin' | 'employee';

/** Signs a seed user in through the sandbox's real login route (no socket) and returns headers for `app.inject()`. */
export async function loginAs(s: Pick<SandboxApp, 'app' | 'seed'>, who: SeedUser | { email: string; password: string }) {
  const creds = typeof who === 'string' ? s.seed.users[who] : who;
  const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: creds.email, password: creds.password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; refresh_token: string; user: { tenantId: string } };
  return { ...body, headers: { authorization: `Bearer ${body.token}`, 'tenant-id': body.user.tenantId } };
}
