import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { checkPackage, createPackageFromTarballData, type Package } from '@arethetypeswrong/core';
import { problemAffectsResolutionKind, problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packPublishable, publishablePackages } from '../pack.mjs';

// Every package a user can install, checked as the registry would get it: packed by pnpm (workspace:* turned into
// versions, the .pnpmfile.cjs hook applied), then linted by publint and arethetypeswrong, plus what neither checks.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPOSITORY_URL = 'git+https://github.com/ever-co/gauzy-mcp.git';
const SOURCE_CONDITION = 'gauzy-source';

interface Manifest {
  name: string;
  type?: string;
  license?: string;
  repository?: unknown;
  types?: string;
  files?: string[];
  bin?: Record<string, string>;
  exports?: Record<string, unknown>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const publishable = publishablePackages(ROOT).map(({ dir, manifest }) => ({ dir, manifest: manifest as Manifest }));

/** Every file path an exports map can resolve to, with the conditions that lead there. */
function exportTargets(value: unknown, conditions: string[] = []): Array<{ path: string; conditions: string[] }> {
  if (typeof value === 'string') return [{ path: value, conditions }];
  if (Array.isArray(value)) return value.flatMap((inner) => exportTargets(inner, conditions));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => exportTargets(inner, key.startsWith('.') ? conditions : [...conditions, key]));
}

/** What the repository's own rules ask of a package.json, beyond what publint knows. */
function manifestProblems(dir: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  if (manifest.type !== 'module') problems.push('"type" must be "module" (the packages are ESM only)');
  if (!manifest.license) problems.push('no "license"');
  if (!manifest.engines?.node) problems.push('no "engines.node"');
  assertRepository(manifest.repository, dir, problems);
  if (!manifest.files?.includes('dist')) problems.push('"files" must list dist');
  if (manifest.files?.some((entry) => /^(\.\/)?(src|test)\b/.test(entry))) problems.push(`"files" publishes sources or tests: ${manifest.files.join(', ')}`);
  if (!manifest.types) problems.push('no top-level "types" (TypeScript without exports support reads it)');
  for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
    const keys = conditions && typeof conditions === 'object' ? Object.keys(conditions) : [];
    // The source condition first (the workspace resolves it before anything else), then types before the code.
    const published = keys.filter((key) => key !== SOURCE_CONDITION);
    if (published[0] !== 'types') problems.push(`exports["${subpath}"]: "types" must come first of the published conditions (has ${keys.join(', ')})`);
    if (!published.includes('import')) problems.push(`exports["${subpath}"]: no "import" condition`);
    if (keys.includes(SOURCE_CONDITION) && keys[0] !== SOURCE_CONDITION) problems.push(`exports["${subpath}"]: "${SOURCE_CONDITION}" must come first, or the workspace resolves dist/`);
  }
  if (!manifest.exports?.['.']) problems.push('no exports["."]');
  return problems;
}

function assertRepository(repository: unknown, dir: string, problems: string[]): void {
  const expected = { type: 'git', url: REPOSITORY_URL, directory: dir };
  try {
    assert.deepEqual(repository, expected);
  } catch {
    problems.push(`"repository" must be ${JSON.stringify(expected)}, not ${JSON.stringify(repository)}`);
  }
}

