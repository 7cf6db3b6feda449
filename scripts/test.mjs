// Runs every test file of the workspace with node:test. TypeScript runs through tsx; the
// "gauzy-source" condition makes workspace packages resolve to their sources, so a test exercises
// the code as written. The stdio end-to-end tests spawn the built binary, so build first (npm test does).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['core', 'testkit', 'host', 'auth', 'plugins', 'cli', 'examples', 'scripts'];
const skip = new Set(['node_modules', 'dist', '.tsbuild']);

function collect(dir, found = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (skip.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, found);
    else if (/\.test\.ts$/.test(entry) && path.includes(`${join('/', 'test', '/')}`.replace(/\/\//g, '/'))) found.push(relative(root, path));
  }
  return found;
}

const filter = process.argv.slice(2);
const files = roots.flatMap((dir) => collect(join(root, dir))).filter((file) => filter.length === 0 || filter.some((part) => file.includes(part))).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=gauzy-source', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
