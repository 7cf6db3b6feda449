import { GauzyMcpError, type PluginDefinition } from '@gauzy-mcp/core';

/** The packs a default install serves. Data, not imports: a deployment can name others in GAUZY_MCP_PLUGINS. */
export const DEFAULT_PLUGIN_PACKAGES = [
  '@gauzy-mcp/plugin-projects',
  '@gauzy-mcp/plugin-tasks',
  '@gauzy-mcp/plugin-time-tracking',
  '@gauzy-mcp/plugin-session',
  '@gauzy-mcp/plugin-diagnostics',
] as const;

/** Imports plugin packages by name; each must default-export a plugin definition. */
export async function loadPlugins(packages: readonly string[] = DEFAULT_PLUGIN_PACKAGES): Promise<PluginDefinition[]> {
  const plugins: PluginDefinition[] = [];
  for (const name of packages) {
    let module: { default?: PluginDefinition };
    try {
      module = (await import(name)) as { default?: PluginDefinition };
    } catch (error) {
      throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [name, `cannot be loaded (${(error as Error).message}); installed defaults: ${DEFAULT_PLUGIN_PACKAGES.join(', ')}`]);
    }
    if (!module.default || typeof module.default !== 'object') throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [name, 'has no default export of a plugin definition']);
    plugins.push(module.default);
  }
  return plugins;
}

export function pluginPackagesFromEnv(env: NodeJS.ProcessEnv): readonly string[] {
  const list = env.GAUZY_MCP_PLUGINS?.split(/[\s,]+/).filter(Boolean);
  return list && list.length > 0 ? list : DEFAULT_PLUGIN_PACKAGES;
}

/** Imports a module from the CLI's own location, where every default pack is installed: the host's plugin importer. */
export const importFromCli = (specifier: string): Promise<unknown> => import(specifier);
