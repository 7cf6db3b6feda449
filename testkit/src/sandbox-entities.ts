import { isEntityDefinition, type SandboxEntity } from '@gauzy-mcp/core';

/** Imports a module from where the packs are installed (the composition root), not from the testkit. */
export type SandboxModuleImporter = (specifier: string) => Promise<unknown>;

const isSandboxEntity = (value: unknown): value is SandboxEntity =>
  !!value && typeof value === 'object' && isEntityDefinition((value as { entity?: unknown }).entity) && typeof (value as { hooks?: unknown }).hooks === 'object';

/**
 * The sandbox entities of each plugin package that has a `./sandbox` export (`<package>/sandbox`): every
 * exported list of them. A package without one teaches the sandbox nothing; any other failure to load
 * it is thrown.
 */
export async function loadSandboxEntities(packages: readonly string[], importModule: SandboxModuleImporter): Promise<SandboxEntity[]> {
  const found: SandboxEntity[] = [];
  for (const name of packages) {
    let module: Record<string, unknown>;
    try {
      module = (await importModule(`${name}/sandbox`)) as Record<string, unknown>;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') continue;
      throw error;
    }
    for (const value of Object.values(module)) if (Array.isArray(value) && value.length && value.every(isSandboxEntity)) found.push(...value);
  }
  return found;
}

type ExportTarget = string | { [condition: string]: ExportTarget | undefined };

/** The file an `exports` entry points to under the conditions this process resolves with. */
function exportFile(target: ExportTarget | undefined, conditions: readonly string[]): string | undefined {
  if (typeof target === 'string' || target === undefined) return target;
  for (const [condition, next] of Object.entries(target)) if (conditions.includes(condition)) return exportFile(next, conditions);
  return undefined;
}

/**
 * The sandbox entities of every package installed in `dirs`' node_modules that has a `./sandbox` export:
 * for tests whose own package may not depend on the packs (the authorization server's), read from where
 * the host they start finds its packs.
 */
export async function installedSandboxEntities(dirs: readonly string[]): Promise<SandboxEntity[]> {
  const { existsSync, readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const conditions = [...flags.flatMap((flag) => /^--conditions?=(.+)$/.exec(flag)?.[1] ?? []), 'import', 'default'];
  const files = new Map<string, string>();
  for (const dir of dirs) {
    const modules = join(dir, 'node_modules');
    if (!existsSync(modules)) continue;
    const names = readdirSync(modules).flatMap((entry) => (entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`) : [entry]));
    for (const name of names) {
      const manifestPath = join(modules, name, 'package.json');
      if (files.has(name) || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, ExportTarget> };
      const file = exportFile(manifest.exports?.['./sandbox'], conditions);
      if (file) files.set(name, pathToFileURL(join(modules, name, file)).href);
    }
  }
  return loadSandboxEntities([...files.keys()].sort(), (specifier) => import(files.get(specifier.replace(/\/sandbox$/, '')) as string));
}
