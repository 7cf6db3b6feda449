import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GauzyMcpError, type PluginDefinition } from '@gauzy-mcp/core';

/** Imports a module by specifier from the composition root (the CLI), where the installed packs resolve. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

export interface PluginLoadOptions {
  /** Relative plugin paths resolve from here (the config file's directory). */
  baseDir: string;
  importModule?: ModuleImporter;
  /** Directories whose node_modules are searched to name the installed packs in an error. */
  searchDirs?: readonly string[];
  /** Called with each plugin loaded and the specifier it was imported as (the CLI hands over prebuilt schemas). */
  prepare?: PluginPreparer;
}

/** What the composition root does with a plugin as it is loaded, before the host builds its catalog. */
export type PluginPreparer = (plugin: PluginDefinition, specifier: string) => void;

/**
 * Loads the plugins a host config names: package names through the importer, paths relative to the
 * config file. The host never names a plugin in code; an unknown one stops start-up with the list of
 * packs that are installed.
 */
export async function loadConfiguredPlugins(entries: readonly string[], options: PluginLoadOptions): Promise<PluginDefinition[]> {
  const importModule = options.importModule ?? ((specifier: string) => import(specifier));
  const plugins: PluginDefinition[] = [];
  for (const entry of entries) {
    const isPath = entry.startsWith('.') || isAbsolute(entry) || entry.startsWith('file:');
    const specifier = isPath ? (entry.startsWith('file:') ? entry : pathToFileURL(resolve(options.baseDir, entry)).href) : entry;
    let module: { default?: unknown };
    try {
      module = (await importModule(specifier)) as { default?: unknown };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
      const installed = installedPluginPackages([options.baseDir, ...(options.searchDirs ?? [])]);
      const why = notFound ? 'is not installed' : `failed to load (${(error as Error).message})`;
      throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [entry, `${why}; installed plugin packages: ${installed.length ? installed.join(', ') : 'none found'}`]);
    }
    const plugin = module.default;
    if (!plugin || typeof plugin !== 'object' || !Array.isArray((plugin as PluginDefinition).tools)) {
      throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [entry, 'has no default export of a plugin definition (definePlugin({...}))']);
    }
    options.prepare?.(plugin as PluginDefinition, specifier);
    plugins.push(plugin as PluginDefinition);
  }
  return plugins;
}

/** The host package's own directory (`src/` and `dist/` both sit one level below it). */
export const HOST_PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * What a host serves when neither its config nor its composition root names plugins: every installed
 * plugin package found from `dirs` (the host passes its own installation too). The inventory's default
 * toolsets keep that catalog small. None found stops start-up saying how to name them.
 */
export function installedPluginsOrFail(dirs: readonly string[]): string[] {
  const installed = installedPluginPackages(dirs);
  if (installed.length === 0) {
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', ['no plugins: name the packs to serve in the config\'s plugins (or GAUZY_MCP_PLUGINS), or install one (a package with the gauzy-mcp-plugin keyword)']);
  }
  return installed;
}

/** Packages marked with the `gauzy-mcp-plugin` keyword in the node_modules above the given directories. */
export function installedPluginPackages(dirs: readonly string[]): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  for (const start of dirs) {
    for (let dir = resolve(start); !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      const modules = join(dir, 'node_modules');
      if (existsSync(modules)) for (const name of packageNames(modules)) if (isPluginPackage(join(modules, name))) found.add(name);
      if (dirname(dir) === dir) break;
    }
  }
  return [...found].sort();
}

function packageNames(modules: string): string[] {
  const names: string[] = [];
  for (const entry of safeReaddir(modules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const scoped of safeReaddir(join(modules, entry))) names.push(`${entry}/${scoped}`);
    else names.push(entry);
  }
  return names;
}

function isPluginPackage(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { keywords?: unknown };
    return Array.isArray(pkg.keywords) && pkg.keywords.includes('gauzy-mcp-plugin');
  } catch {
    return false;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
