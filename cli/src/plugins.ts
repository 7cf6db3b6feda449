import { GauzyMcpError, type PluginDefinition } from '@gauzy-mcp/core';
import { DEFAULT_PLUGIN_PACKAGES } from './plugin-list.js';
import { prebuiltSchemasPreparer } from './prebuilt-schemas.js';

export { DEFAULT_PLUGIN_PACKAGES, pluginPackagesFromEnv } from './plugin-list.js';

/**
 * Imports plugin packages by name; each must default-export a plugin definition. A pack whose build kept its
 * tool schemas (prebuilt-schemas.ts) is listed from them, when they were converted from the files loaded.
 */
export async function loadPlugins(packages: readonly string[] = DEFAULT_PLUGIN_PACKAGES): Promise<PluginDefinition[]> {
  // Imported together, so the module loader reads and compiles their files concurrently; checked in the given order.
  const prepare = prebuiltSchemasPreparer();
  const loaded = await Promise.allSettled(packages.map((name) => import(name) as Promise<{ default?: PluginDefinition }>));
  return loaded.map((outcome, index) => {
    const name = packages[index]!;
    if (outcome.status === 'rejected') {
      throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [name, `cannot be loaded (${(outcome.reason as Error).message}); installed defaults: ${DEFAULT_PLUGIN_PACKAGES.join(', ')}`]);
    }
    const module = outcome.value;
    if (!module.default || typeof module.default !== 'object') throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [name, 'has no default export of a plugin definition']);
    prepare(module.default, name);
    return module.default;
  });
}

/** Imports a module from the CLI's own location, where every default pack is installed: the host's plugin importer. */
export const importFromCli = (specifier: string): Promise<unknown> => import(specifier);
