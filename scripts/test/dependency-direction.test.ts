import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { dependencyViolations, readPackageFacts, type PackageFacts } from '../dependency-rules.mjs';
import { importsIn, workspacePackages } from '../workspace.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('the workspace\'s package.json files and imports point one way (DESIGN.md: plugins, host, auth, testkit -> core)', () => {
  const facts = readPackageFacts(ROOT, workspacePackages(ROOT));
  // Not vacuous: the scan found the packages and their imports of core.
  const dirs = facts.map((entry) => entry.pkg.dir);
  for (const dir of ['core', 'host', 'auth', 'testkit', 'cli', 'plugins/projects', 'plugins/tasks']) assert.ok(dirs.includes(dir), dir);
  assert.ok(facts.find((entry) => entry.pkg.dir === 'auth')!.imports.some((entry) => entry.specifier === '@gauzy-mcp/core/state' && !entry.inTests));
  assert.ok(facts.find((entry) => entry.pkg.dir === 'host')!.texts.length > 10, 'the host\'s sources were read');
  assert.deepEqual(dependencyViolations(facts), []);
});

const pkg = (dir: string, name: string) => ({ dir, name, manifest: { name }, hasTsconfig: true });
const facts = (dir: string, name: string, extra: Partial<Omit<PackageFacts, 'pkg'>> = {}): PackageFacts => ({ pkg: pkg(dir, name), runtime: [], dev: [], imports: [], texts: [], ...extra });
const use = (file: string, target: string, options: { inTests?: boolean; typeOnly?: boolean } = {}) => ({ file, specifier: target, pkg: target, inTests: options.inTests ?? false, typeOnly: options.typeOnly ?? false });
const base = [facts('core', '@x/core'), facts('host', '@x/host', { runtime: ['@x/core'] }), facts('plugins/b', '@x/plugin-b', { runtime: ['@x/core'] })];

test('each rule catches what it forbids', () => {
  const cases: Array<[PackageFacts, RegExp]> = [
    [facts('plugins/a', '@x/plugin-a', { runtime: ['@x/core'], imports: [use('plugins/a/src/index.ts', '@x/plugin-b')] }), /plugins\/a\/src\/index\.ts \(plugin\) imports @x\/plugin-b \(plugin\)/],
    [facts('plugins/a', '@x/plugin-a', { dev: ['@x/plugin-b'] }), /plugins\/a reaches another plugin, @x\/plugin-b/],
    [facts('auth', '@x/auth', { runtime: ['@x/core', '@x/host'] }), /auth \(auth\) depends on @x\/host \(host\) in its package\.json/],
    [facts('auth', '@x/auth', { runtime: ['@x/core'], dev: ['@x/host'], imports: [use('auth/src/server.ts', '@x/host', { typeOnly: true })] }), /auth\/src\/server\.ts \(auth\) imports @x\/host/],
    [facts('plugins/a', '@x/plugin-a', { runtime: ['@x/core'], dev: ['@x/host'] }), /plugins\/a \(plugin\) has @x\/host \(host\) as a devDependency/],
    [facts('testkit', '@x/testkit', { dev: ['@x/core'], imports: [use('testkit/src/sandbox.ts', '@x/core')] }), /testkit\/src\/sandbox\.ts imports @x\/core, which testkit\/package\.json does not list in dependencies/],
    [facts('core', '@x/core', { runtime: ['@x/host'] }), /core \(core\) depends on @x\/host/],
  ];
  for (const [offender, message] of cases) {
    const problems = dependencyViolations([...base.filter((entry) => entry.pkg.dir !== offender.pkg.dir), offender]);
    assert.ok(problems.some((problem) => message.test(problem)), `${message} not in ${JSON.stringify(problems)}`);
  }
  const hostNamingAPlugin = facts('host', '@x/host', { runtime: ['@x/core'], texts: [{ file: 'host/src/config.ts', text: "plugins: ['@gauzy-mcp/plugin-projects']" }] });
  assert.deepEqual(dependencyViolations([base[0]!, hostNamingAPlugin]), ['host/src/config.ts names a plugin package: the host reads plugin names from its config']);
});

test('what the rules allow: a type-only import from a devDependency, tests reaching the packages they run, the CLI composing all', () => {
  const allowed = [
    ...base,
    facts('testkit', '@x/testkit', { dev: ['@x/core'], imports: [use('testkit/src/sandbox.ts', '@x/core', { typeOnly: true })] }),
    facts('auth', '@x/auth', { runtime: ['@x/core'], dev: ['@x/host', '@x/testkit'], imports: [use('auth/test/flow.test.ts', '@x/host', { inTests: true })] }),
    facts('cli', '@x/cli', { runtime: ['@x/core', '@x/host', '@x/auth', '@x/plugin-b'], imports: [use('cli/src/serve.ts', '@x/host'), use('cli/src/serve.ts', '@x/auth')] }),
  ];
  assert.deepEqual(dependencyViolations(allowed), []);
});

test('imports are read with their kind: type-only when TypeScript erases them', () => {
  const text = [
    "import type { A } from '@x/one';",
    "import { type B, type C } from '@x/two/sub';",
    "import { type D, e } from '@x/three';",
    "export { f } from '@x/four';",
    "export type { G } from '@x/five';",
    "const later = await import('@x/six');",
    "import '@x/seven';",
    "// import { commented } from '@x/eight';",
    'import {\n  h,\n  i,\n} from "@x/nine";',
  ].join('\n');
  assert.deepEqual(importsIn(text), [
    { specifier: '@x/one', typeOnly: true },
    { specifier: '@x/two/sub', typeOnly: true },
    { specifier: '@x/three', typeOnly: false },
    { specifier: '@x/four', typeOnly: false },
    { specifier: '@x/five', typeOnly: true },
    { specifier: '@x/nine', typeOnly: false },
    { specifier: '@x/six', typeOnly: false },
    { specifier: '@x/seven', typeOnly: false },
  ]);
});
