import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListedTool } from '@gauzy-mcp/core/internal';

/**
 * Tool snapshots, after github-mcp-server's `__toolsnaps__`: every listed tool's `tools/list` entry (name,
 * title, description, annotations, input and output schema) in a committed JSON file beside the pack's
 * tests, `<pack>/test/__toolsnaps__/<tool>.snap.json`. A change to what clients receive shows up as a diff
 * in review, and an unreviewed one fails the tests. `npm run toolsnaps:update` rewrites them.
 */
export const TOOLSNAPS_DIR = join('test', '__toolsnaps__');
export const SNAPSHOT_SUFFIX = '.snap.json';

/** Set to rewrite the snapshots instead of checking them. */
export const updatingToolsnaps = () => process.env.UPDATE_TOOLSNAPS === '1' || process.env.UPDATE_TOOLSNAPS === 'true';

/** Pretty-printed, keys in a fixed order at the top and sorted below, so a snapshot changes only when the entry does. */
export function renderSnapshot(listing: ListedTool): string {
  const { name, title, description, annotations, inputSchema, outputSchema, ...rest } = listing;
  const ordered = { name, title, description, annotations, inputSchema, ...(outputSchema ? { outputSchema } : {}), ...rest };
  return `${JSON.stringify(sortKeys(ordered, true), null, 2)}\n`;
}

function sortKeys(value: unknown, keepTopOrder = false): unknown {
  if (Array.isArray(value)) return value.map((entry) => sortKeys(entry));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  return Object.fromEntries((keepTopOrder ? keys : keys.sort()).map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

/** The folder of an installed package (the one holding its package.json), from any module it resolves to. */
export function packageRoot(specifier: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(specifier)));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${specifier}`);
    dir = parent;
  }
  return dir;
}

export interface SnapshotCheck {
  missing: string[];
  changed: Array<{ path: string; expected: string; actual: string }>;
  stale: string[];
  written: string[];
}

/**
 * Compares (or, when updating, writes) one pack's snapshots: `listings` are the pack's listed tools. A file
 * for a tool that is no longer listed is stale: it fails the check, and an update deletes it.
 */
export function checkPackSnapshots(root: string, listings: readonly ListedTool[], update: boolean): SnapshotCheck {
  const dir = join(root, TOOLSNAPS_DIR);
  const result: SnapshotCheck = { missing: [], changed: [], stale: [], written: [] };
  const expectedFiles = new Set<string>();
  for (const listing of listings) {
    const file = `${listing.name}${SNAPSHOT_SUFFIX}`;
    expectedFiles.add(file);
    const path = join(dir, file);
    const actual = renderSnapshot(listing);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (committed === actual) continue;
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, actual);
      result.written.push(path);
    } else if (committed === undefined) result.missing.push(path);
    else result.changed.push({ path, expected: committed, actual });
  }
  const present = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith(SNAPSHOT_SUFFIX)) : [];
  for (const file of present.filter((entry) => !expectedFiles.has(entry)).sort()) {
    const path = join(dir, file);
    if (update) {
      rmSync(path);
      result.written.push(`${path} (removed)`);
    } else result.stale.push(path);
  }
  return result;
}
