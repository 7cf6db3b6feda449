import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { staleReferences, syncReferences } from '../sync-tsconfig.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-references-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the tsconfig project references are what the workspace implies (run `node scripts/sync-tsconfig.mjs` to update them)', () => {
  assert.deepEqual(staleReferences(ROOT), []);
});

test('references follow the manifests: a new package joins the root, a new dependency joins the package', () => {
  const write = (path: string, value: unknown) => {
    mkdirSync(join(scratch, path, '..'), { recursive: true });
    writeFileSync(join(scratch, path), JSON.stringify(value));
  };
  writeFileSync(join(scratch, 'pnpm-workspace.yaml'), 'packages:\n  - core\n  - plugins/*\n');
  write('tsconfig.json', { files: [], references: [{ path: 'core' }] });
  write('core/package.json', { name: '@x/core' });
  write('core/tsconfig.json', { compilerOptions: { outDir: '.tsbuild' } });
  write('plugins/a/package.json', { name: '@x/plugin-a', dependencies: { '@x/core': 'workspace:*', zod: '4' } });
  write('plugins/a/tsconfig.json', { extends: '../../tsconfig.base.json', compilerOptions: { outDir: '.tsbuild' }, references: [] });
  // A folder without a tsconfig (plain JavaScript) is in the workspace but not in the build.
  write('plugins/js-only/package.json', { name: '@x/plugin-js', dependencies: { '@x/core': 'workspace:*' } });

  assert.deepEqual(staleReferences(scratch), [
    { path: 'tsconfig.json', current: ['core'], expected: ['core', 'plugins/a'] },
    { path: 'plugins/a/tsconfig.json', current: [], expected: ['../../core'] },
  ]);
  assert.deepEqual(syncReferences(scratch), ['tsconfig.json', 'plugins/a/tsconfig.json']);
  assert.deepEqual(staleReferences(scratch), []);
  const pack = JSON.parse(readFileSync(join(scratch, 'plugins/a/tsconfig.json'), 'utf8'));
  assert.deepEqual(pack, { extends: '../../tsconfig.base.json', compilerOptions: { outDir: '.tsbuild' }, references: [{ path: '../../core' }] }, 'only references change');
  // Order is not a difference: tsc -b orders the build itself.
  write('tsconfig.json', { files: [], references: [{ path: 'plugins/a' }, { path: 'core' }] });
  assert.deepEqual(staleReferences(scratch), []);
});
