import { loadSandboxEntities, runSandboxCli } from '@gauzy-mcp/testkit';
import { importFromCli, pluginPackagesFromEnv } from '../plugins.js';

/** `gauzy-mcp sandbox`: the Gauzy sandbox alone, for plugin authors (port from PORT), taught the configured packs' entities. */
export async function runSandbox(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runSandboxCli(env, { entities: await loadSandboxEntities(pluginPackagesFromEnv(env), importFromCli) });
}
