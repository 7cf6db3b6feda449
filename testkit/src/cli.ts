import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';

/** `gauzy-mcp sandbox` default port, like Gauzy's API. */
export const SANDBOX_DEFAULT_PORT = 3000;

/**
 * Starts the sandbox on PORT (default 3000), announces it on STDERR (stdout belongs to MCP), stops on
 * SIGINT/SIGTERM. `entities`: what the packs teach it (the CLI loads each configured pack's `./sandbox`).
 */
export async function runSandboxCli(env: NodeJS.ProcessEnv = process.env, options: Pick<SandboxOptions, 'entities'> = {}): Promise<Sandbox> {
  const port = env.PORT ? Number(env.PORT) : SANDBOX_DEFAULT_PORT;
  const sandbox = await createSandbox({ port, ...options });
  process.stderr.write(`Gauzy sandbox listening on ${sandbox.url} (seed users: admin@ever.co/admin, local.admin@ever.co/admin, employee@ever.co/12345678)\n`);
  const stop = () => { void sandbox.close().finally(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return sandbox;
}
