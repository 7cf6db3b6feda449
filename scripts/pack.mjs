// Packs every package that is published (the workspace less its private packages) into one folder, as the
// registry would get them: pnpm pack turns workspace:* into versions and runs .pnpmfile.cjs's beforePacking.
//
//   node scripts/pack.mjs <folder>      (npm run pack:tarballs -- <folder>; needs a build first)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspacePackages } from './workspace.mjs';

/**
 * The workspace packages that are published: every one not marked private.
 * @param {string} root
 */
export function publishablePackages(root) {
  return workspacePackages(root).filter((pkg) => /** @type {{ private?: boolean }} */ (pkg.manifest).private !== true);
}

/**
 * Packs them into `destination`. Throws naming the packages not built yet (packing needs dist/).
 * @param {string} root
 * @param {string} destination
 */
export function packPublishable(root, destination) {
  const packages = publishablePackages(root);
  const unbuilt = packages.filter((pkg) => !existsSync(join(root, pkg.dir, 'dist'))).map((pkg) => pkg.dir);
  if (unbuilt.length > 0) throw new Error(`not built (run npm run -s build first): ${unbuilt.join(', ')}`);
  mkdirSync(destination, { recursive: true });
  const filters = packages.flatMap((pkg) => ['--filter', pkg.name]);
  execFileSync('npx', ['-y', 'pnpm@12.21.0', '-r', ...filters, 'pack', '--pack-destination', destination], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return packages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [destination] = process.argv.slice(2);
  if (!destination) {
    process.stderr.write('usage: node scripts/pack.mjs <folder>\n');
    process.exit(2);
  }
  try {
    const packed = packPublishable(fileURLToPath(new URL('..', import.meta.url)), resolve(destination));
    process.stderr.write(`packed ${packed.length} packages into ${resolve(destination)}\n`);
  } catch (error) {
    process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
}
