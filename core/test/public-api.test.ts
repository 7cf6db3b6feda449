import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The API report: every name '@gauzy-mcp/core' (the plugin-author API) and '@gauzy-mcp/core/internal'
 * export, checked against the committed core/test/__api__/public-api.txt. A pack is written against the
 * first list, so a name leaving it (or a type changing list) is a breaking change for third parties and
 * must be a deliberate one. The packages are imported by name, so their `exports` map is tested too.
 */
const here = dirname(fileURLToPath(import.meta.url));
const REPORT = join(here, '__api__', 'public-api.txt');
const UPDATE_COMMAND = 'UPDATE_API_REPORT=1 node scripts/test.mjs core/test/public-api';
const ENTRIES = { '@gauzy-mcp/core': '../src/index.ts', '@gauzy-mcp/core/internal': '../src/internal.ts' } as const;

/** The names a module exports that exist only as types, by TypeScript's reading of its source. */
function typeOnlyExports(file: string, values: ReadonlySet<string>): string[] {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    customConditions: ['gauzy-source'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  assert.ok(module, `TypeScript could not read ${file}`);
  return checker.getExportsOfModule(module).map((symbol) => symbol.name).filter((name) => !values.has(name)).sort();
}

async function report(): Promise<string> {
  const sections: string[] = [];
  for (const [specifier, path] of Object.entries(ENTRIES)) {
    const values = Object.keys(await import(specifier)).sort();
    const types = typeOnlyExports(join(here, path), new Set(values));
    sections.push(`# ${specifier}: values (${values.length})`, ...values, '', `# ${specifier}: types (${types.length})`, ...types, '');
  }
  return sections.join('\n');
}

/** `+ name` / `- name` per section, for a failure that says what changed. */
function changes(expected: string, actual: string): string[] {
  const parse = (text: string) => {
    const bySection = new Map<string, Set<string>>();
    let section = '';
    for (const line of text.split('\n')) {
      if (line.startsWith('# ')) bySection.set((section = line.replace(/ \(\d+\)$/, '').slice(2)), new Set());
      else if (line) bySection.get(section)?.add(line);
    }
    return bySection;
  };
  const before = parse(expected);
  const after = parse(actual);
  const lines: string[] = [];
  for (const section of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(section) ?? new Set<string>();
    const now = after.get(section) ?? new Set<string>();
    for (const name of now) if (!was.has(name)) lines.push(`  + ${section}: ${name}`);
    for (const name of was) if (!now.has(name)) lines.push(`  - ${section}: ${name}`);
  }
  return lines;
}

test('the exported surface of @gauzy-mcp/core and @gauzy-mcp/core/internal matches the API report', async () => {
  const actual = await report();
  if (process.env.UPDATE_API_REPORT === '1') writeFileSync(REPORT, actual);
  const expected = readFileSync(REPORT, 'utf8');
  const diff = changes(expected, actual);
  assert.equal(
    diff.length,
    0,
    `The core's exported API changed (core/test/__api__/public-api.txt):\n${diff.join('\n')}\n` +
      `If that is intended (a removal or a type leaving '@gauzy-mcp/core' breaks plugins: bump KERNEL_API_VERSION's major), run\n  ${UPDATE_COMMAND}`,
  );
  assert.equal(actual, expected, `The API report is out of order; run ${UPDATE_COMMAND}`);
});

test('no name is exported by both entries, and the kernel machinery is not in the plugin-author API', async () => {
  const publicNames = new Set(Object.keys(await import('@gauzy-mcp/core')));
  const internalNames = Object.keys(await import('@gauzy-mcp/core/internal'));
  assert.deepEqual(internalNames.filter((name) => publicNames.has(name)), []);
  for (const name of ['Inventory', 'ToolDispatcher', 'GauzyHttp', 'GauzyClient', 'GauzySession', 'createServerFactory', 'serveKernelOverStdio', 'credentialSessionControl']) {
    assert.ok(!publicNames.has(name), `${name} is internal`);
    assert.ok(internalNames.includes(name), `${name} is in @gauzy-mcp/core/internal`);
  }
});

test('tool packs and the example import only the plugin-author API', () => {
  const root = join(here, '..', '..');
  const packDirs = [...readdirSync(join(root, 'plugins')).map((name) => join(root, 'plugins', name)), join(root, 'examples', 'custom-plugin')];
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', '.tsbuild'].includes(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && /['"]@gauzy-mcp\/core\/internal['"]/.test(readFileSync(path, 'utf8'))) offenders.push(path.slice(root.length + 1));
    }
  };
  for (const dir of packDirs) walk(dir);
  assert.deepEqual(offenders, [], 'a pack that needs a kernel internal needs a public API for it instead');
});