/** What the packed tarball holds that a consumer would trip on. */
function tarballProblems(pkg: Package, source: Manifest): string[] {
  const base = `/node_modules/${pkg.packageName}/`;
  const packed = JSON.parse(pkg.readFile(`${base}package.json`)) as Manifest;
  const problems: string[] = [];
  const files = pkg.listFiles().map((file) => file.slice(base.length));
  // publint skips targets behind a custom condition; a consumer that uses the same condition would still reach them.
  for (const { path, conditions } of exportTargets(packed.exports)) {
    if (conditions.includes(SOURCE_CONDITION)) problems.push(`packed exports keep "${SOURCE_CONDITION}" (${path}): the .pnpmfile.cjs hook did not run`);
    else if (!pkg.fileExists(`${base}${path.replace(/^\.\//, '')}`)) problems.push(`packed exports name ${path} [${conditions.join(', ')}], which is not in the tarball`);
  }
  if (packed.types && !pkg.fileExists(`${base}${packed.types.replace(/^\.\//, '')}`)) problems.push(`"types" names ${packed.types}, which is not in the tarball`);
  for (const [command, path] of Object.entries(packed.bin ?? {})) {
    if (!pkg.fileExists(`${base}${path.replace(/^\.\//, '')}`)) problems.push(`bin "${command}" names ${path}, which is not in the tarball`);
  }
  const unwanted = files.filter((file) => /^(src|test)\//.test(file) || /(^|\/)(tsconfig[^/]*\.json|tsup\.config\.ts|\.tsbuildinfo)$/.test(file));
  if (unwanted.length > 0) problems.push(`the tarball holds sources or build config: ${unwanted.slice(0, 5).join(', ')}`);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
    for (const [name, range] of Object.entries(packed[field] ?? {})) {
      if (/^(workspace|link|file):/.test(range)) problems.push(`${field}.${name} is "${range}" in the tarball`);
    }
  }
  for (const [name, range] of Object.entries(source.dependencies ?? {})) {
    if (range.startsWith('workspace:') && !/^\d+\.\d+\.\d+/.test(packed.dependencies?.[name] ?? '')) problems.push(`dependencies.${name} was not given a version by pnpm pack`);
  }
  return problems;
}

async function publintProblems(tarball: Buffer): Promise<string[]> {
  const data = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer;
  // strict: warnings count as errors; level suggestion: suggestions are listed too. None is ignored.
  const { messages, pkg } = await publint({ pack: { tarball: data }, level: 'suggestion', strict: true });
  return messages.map((message) => `publint ${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? JSON.stringify(message.args)}`);
}

// The packages are ESM only ("type": "module", an "import" condition and no "require"), as attw's own
// "esm-only" profile describes: a require() from CommonJS (node16-cjs) and TypeScript's node10 resolution
// (no exports support, so no subpaths) are not supported, and the problems seen only there are not problems.
// Everything seen under node16 ESM or a bundler is.
const SUPPORTED_RESOLUTIONS = ['node16-esm', 'bundler'] as const;

async function attwProblems(pkg: Package): Promise<string[]> {
  const analysis = await checkPackage(pkg);
  if (analysis.types === false) return ['attw: the package has no types'];
  return analysis.problems
    .filter((problem) => SUPPORTED_RESOLUTIONS.some((kind) => problemAffectsResolutionKind(problem, kind, analysis)))
    .map((problem) => `attw ${problem.kind} (${problemKindInfo[problem.kind].shortDescription}): ${JSON.stringify(problem)}`);
}

describe('every publishable package packs cleanly', { timeout: 300_000 }, () => {
  let dir: string;
  const tarballs = new Map<string, Buffer>();
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gauzy-mcp-pack-quality-'));
    // pnpm pack, as publishing would: workspace:* becomes the version, and .pnpmfile.cjs's beforePacking runs.
    packPublishable(ROOT, dir);
    for (const file of readdirSync(dir)) {
      const data = readFileSync(join(dir, file));
      tarballs.set(createPackageFromTarballData(new Uint8Array(data)).packageName, data);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the published set is the workspace less its private packages, and each was packed', () => {
    const names = publishable.map(({ manifest }) => manifest.name);
    assert.ok(names.includes('gauzy-mcp') && names.includes('@gauzy-mcp/core') && names.includes('@gauzy-mcp/plugin-tasks'), names.join(', '));
    assert.ok(!names.includes('@gauzy-mcp/bench'), 'bench is private');
    assert.deepEqual([...tarballs.keys()].sort(), [...names].sort());
  });

  for (const { dir: folder, manifest } of publishable) {
    test(`${manifest.name} (${folder})`, async () => {
      const tarball = tarballs.get(manifest.name);
      assert.ok(tarball, `${manifest.name} was not packed`);
      const pkg = createPackageFromTarballData(new Uint8Array(tarball));
      const problems = [...manifestProblems(folder, manifest), ...tarballProblems(pkg, manifest), ...(await publintProblems(tarball)), ...(await attwProblems(pkg))];
      assert.deepEqual(problems, [], `${manifest.name}:\n  ${problems.join('\n  ')}`);
    });
  }
});
