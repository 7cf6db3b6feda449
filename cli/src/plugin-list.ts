import { readFileSync } from 'node:fs';

// Kept apart from plugins.ts so that stdio's early start can name the packs without loading the kernel.

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

export function pluginPackagesFromEnv(env: NodeJS.ProcessEnv): readonly string[] {
  const list = env.GAUZY_MCP_PLUGINS?.split(/[\s,]+/).filter(Boolean);
  return list && list.length > 0 ? list : DEFAULT_PLUGIN_PACKAGES;
}
