import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginDefinition } from '@gauzy-mcp/core';
import { convertSchemas, SCHEMA_CONVERTER, usePrebuiltSchemas, type PrebuiltSchemas } from '@gauzy-mcp/core/internal';

// A pack's tool schemas, converted to JSON Schema when the CLI is built and kept beside the pack's files, so a
// start lists them without zod's conversion. The file names what it was converted from: the pack's and the
// kernel's code, byte for byte, and zod's version; a start whose files differ in any way converts instead.

/** Kept in the directory of the pack's entry file (its `dist/`, which a pack publishes). */
export const SCHEMAS_FILE = 'tool-schemas.json';

interface SchemasFile {
  from: string;
  schemas: PrebuiltSchemas;
}

/** The directory a module specifier's entry file sits in, resolved as the CLI imports it. */
export function entryDirectory(specifier: string): string {
  return dirname(fileURLToPath(import.meta.resolve(specifier)));
}

/** The kernel's built files, hashed: the same for every pack one load reads, so hashed once per load. */
export interface KernelCode {
  dir: string;
  hash: string;
}

/** Hashes the kernel's files (default: the kernel the CLI resolves). */
export function kernelCode(dir: string = entryDirectory('@gauzy-mcp/core')): KernelCode {
  return { dir, hash: directoryHash(dir) };
}

/** A hash of the code the schemas are converted from: every module file of the pack and of the kernel, and zod. */
export function schemasSource(packDir: string, kernel: KernelCode): string {
  return createHash('sha256').update(`${SCHEMA_CONVERTER}\npack ${directoryHash(packDir)}\ncore ${kernel.hash}\n`).digest('hex');
}

function directoryHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((file) => /\.(js|mjs|ts)$/.test(file) && !file.endsWith('.d.ts')).sort()) {
    hash.update(`${name}\n`).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex');
}

/** Converts `plugin`'s schemas and keeps them beside its files (the CLI's build, for every default pack). */
export function writePrebuiltSchemas(plugin: PluginDefinition, packDir: string, kernel: KernelCode): void {
  const file: SchemasFile = { from: schemasSource(packDir, kernel), schemas: convertSchemas(plugin) };
  writeFileSync(join(packDir, SCHEMAS_FILE), `${JSON.stringify(file)}\n`);
}

/**
 * What a load does with each pack (the CLI's own loader, and the host's through its `preparePlugin`): hands over
 * its prebuilt schemas when current, the kernel's files hashed once for the whole load.
 */
export function prebuiltSchemasPreparer(): (plugin: PluginDefinition, specifier: string) => void {
  let kernel: KernelCode | undefined;
  return (plugin, specifier) => void usePrebuiltSchemasIfCurrent(plugin, specifier, () => (kernel ??= kernelCode()));
}

/**
 * Hands the inventory what the build converted for `plugin` (imported as `specifier`), when it was converted from
 * exactly the files loaded; `kernel` gives the kernel's code, asked for only when the pack has the file.
 * True when it did; false (and nothing handed over) for a pack without the file, or one rebuilt, edited or
 * run with another kernel or zod since.
 */
export function usePrebuiltSchemasIfCurrent(plugin: PluginDefinition, specifier: string, kernel: () => KernelCode): boolean {
  try {
    const packDir = entryDirectory(specifier);
    const file = JSON.parse(readFileSync(join(packDir, SCHEMAS_FILE), 'utf8')) as SchemasFile;
    if (typeof file?.from !== 'string' || typeof file.schemas !== 'object' || file.schemas === null) return false;
    if (file.from !== schemasSource(packDir, kernel())) return false;
    usePrebuiltSchemas(plugin, file.schemas);
    return true;
  } catch {
    // No file, or a pack not loaded from files (a data: URL): it is converted at start like any other.
    return false;
  }
}
