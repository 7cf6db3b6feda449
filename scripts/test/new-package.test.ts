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
  const made = scaffoldPack({ name: 'positions', route: '/api/organization-positions', noun: 'position', gauzyClass: 'OrganizationPosition', root: scratch });
  assert.equal(made.dir, join(scratch, 'plugins', 'positions'));
  // Every standard tool whose routes Gauzy serves under the path, bulk ones left out.
  assert.deepEqual(made.tools, ['list_positions', 'get_position_by_id', 'get_position_count', 'create_position', 'update_position', 'delete_position']);
  assert.deepEqual([...made.files].sort(), [
    'README.md', 'package.json', 'src/entity.ts', 'src/index.ts', 'src/sandbox.ts', 'test/positions.test.ts', 'tsconfig.build.json', 'tsconfig.json', 'tsup.config.ts',
  ]);
  const manifest = JSON.parse(readFileSync(join(made.dir, 'package.json'), 'utf8'));
  assert.equal(manifest.name, '@gauzy-mcp/plugin-positions');
  assert.deepEqual(manifest.keywords, ['gauzy-mcp-plugin']);
  assert.deepEqual(manifest.repository, { type: 'git', url: 'git+https://github.com/ever-co/gauzy-mcp.git', directory: 'plugins/positions' }, "the kernel's repository link, with the pack's folder");
  assert.deepEqual(Object.keys(manifest.exports), ['.', './sandbox']);
  const core = JSON.parse(readFileSync(join(ROOT, 'core', 'package.json'), 'utf8'));
  assert.equal(manifest.peerDependencies.zod, core.peerDependencies.zod, "the host's zod, in the kernel's range");
  assert.equal(manifest.devDependencies.zod, core.devDependencies.zod, "built and tested with the kernel's zod");
  assert.equal(manifest.dependencies.zod, undefined);
  const entity = readFileSync(join(made.dir, 'src', 'entity.ts'), 'utf8');
  assert.match(entity, /operations: \['findAll', 'count', 'findById', 'create', 'update', 'delete'\]/);
  assert.match(entity, /gauzyClass: 'OrganizationPosition'/);
  const source = readFileSync(join(made.dir, 'src', 'index.ts'), 'utf8');
  assert.match(source, /kernel: '\^1\.0\.0'/, 'the kernel range is written literally');
  assert.doesNotMatch(source, /KERNEL_API_VERSION/);
  assert.match(readFileSync(join(made.dir, 'README.md'), 'utf8'), /GAUZY_MCP_TOOLSETS=positions/);

  // The references were generated: the root builds the pack, the pack references what it depends on.
  assert.deepEqual(staleReferences(scratch), []);
  assert.deepEqual(JSON.parse(readFileSync(join(made.dir, 'tsconfig.json'), 'utf8')).references, [{ path: '../../core' }, { path: '../../testkit' }]);
  assert.ok(JSON.parse(readFileSync(join(scratch, 'tsconfig.json'), 'utf8')).references.some((reference: { path: string }) => reference.path === 'plugins/positions'));
  // It depends only on what a pack may (the repository's own packages are checked by dependency-direction.test.ts).
  assert.deepEqual(dependencyViolations(readPackageFacts(scratch, workspacePackages(scratch))).filter((violation) => violation.includes('plugins/positions')), []);

  linkDependencies(made.dir);
  // Type-check the pack's sources and test with the kernel and testkit sources they import, writing nothing.
  writeFileSync(join(made.dir, 'tsconfig.check.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { composite: false, incremental: false, noEmit: true, rootDir: '/' }, references: [] }));
  const options = { cwd: made.dir, timeout: STEP_TIMEOUT_MS };
  const [typecheck, build, packTest] = await Promise.allSettled([
    run(join(BIN, 'tsc'), ['-p', 'tsconfig.check.json'], options),
    run(join(BIN, 'tsup'), manifest.scripts.build.split(' ').slice(1), options),
    // tsx resolves from the repository; the pack's imports resolve through its own node_modules.
    run(process.execPath, ['--import', 'tsx', '--conditions=gauzy-source', '--test', join(made.dir, 'test', 'positions.test.ts')], { cwd: ROOT, timeout: STEP_TIMEOUT_MS, env: standaloneTestEnv() }),
  ]);
  const failed = (result: PromiseSettledResult<{ stdout: string; stderr: string }>) =>
    result.status === 'rejected' ? String((result.reason as { stdout?: string; stderr?: string; message: string }).stdout ?? '') + String((result.reason as { stderr?: string }).stderr ?? '') + (result.reason as Error).message : '';
  assert.equal(typecheck.status, 'fulfilled', `tsc: ${failed(typecheck)}`);
  assert.equal(build.status, 'fulfilled', `tsup: ${failed(build)}`);
  assert.equal(packTest.status, 'fulfilled', `the pack's test: ${failed(packTest)}`);
  assert.match(readFileSync(join(made.dir, 'dist', 'index.d.ts'), 'utf8'), /positionTools/);
  assert.ok(existsSync(join(made.dir, 'dist', 'sandbox.js')), 'the ./sandbox export is built');
  if (packTest.status === 'fulfilled') {
    assert.match(packTest.value.stdout, /# fail 0\n/);
    // The route check, and the conformance suite: one test per check plus its coverage test.
    assert.ok(Number(/# pass (\d+)/.exec(packTest.value.stdout)?.[1]) >= 8, packTest.value.stdout.slice(-400));
  }
});

test('new-package refuses a bad name, a bad route, or a folder that exists, writing nothing', () => {
  assert.throws(() => scaffoldPack({ name: 'Bad Name', route: '/api/x', root: scratch }), /pack name "Bad Name" must match/);
  assert.throws(() => scaffoldPack({ name: 'widgets', route: 'organization-team', root: scratch }), /--route "organization-team" must be a Gauzy route base/);
  assert.throws(() => scaffoldPack({ name: 'widgets', route: '/api/no-such-area', root: scratch }), /route table has no GET \/api\/no-such-area/);
  assert.throws(() => scaffoldPack({ name: 'widgets', route: '/api/organization-team', gauzyClass: 'organization team', root: scratch }), /--class "organization team"/);
  mkdirSync(join(scratch, 'plugins', 'existing'), { recursive: true });
  assert.throws(() => scaffoldPack({ name: 'existing', route: '/api/organization-team', root: scratch }), /already exists/);
  assert.equal(existsSync(join(scratch, 'plugins', 'widgets')), false);
  assert.equal(existsSync(join(scratch, 'plugins', 'existing', 'package.json')), false);
});
