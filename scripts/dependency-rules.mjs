// Which workspace package may depend on which: the one direction DESIGN.md draws. Dependencies point
// one way, plugins -> core; host, auth -> core; testkit -> core (types only); no plugin knows another;
// the host never names a plugin (it reads names from config); the CLI is the composition root.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredWorkspaceDeps, packageSources, workspaceImports } from './workspace.mjs';

/**
 * The role of a workspace package, from its folder.
 * @param {string} dir
 * @returns {'core' | 'plugin' | 'host' | 'auth' | 'testkit' | 'cli' | 'example' | 'bench' | 'other'}
 */
export function roleOf(dir) {
  if (dir.startsWith('plugins/')) return 'plugin';
  if (dir.startsWith('examples/')) return 'example';
  if (['core', 'host', 'auth', 'testkit', 'cli', 'bench'].includes(dir)) return /** @type {'core'} */ (dir);
  return 'other';
}

/**
 * What a role may use at runtime (its `src`, its dependencies) and in its tests (devDependencies too).
 * `null`: anything in the workspace. Roles are of the target package.
 * @type {Record<ReturnType<typeof roleOf>, { runtime: string[] | null; tests: string[] | null }>}
 */
const ALLOWED = {
  core: { runtime: [], tests: [] },
  plugin: { runtime: ['core'], tests: ['core', 'testkit'] },
  host: { runtime: ['core'], tests: ['core', 'testkit', 'plugin'] },
  // Its tests run a real host in front of it (the end-to-end OAuth flows); its code never sees one.
  auth: { runtime: ['core'], tests: ['core', 'testkit', 'host'] },
  testkit: { runtime: ['core'], tests: ['core'] },
  cli: { runtime: ['core', 'host', 'auth', 'testkit', 'plugin'], tests: ['core', 'host', 'auth', 'testkit', 'plugin'] },
  example: { runtime: ['core'], tests: ['core', 'testkit', 'host', 'auth'] },
  bench: { runtime: null, tests: null },
  other: { runtime: [], tests: [] },
};

/**
 * @typedef {import('./workspace.mjs').WorkspacePackage} WorkspacePackage
 * @typedef {import('./workspace.mjs').WorkspaceImport} WorkspaceImport
 * @typedef {{ pkg: WorkspacePackage; runtime: string[]; dev: string[]; imports: WorkspaceImport[]; texts: Array<{ file: string; text: string }> }} PackageFacts
 */

/**
 * Every broken rule, as a sentence naming the package, the file or manifest field, and what it reaches.
 * @param {PackageFacts[]} facts
 * @returns {string[]}
 */
export function dependencyViolations(facts) {
  const byName = new Map(facts.map((entry) => [entry.pkg.name, entry.pkg]));
  const roleOfName = (/** @type {string} */ name) => roleOf(byName.get(name)?.dir ?? '');
  const problems = [];
  for (const { pkg, runtime, dev, imports, texts } of facts) {
    const role = roleOf(pkg.dir);
    const allowed = ALLOWED[role];
    const may = (/** @type {string[] | null} */ roles, /** @type {string} */ target) => roles === null || roles.includes(roleOfName(target));
    for (const target of runtime) if (!may(allowed.runtime, target)) problems.push(`${pkg.dir} (${role}) depends on ${target} (${roleOfName(target)}) in its package.json`);
    for (const target of dev) if (!may(allowed.tests, target)) problems.push(`${pkg.dir} (${role}) has ${target} (${roleOfName(target)}) as a devDependency`);
    for (const entry of imports) {
      if (entry.pkg === pkg.name) continue;
      const roles = entry.inTests ? allowed.tests : allowed.runtime;
      if (!may(roles, entry.pkg)) problems.push(`${entry.file} (${role}${entry.inTests ? ' test' : ''}) imports ${entry.specifier} (${roleOfName(entry.pkg)})`);
      // Declared where it is needed: code needs a runtime dependency (a type-only import may come from a dev one), tests either.
      const declared = entry.inTests || entry.typeOnly ? [...runtime, ...dev] : runtime;
      if (!declared.includes(entry.pkg)) {
        problems.push(`${entry.file} imports ${entry.specifier}, which ${pkg.dir}/package.json does not list in ${entry.inTests || entry.typeOnly ? 'dependencies or devDependencies' : 'dependencies'}`);
      }
    }
    if (role === 'plugin') {
      for (const target of [...runtime, ...dev, ...imports.map((entry) => entry.pkg)]) {
        if (target !== pkg.name && roleOfName(target) === 'plugin') problems.push(`${pkg.dir} reaches another plugin, ${target}: no plugin knows another`);
      }
    }
    // The host reads plugin names from its config; a name in its code is a hidden default or an import.
    if (role === 'host') {
      for (const { file, text } of texts) if (/@gauzy-mcp\/plugin-/.test(text)) problems.push(`${file} names a plugin package: the host reads plugin names from its config`);
    }
  }
  return [...new Set(problems)];
}

/**
 * The facts the rules judge, read from the workspace on disk.
 * @param {string} root
 * @param {WorkspacePackage[]} packages
 * @returns {PackageFacts[]}
 */
export function readPackageFacts(root, packages) {
  const names = new Set(packages.map((pkg) => pkg.name));
  return packages.map((pkg) => {
    const { runtime, dev } = declaredWorkspaceDeps(pkg, names);
    const code = packageSources(root, pkg).filter((entry) => !entry.inTests);
    return { pkg, runtime, dev, imports: workspaceImports(root, pkg, names), texts: code.map(({ file }) => ({ file, text: readFileSync(join(root, file), 'utf8') })) };
  });
}
