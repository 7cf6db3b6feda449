import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { workspacePackages } from '../workspace.mjs';

// Releases: each package versioned on its own by Changesets, the private ones never; the steps CONTRIBUTING.md gives.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHANGESET_BIN = join(ROOT, 'node_modules', '@changesets', 'cli', 'bin.js');

interface ChangesetConfig {
  fixed: string[][];
  linked: string[][];
  access: string;
  baseBranch: string;
  ignore: string[];
  privatePackages?: { version?: boolean; tag?: boolean };
}

const config = JSON.parse(readFileSync(join(ROOT, '.changeset', 'config.json'), 'utf8')) as ChangesetConfig;
const packages = workspacePackages(ROOT).map(({ dir, name, manifest }) => ({ dir, name, manifest: manifest as typeof manifest & { version: string; private?: boolean } }));
const privateNames = packages.filter((pkg) => pkg.manifest.private === true).map((pkg) => pkg.name);
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

test('every package is versioned on its own, from main, published public; the private ones are never versioned', () => {
  assert.deepEqual(config.fixed, [], 'no fixed groups: a change releases only the packages it touches and their dependents');
  assert.deepEqual(config.linked, [], 'no linked groups');
  assert.equal(config.baseBranch, 'main');
  assert.equal(config.access, 'public', 'the @gauzy-mcp scope publishes public');
  assert.ok(privateNames.includes('@gauzy-mcp/bench') && privateNames.length >= 2, `private: ${privateNames.join(', ')}`);
  assert.deepEqual([...config.ignore].sort(), [...privateNames].sort(), 'ignore lists exactly the private workspace packages');
  assert.deepEqual(config.privatePackages, { version: false, tag: false }, 'a private package added later is not versioned either');
});

test('the release scripts CONTRIBUTING.md names run Changesets: add, version, then build, test and publish', () => {
  assert.equal(scripts.changeset, 'changeset');
  assert.equal(scripts['version-packages'], 'changeset version');
  // npm test installs, builds and runs every test; pnpm exec puts pnpm on PATH for the `pnpm publish` changesets runs.
  assert.match(scripts.release ?? '', /^npm test && npx -y pnpm@12\.21\.0 exec changeset publish$/);
  const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const release = contributing.slice(contributing.indexOf('## Releasing'));
  assert.ok(contributing.includes('## Releasing'), 'CONTRIBUTING.md has a Releasing section');
  const steps = ['npm run changeset', 'npm run version-packages', 'npm run release'].map((command) => release.indexOf(command));
  assert.ok(steps.every((at) => at >= 0), 'Releasing names npm run changeset, npm run version-packages and npm run release');
  assert.deepEqual([...steps].sort((a, b) => a - b), steps, 'in the order they are run');
});

describe('changeset version on a copy of the workspace', () => {
  let scratch: string;
  const version = (dir: string) => (JSON.parse(readFileSync(join(scratch, dir, 'package.json'), 'utf8')) as { version: string }).version;
  const current = new Map(packages.map((pkg) => [pkg.dir, pkg.manifest.version]));
  const patched = (dir: string) => current.get(dir)!.replace(/(\d+)$/, (last) => String(Number(last) + 1));

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-changesets-'));
    // The manifests, the workspace file and the config are all Changesets reads; the changelog generator resolves
    // from node_modules.
    for (const dir of ['.', ...packages.map((pkg) => pkg.dir)]) {
      mkdirSync(join(scratch, dir), { recursive: true });
      copyFileSync(join(ROOT, dir, 'package.json'), join(scratch, dir, 'package.json'));
    }
    copyFileSync(join(ROOT, 'pnpm-workspace.yaml'), join(scratch, 'pnpm-workspace.yaml'));
    mkdirSync(join(scratch, '.changeset'));
    copyFileSync(join(ROOT, '.changeset', 'config.json'), join(scratch, '.changeset', 'config.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    writeFileSync(join(scratch, '.changeset', 'tasks-due-date.md'), '---\n"@gauzy-mcp/plugin-tasks": patch\n---\n\nlist_tasks reads the due date.\n');
    execFileSync(process.execPath, [CHANGESET_BIN, 'version'], { cwd: scratch, stdio: 'pipe' });
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('bumps the changed package and the packages that depend on it, and nothing else', () => {
    assert.equal(version('plugins/tasks'), patched('plugins/tasks'));
    assert.match(readFileSync(join(scratch, 'plugins', 'tasks', 'CHANGELOG.md'), 'utf8'), /list_tasks reads the due date/);
    // The CLI ships the pack (dependencies): republished with the new exact version.
    assert.equal(version('cli'), patched('cli'));
    // Independent versions: a package that does not depend on it keeps its version; so does the host, which has
    // the pack only among its devDependencies, and the benchmarks, which are private.
    for (const dir of ['core', 'host', 'auth', 'testkit', 'plugins/projects', 'bench']) assert.equal(version(dir), current.get(dir), dir);
    assert.equal(existsSync(join(scratch, 'core', 'CHANGELOG.md')), false);
    assert.equal(existsSync(join(scratch, '.changeset', 'tasks-due-date.md')), false, 'the changeset is consumed');
  });
});
