// The workspace as data: its packages (from pnpm-workspace.yaml), their manifests, and the workspace
// packages each one's files import. Read by the tsconfig sync, the scaffold and the layout tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders never scanned for sources. */
const SKIPPED = new Set(['node_modules', 'dist', '.tsbuild', '__toolsnaps__']);
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/**
 * The `packages:` entries of pnpm-workspace.yaml, in order. Only the shapes this repository uses: a
 * folder, or a folder followed by `/*`.
 * @param {string} root
 * @returns {string[]}
 */
export function workspaceGlobs(root) {
  const text = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^packages:\s*$/.test(line)) inPackages = true;
    else if (inPackages && /^\s+-\s+/.test(line)) globs.push(line.replace(/^\s+-\s+/, '').replace(/^['"]|['"]$/g, '').trim());
    else if (inPackages && /^\S/.test(line)) inPackages = false;
  }
  return globs;
}

/**
 * @typedef {{ name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; keywords?: string[] }} Manifest
 * @typedef {{ dir: string; name: string; manifest: Manifest; hasTsconfig: boolean }} WorkspacePackage
 */

/**
 * Every workspace package, in pnpm-workspace.yaml order (folders of a glob sorted by name).
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function workspacePackages(root) {
  const packages = [];
  for (const glob of workspaceGlobs(root)) {
    const dirs = glob.endsWith('/*') ? subfolders(join(root, glob.slice(0, -2))).map((name) => `${glob.slice(0, -2)}/${name}`) : [glob];
    for (const dir of dirs) {
      const path = join(root, dir, 'package.json');
      if (!existsSync(path)) continue;
      const manifest = /** @type {Manifest} */ (JSON.parse(readFileSync(path, 'utf8')));
      packages.push({ dir, name: manifest.name, manifest, hasTsconfig: existsSync(join(root, dir, 'tsconfig.json')) });
    }
  }
  return packages;
}

/** @param {string} dir */
function subfolders(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory())
    .sort();
}

/**
 * The workspace packages a package's manifest names, by kind: `runtime` (dependencies, peer and optional
 * dependencies: what it needs when installed) and `dev` (devDependencies: its tests and build).
 * @param {WorkspacePackage} pkg
 * @param {ReadonlySet<string>} names the workspace's package names
 */
export function declaredWorkspaceDeps(pkg, names) {
  const pick = (/** @type {Record<string, string> | undefined} */ deps) => Object.keys(deps ?? {}).filter((name) => names.has(name));
  const { dependencies, peerDependencies, optionalDependencies, devDependencies } = pkg.manifest;
  return { runtime: [...pick(dependencies), ...pick(peerDependencies), ...pick(optionalDependencies)], dev: pick(devDependencies) };
}

/**
 * @typedef {{ file: string; specifier: string; pkg: string; typeOnly: boolean; inTests: boolean }} WorkspaceImport
 */

/**
 * Every import of a workspace package in a package's own files (not its dependencies, builds or
 * snapshots). `inTests`: the file is under a `test/` folder. `typeOnly`: erased at runtime.
 * @param {string} root
 * @param {WorkspacePackage} pkg
 * @param {ReadonlySet<string>} names the workspace's package names
 * @returns {WorkspaceImport[]}
 */
export function workspaceImports(root, pkg, names) {
  const found = [];
  for (const { file, inTests } of packageSources(root, pkg)) {
    for (const { specifier, typeOnly } of importsIn(readFileSync(join(root, file), 'utf8'))) {
      const target = packageOf(specifier);
      if (names.has(target)) found.push({ file, specifier, pkg: target, typeOnly, inTests });
    }
  }
  return found;
}

/**
 * A package's own source files (relative to the root), each marked `inTests` when under a `test/` folder.
 * @param {string} root
 * @param {WorkspacePackage} pkg
 * @returns {Array<{ file: string; inTests: boolean }>}
 */
export function packageSources(root, pkg) {
  const base = join(root, pkg.dir);
  return sourceFiles(base).map((path) => ({ file: relative(root, path), inTests: relative(base, path).split(sep).includes('test') }));
}

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir, found = /** @type {string[]} */ ([])) {
  for (const entry of readdirSync(dir)) {
    if (SKIPPED.has(entry) || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    // A nested package (its own package.json) is another workspace member, not this one's source.
    if (statSync(path).isDirectory()) {
      if (!existsSync(join(path, 'package.json'))) sourceFiles(path, found);
    } else if (SOURCE.test(entry) && !entry.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/**
 * Import and re-export specifiers in a module's text, each marked type-only when TypeScript erases it
 * (`import type`, `export type`, or named imports that are all `type`).
 * @param {string} text
 * @returns {Array<{ specifier: string; typeOnly: boolean }>}
 */
export function importsIn(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = [];
  for (const match of code.matchAll(/\b(import|export)\s+(type\s+)?([\w*\s{},$]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const clause = match[3] ?? '';
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    const allTypes = named !== null && (named[1] ?? '').split(',').map((part) => part.trim()).filter(Boolean).every((part) => part.startsWith('type '));
    found.push({ specifier: match[4] ?? '', typeOnly: Boolean(match[2]) || allTypes });
  }
  for (const match of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g)) found.push({ specifier: match[1] ?? match[2] ?? '', typeOnly: false });
  return found;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. @param {string} specifier */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? specifier;
}
