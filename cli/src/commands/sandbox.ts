import { runSandboxCli } from '@gauzy-mcp/testkit';

/** `gauzy-mcp sandbox`: the Gauzy sandbox alone, for plugin authors (port from PORT). */
export async function runSandbox(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runSandboxCli(env);
}
