// The system every host bench measures: the sandbox with every bundled pack's entities, and the host serving every
// pack and toolset against it (development identity as the sandbox's super admin unless told otherwise), with the
// rate limit raised out of the way and nothing logged.
import { silentLogger } from '@gauzy-mcp/core';
import { startHost, type HostConfigInput } from '@gauzy-mcp/host';
import { createSandbox, loadSandboxEntities, type Sandbox } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli } from 'gauzy-mcp';

export async function benchSandbox(): Promise<Sandbox> {
  return createSandbox({ seed: 'demo', entities: await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli) });
}

/** The Gauzy a bench host serves and the account it acts as: a sandbox, or the same facts from another process. */
export interface BenchGauzy {
  url: string;
  seed: { users: { superAdmin: { email: string; password: string } } };
  /** False for a real Gauzy (default: the bundled sandbox). */
  isSandbox?: boolean;
}

/**
 * The Gauzy a bench runs against: a real one when API_BASE_URL names it (as GAUZY_EMAIL, GAUZY_PASSWORD; default
 * admin@ever.co/admin), else the bundled sandbox.
 */
export async function benchGauzy(env: NodeJS.ProcessEnv = process.env): Promise<BenchGauzy & { close(): Promise<void> }> {
  if (env.API_BASE_URL) {
    const superAdmin = { email: env.GAUZY_EMAIL ?? 'admin@ever.co', password: env.GAUZY_PASSWORD ?? 'admin' };
    return { url: env.API_BASE_URL.replace(/\/+$/, ''), seed: { users: { superAdmin } }, isSandbox: false, close: async () => {} };
  }
  const sandbox = await benchSandbox();
  return { url: sandbox.url, seed: sandbox.seed, isSandbox: true, close: () => sandbox.close() };
}

export function startBenchHost(sandbox: BenchGauzy, identity?: HostConfigInput['identity']) {
  const admin = sandbox.seed.users.superAdmin;
  return startHost({
    input: {
      port: 0,
      gauzy: { baseUrl: sandbox.url, sandbox: sandbox.isSandbox ?? true },
      plugins: [...DEFAULT_PLUGIN_PACKAGES],
      identity: identity ?? { mode: 'development', accounts: [{ name: 'bench', email: admin.email, password: admin.password }] },
      limits: { rateLimitMax: 1_000_000_000 },
      inventory: { toolsets: ['all'] },
    },
    env: {},
    log: silentLogger,
    importModule: importFromCli,
  });
}
