import { readFileSync } from 'node:fs';
import { GauzyMcpError, type PluginDefinition } from '@gauzy-mcp/core';

/**
 * The packs a default install serves: the CLI's own `@gauzy-mcp/plugin-*` dependencies. The CLI must
 * depend on a pack for `npx gauzy-mcp` to install it, so its package.json is the one list; nothing else
 * repeats it (the host gets it from here when it runs under the CLI). Data, not imports: a deployment can
 * name others in GAUZY_MCP_PLUGINS or the host config's `plugins`.
 */
export const DEFAULT_PLUGIN_PACKAGES: readonly string[] = defaultPluginPackages();

function defaultPluginPackages(): string[] {
  // `src/` and `dist/` both sit one level below the package root.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith('@gauzy-mcp/plugin-'))
    .sort();
}

/** Imports plugin packages by name; each must default-export a plugin definition. */
export async function loadPlugins(packages: readonly string[] = DEFAULT_PLUGIN_PACKAGES): Promise<PluginDefinition[]> {
  // Imported together, so the module loader reads and compiles their files concurrently; checked in the given order.
  const loaded = await Promise.allSettled(packages.map((name) => import(name) as Promise<{ default?: PluginDefinition }>));
  return loaded.map((outcome, index) => {
    const name = packages[index]!;
    if (outcome.status === 'rejected') {
      throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [name, `cannot be loaded (${(outcome.reason as Error).message}); installed defaults: ${DEFAULT_PLUGIN_PACKAGES.join(', ')}`]);
    }
    const module = outcome.value;
    if (!module.default || typeof module.default !== 'object') throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [name, 'has no default export of a plugin definition']);
    return module.default;
  });
}

export function pluginPackagesFromEnv(env: NodeJS.ProcessEnv): readonly string[] {
  const list = env.GAUZY_MCP_PLUGINS?.split(/[\s,]+/).filter(Boolean);
  return list && list.length > 0 ? list : DEFAULT_PLUGIN_PACKAGES;
}

/** Imports a module from the CLI's own location, where every default pack is installed: the host's plugin importer. */
export const importFromCli = (specifier: string): Promise<unknown> => import(specifier);
