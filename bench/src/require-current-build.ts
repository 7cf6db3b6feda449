// The benches measure the built packages (dist/), which is what a user runs: run from source, tsx wraps every
// named function in a helper that gives it an own `name` property, which costs a property store per closure
// (about 2 KiB per open WebSocket) and time per call that the built code does not have. A bench of a build older
// than its source would measure the wrong code, so each suite imports this module first and refuses to start on one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newestFile(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The workspace's packages (pnpm-workspace.yaml's `packages:` list, `dir/*` expanded) that are built (tsup). */
function builtPackages(): string[] {
  const workspace = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const entries = (/^packages:\n((?:[ \t]+-[^\n]*\n?)+)/m.exec(workspace)?.[1] ?? '').split('\n').map((line) => line.replace(/^[ \t]+-[ \t]*/, '').trim()).filter(Boolean);
  const directories = entries.flatMap((entry) => (entry.endsWith('/*') ? readdirSync(join(root, entry.slice(0, -2))).map((name) => join(entry.slice(0, -2), name)) : [entry]));
  return directories.filter((directory) => existsSync(join(root, directory, 'tsup.config.ts')));
}

/** Throws unless every built package's dist/ is at least as new as its src/ (run `npm run build` first). */
function requireCurrentBuild(): void {
  const packages = builtPackages();
  if (packages.length === 0) throw new Error('no built package found in pnpm-workspace.yaml');
  const stale = packages.filter((name) => {
    const source = join(root, name, 'src');
    const dist = join(root, name, 'dist');
    if (!existsSync(source)) return false;
    return !existsSync(dist) || newestFile(source) > newestFile(dist);
  });
  if (stale.length > 0) throw new Error(`the benches measure the built packages, and these are not built or older than their source: ${stale.join(', ')}. Run npm run build first.`);
}

requireCurrentBuild();
