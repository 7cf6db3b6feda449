// The benches measure the built packages (dist/), which is what a user runs: run from source, tsx wraps every
// named function in a helper that gives it an own `name` property, which costs a property store per closure
// (about 2 KiB per open WebSocket) and time per call that the built code does not have. A bench of a build older
// than its source would measure the wrong code, so each suite imports this module first and refuses to start on one.
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** Throws unless every package's dist/ is at least as new as its src/ (run `npm run build` first). */
function requireCurrentBuild(): void {
  const packages = ['core', 'testkit', 'host', 'auth', 'cli', ...readdirSync(join(root, 'plugins')).map((name) => join('plugins', name))];
  const stale = packages.filter((name) => {
    const source = join(root, name, 'src');
    const dist = join(root, name, 'dist');
    if (!existsSync(source)) return false;
    return !existsSync(dist) || newestFile(source) > newestFile(dist);
  });
  if (stale.length > 0) throw new Error(`the benches measure the built packages, and these are not built or older than their source: ${stale.join(', ')}. Run npm run build first.`);
}

requireCurrentBuild();
