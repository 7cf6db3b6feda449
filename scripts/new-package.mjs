// Scaffolds a workspace package: package.json, tsconfig.json. Usage: node scripts/new-package.mjs <dir> <name> <description> [dep,dep]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
const [dir, name, description, deps = ''] = process.argv.slice(2);
mkdirSync(join(dir, 'src'), { recursive: true });
mkdirSync(join(dir, 'test'), { recursive: true });
const depList = deps ? deps.split(',') : [];
const pkg = {
  name, version: '0.1.0', description, type: 'module', license: 'MIT',
  engines: { node: '>=20' },
  exports: { '.': { 'gauzy-source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' } },
  types: './dist/index.d.ts',
  files: ['dist'],
  scripts: { build: 'tsup src/index.ts --format esm --dts --clean --target node20 --silent' },
  dependencies: Object.fromEntries(depList.map((d) => [d, d.startsWith('@gauzy-mcp/') || d === 'gauzy-mcp' ? 'workspace:*' : '*'])),
};
if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
const base = relative(dir, 'tsconfig.base.json');
const refs = depList.filter((d) => d.startsWith('@gauzy-mcp/'));
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
  extends: base,
  compilerOptions: { outDir: '.tsbuild', rootDir: '.' },
  include: ['src', 'test'],
  references: [],
}, null, 2) + '\n');
console.log('created', dir, refs);
