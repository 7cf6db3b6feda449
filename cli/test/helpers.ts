import { createKernel, silentLogger, type Kernel, type PluginDefinition } from '@gauzy-mcp/core';
import type { InventoryOptions } from '@gauzy-mcp/core/internal';
import { connectInMemory, createSandbox as createTestkitSandbox, loadSandboxEntities, type ProtocolRevision, type Sandbox, type SandboxOptions, type TestClient } from '@gauzy-mcp/testkit';
import { DEFAULT_PLUGIN_PACKAGES, importFromCli, loadPlugins } from '../src/plugins.js';

export type SeedUser = 'superAdmin' | 'localAdmin' | 'employee';

/** Every default pack, loaded the way the CLI loads them. */
export async function allPlugins(): Promise<PluginDefinition[]> {
  return loadPlugins();
}

/** A kernel signed in to `sandbox` as one of its seed users, with a real MCP client connected in memory. */
export async function connect(
  sandbox: Sandbox,
  options: { user?: SeedUser; protocol?: ProtocolRevision; inventory?: InventoryOptions; plugins?: PluginDefinition[] } = {},
): Promise<{ kernel: Kernel; client: TestClient; user: { email: string; password: string } }> {
  const user = sandbox.seed.users[options.user ?? 'superAdmin'];
  const kernel = createKernel({
    plugins: options.plugins ?? (await allPlugins()),
    inventory: options.inventory,
    gauzyBaseUrl: sandbox.url,
    credentials: { email: user.email, password: user.password },
    transport: 'memory',
    log: silentLogger,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  const client = await connectInMemory(kernel.serverFactory, { protocol: options.protocol });
  return { kernel, client, user };
}

/** What the default packs teach the sandbox, loaded the way `gauzy-mcp demo` and `stdio` load them. */
export const demoEntities = await loadSandboxEntities(DEFAULT_PLUGIN_PACKAGES, importFromCli);

/** A sandbox that serves the default packs' entities (others may be added with `entities`). */
export const createSandbox = (options: SandboxOptions = {}): Promise<Sandbox> =>
  createTestkitSandbox({ ...options, entities: [...demoEntities, ...(options.entities ?? [])] });
