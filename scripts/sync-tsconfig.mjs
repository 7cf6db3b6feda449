// Keeps the TypeScript project references in step with the workspace, so adding a package touches its
// own folder only: the root tsconfig.json references every workspace package that has a tsconfig.json
// (plus the extra projects below), and each package's tsconfig.json references the workspace packages its
// package.json depends on (dev dependencies too: its tests are type-checked with it).
//   node scripts/sync-tsconfig.mjs           rewrite what is out of date
//   node scripts/sync-tsconfig.mjs --check   list it and exit 1 (a test runs this check)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declaredWorkspaceDeps, workspacePackages } from './workspace.mjs';

/** Type-checked projects that are not workspace packages. */
const EXTRA_ROOT_PROJECTS = ['scripts'];

/**
 * Each tsconfig.json whose `references` differ from what the workspace implies, with the references it
 * should have. Only `references` is compared and rewritten; every other setting stays as written.
 * @param {string} root
 * @returns {Array<{ path: string; current: string[]; expected: string[] }>}
 */
export function staleReferences(root) {
  const packages = workspacePackages(root);
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const names = new Set(byName.keys());
  const order = new Map(packages.map((pkg, index) => [pkg.name, index]));
  const stale = [];
  const rootExpected = [...packages.filter((pkg) => pkg.hasTsconfig).map((pkg) => pkg.dir), ...EXTRA_ROOT_PROJECTS.filter((dir) => existsSync(join(root, dir, 'tsconfig.json')))];
  const rootCurrent = referencesOf(join(root, 'tsconfig.json'));
  if (!sameList(rootCurrent, rootExpected)) stale.push({ path: 'tsconfig.json', current: rootCurrent, expected: rootExpected });
  for (const pkg of packages.filter((entry) => entry.hasTsconfig)) {
    const { runtime, dev } = declaredWorkspaceDeps(pkg, names);
    const targets = [...new Set([...runtime, ...dev])]
      .map((name) => /** @type {import('./workspace.mjs').WorkspacePackage} */ (byName.get(name)))
      .filter((target) => target.hasTsconfig && target.name !== pkg.name)
      .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    const expected = targets.map((target) => relative(join(root, pkg.dir), join(root, target.dir)));
    const path = `${pkg.dir}/tsconfig.json`;
    const current = referencesOf(join(root, path));
    if (!sameList(current, expected)) stale.push({ path, current, expected });
  }
  return stale;
}

/** Rewrites the stale files' `references`; returns their paths. @param {string} root */
export function syncReferences(root) {
  const stale = staleReferences(root);
  for (const { path, expected } of stale) {
    const file = join(root, path);
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.references = expected.map((target) => ({ path: target }));
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  }
  return stale.map((entry) => entry.path);
}

/** @param {string} file @returns {string[]} */
function referencesOf(file) {
  const config = JSON.parse(readFileSync(file, 'utf8'));
  return (config.references ?? []).map((/** @type {{ path: string }} */ reference) => reference.path.replace(/\/$/, ''));
}

/** Order does not matter to `tsc -b` (it orders the build by the references), so it is not compared. @param {string[]} a @param {string[]} b */
function sameList(a, b) {
  const sorted = (/** @type {string[]} */ list) => [...list].sort().join('\n');
  return sorted(a) === sorted(b);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (process.argv.includes('--check')) {
    const stale = staleReferences(root);
    for (const { path, expected } of stale) process.stderr.write(`${path}: references should be ${JSON.stringify(expected)}\n`);
    if (stale.length > 0) process.stderr.write('Run `node scripts/sync-tsconfig.mjs` to update them.\n');
    process.exitCode = stale.length > 0 ? 1 : 0;
  } else {
    for (const path of syncReferences(root)) process.stderr.write(`updated ${path}\n`);
  }
}
