import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { dependencyViolations, readPackageFacts } from '../dependency-rules.mjs';
import { scaffoldPack } from '../new-package.mjs';
import { staleReferences } from '../sync-tsconfig.mjs';
import { workspaceGlobs, workspacePackages } from '../workspace.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const run = promisify(execFile);
// Each step is bounded: a hung compiler or test fails this test instead of stalling the suite.
const STEP_TIMEOUT_MS = 120_000;

/**
 * A throwaway workspace with the real core and testkit linked in, as `pnpm install` would link them, so
 * the scaffold runs exactly as in the repository without touching it.
 */
let scratch: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-scaffold-'));
  writeFileSync(join(scratch, 'pnpm-workspace.yaml'), 'packages:\n  - core\n  - testkit\n  - plugins/*\n');
  copyFileSync(join(ROOT, 'tsconfig.base.json'), join(scratch, 'tsconfig.base.json'));
  writeFileSync(join(scratch, 'tsconfig.json'), '{ "files": [], "references": [{ "path": "core" }, { "path": "testkit" }] }\n');
  for (const dir of ['core', 'testkit']) symlinkSync(join(ROOT, dir), join(scratch, dir), 'dir');
  mkdirSync(join(scratch, 'node_modules', '@types'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(scratch, 'node_modules', '@types', 'node'), 'dir');
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Without it, a `node --test` started from a test reports to this runner instead of printing its results. */
function standaloneTestEnv(): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _parent, ...env } = process.env;
  return env;
}

function linkDependencies(packDir: string): void {
  mkdirSync(join(packDir, 'node_modules', '@gauzy-mcp'), { recursive: true });
  symlinkSync(join(ROOT, 'core'), join(packDir, 'node_modules', '@gauzy-mcp', 'core'), 'dir');
  symlinkSync(join(ROOT, 'testkit'), join(packDir, 'node_modules', '@gauzy-mcp', 'testkit'), 'dir');
  // The kernel's own zod, as pnpm dedupes it.
  symlinkSync(realpathSync(join(ROOT, 'core', 'node_modules', 'zod')), join(packDir, 'node_modules', 'zod'), 'dir');
}

test('the workspace globs plugins/*, so a new pack needs no workspace entry', () => {
  assert.ok(workspaceGlobs(ROOT).includes('plugins/*'));
});

test('new-package scaffolds a pack inside its folder that typechecks, builds, passes its test and keeps the rules', async () => {
  const made = scaffoldPack({ name: 'teams', route: '/api/organization-team', root: scratch });
  assert.equal(made.dir, join(scratch, 'plugins', 'teams'));
  assert.deepEqual(made.tools, ['list_teams', 'get_team_by_id']);
  assert.deepEqual([...made.files].sort(), ['README.md', 'package.json', 'src/index.ts', 'test/teams.test.ts', 'tsconfig.build.json', 'tsconfig.json', 'tsup.config.ts']);
  const manifest = JSON.parse(readFileSync(join(made.dir, 'package.json'), 'utf8'));
  assert.equal(manifest.name, '@gauzy-mcp/plugin-teams');
  assert.deepEqual(manifest.keywords, ['gauzy-mcp-plugin']);
  const core = JSON.parse(readFileSync(join(ROOT, 'core', 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies.zod, core.peerDependencies?.zod ?? core.dependencies?.zod, 'the kernel\'s zod');
  assert.match(readFileSync(join(made.dir, 'README.md'), 'utf8'), /GAUZY_MCP_TOOLSETS=teams/);

  // The references were generated: the root builds the pack, the pack references what it depends on.
  assert.deepEqual(staleReferences(scratch), []);
  assert.deepEqual(JSON.parse(readFileSync(join(made.dir, 'tsconfig.json'), 'utf8')).references, [{ path: '../../core' }, { path: '../../testkit' }]);
  assert.ok(JSON.parse(readFileSync(join(scratch, 'tsconfig.json'), 'utf8')).references.some((reference: { path: string }) => reference.path === 'plugins/teams'));
  // It depends only on what a pack may.
  assert.deepEqual(dependencyViolations(readPackageFacts(scratch, workspacePackages(scratch))), []);

  linkDependencies(made.dir);
  // Type-check the pack's sources and test with the kernel and testkit sources they import, writing nothing.
  writeFileSync(join(made.dir, 'tsconfig.check.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { composite: false, incremental: false, noEmit: true, rootDir: '/' }, references: [] }));
  const options = { cwd: made.dir, timeout: STEP_TIMEOUT_MS };
  const [typecheck, build, packTest] = await Promise.allSettled([
    run(join(BIN, 'tsc'), ['-p', 'tsconfig.check.json'], options),
    run(join(BIN, 'tsup'), manifest.scripts.build.split(' ').slice(1), options),
    // tsx resolves from the repository; the pack's imports resolve through its own node_modules.
    run(process.execPath, ['--import', 'tsx', '--conditions=gauzy-source', '--test', join(made.dir, 'test', 'teams.test.ts')], { cwd: ROOT, timeout: STEP_TIMEOUT_MS, env: standaloneTestEnv() }),
  ]);
  const failed = (result: PromiseSettledResult<{ stdout: string; stderr: string }>) =>
    result.status === 'rejected' ? String((result.reason as { stdout?: string; stderr?: string; message: string }).stdout ?? '') + String((result.reason as { stderr?: string }).stderr ?? '') + (result.reason as Error).message : '';
  assert.equal(typecheck.status, 'fulfilled', `tsc: ${failed(typecheck)}`);
  assert.equal(build.status, 'fulfilled', `tsup: ${failed(build)}`);
  assert.equal(packTest.status, 'fulfilled', `the pack's test: ${failed(packTest)}`);
  assert.match(readFileSync(join(made.dir, 'dist', 'index.d.ts'), 'utf8'), /listTeams/);
  if (packTest.status === 'fulfilled') assert.match(packTest.value.stdout, /# pass 3\n# fail 0/);
});

test('new-package refuses a bad name, a bad route, or a folder that exists, writing nothing', () => {
  assert.throws(() => scaffoldPack({ name: 'Bad Name', route: '/api/x', root: scratch }), /pack name "Bad Name" must match/);
  assert.throws(() => scaffoldPack({ name: 'widgets', route: 'organization-team', root: scratch }), /--route "organization-team" must be a Gauzy route base/);
  mkdirSync(join(scratch, 'plugins', 'existing'), { recursive: true });
  assert.throws(() => scaffoldPack({ name: 'existing', route: '/api/organization-team', root: scratch }), /already exists/);
  assert.equal(existsSync(join(scratch, 'plugins', 'widgets')), false);
  assert.equal(existsSync(join(scratch, 'plugins', 'existing', 'package.json')), false);
});
