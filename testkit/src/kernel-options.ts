import type { Sandbox } from './sandbox.js';

export type SeedUserKey = 'superAdmin' | 'localAdmin' | 'employee';

/** Kernel options that sign in to `sandbox` as one of its seed users, with fast retries for tests. */
export function kernelOptionsFor(sandbox: Sandbox, user: SeedUserKey = 'superAdmin') {
  const seedUser = sandbox.seed.users[user];
  return {
    gauzyBaseUrl: sandbox.url,
    credentials: { email: seedUser.email, password: seedUser.password },
    transport: 'memory',
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  };
}
