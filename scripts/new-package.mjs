// Scaffolds a tool pack in plugins/<name>/: a package that builds, one entity with its list and get
// tools, a test against the Gauzy sandbox, and a README. Everything it writes is inside that folder,
// except the generated project references (scripts/sync-tsconfig.mjs) and, after `pnpm install`, the
// lockfile. The workspace already globs plugins/*.
//
//   node scripts/new-package.mjs <name> --route /api/<gauzy-route> [--noun team] [--plural teams] [--root <workspace>]
//
// e.g. node scripts/new-package.mjs teams --route /api/organization-team --noun team
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syncReferences } from './sync-tsconfig.mjs';

/** The kernel's plugin-name rule (core/src/plugin-validation.ts PLUGIN_NAME_PATTERN). */
const PACK_NAME = /^[a-z][a-z0-9-]{1,40}$/;
const NOUN = /^[a-z][a-z0-9_]{1,40}$/;
const ROUTE = /^\/api\/[A-Za-z0-9\-_/.]+$/;

/**
 * @typedef {{ name: string; route: string; noun?: string; plural?: string; root?: string }} PackRequest
 */

/**
 * Writes the pack and syncs the project references. Returns the pack's folder. Throws (writing nothing)
 * on a bad name, route or noun, or when the folder exists.
 * @param {PackRequest} request
 * @returns {{ dir: string; files: string[]; packageName: string; tools: string[] }}
 */
export function scaffoldPack(request) {
  const root = request.root ?? fileURLToPath(new URL('..', import.meta.url));
  const { name, route } = request;
  if (!PACK_NAME.test(name)) throw new Error(`pack name "${name}" must match ${PACK_NAME} (lower case, digits, "-")`);
  if (!ROUTE.test(route)) throw new Error(`--route "${route}" must be a Gauzy route base such as /api/organization-team`);
  const plural = request.plural ?? name.replace(/-/g, '_');
  const noun = request.noun ?? plural.replace(/s$/, '');
  for (const word of [noun, plural]) if (!NOUN.test(word)) throw new Error(`"${word}" must match ${NOUN} (it names the tools)`);
  const dir = join(root, 'plugins', name);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);

  const packageName = `@gauzy-mcp/plugin-${name}`;
  const listName = `list_${plural}`;
  const getName = `get_${noun}_by_id`;
  const words = { name, packageName, route, noun, plural, listName, getName, toolset: name, zod: zodVersion(root) };
  const files = {
    'package.json': packageJson(words),
    'tsconfig.json': `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: '.tsbuild', rootDir: '.' }, include: ['src', 'test', 'package.json'], references: [] }, null, 2)}\n`,
    // tsup's dts step cannot build a composite project; the packs point it at a non-composite view.
    'tsconfig.build.json': `${JSON.stringify({ '//': "tsup's dts step cannot build a composite project (TS6307); this non-composite view is for the bundle only.", extends: './tsconfig.json', compilerOptions: { composite: false, incremental: false, rootDir: '.', emitDeclarationOnly: false }, include: ['src', 'package.json'], references: [] }, null, 2)}\n`,
    'tsup.config.ts': "// Picked up by `tsup src/index.ts ...` (the package build script); points the dts step at a non-composite tsconfig.\nexport default { tsconfig: 'tsconfig.build.json' };\n",
    'src/index.ts': pluginSource(words),
    [`test/${name}.test.ts`]: testSource(words),
    'README.md': readme(words),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  syncReferences(root);
  return { dir, files: Object.keys(files), packageName, tools: [listName, getName] };
}

/** The zod the kernel is built with, so the pack's schemas are the same zod. @param {string} root */
function zodVersion(root) {
  const core = JSON.parse(readFileSync(join(root, 'core', 'package.json'), 'utf8'));
  return core.peerDependencies?.zod ?? core.dependencies?.zod ?? core.devDependencies?.zod ?? '*';
}

/** @typedef {{ name: string; packageName: string; route: string; noun: string; plural: string; listName: string; getName: string; toolset: string; zod: string }} Words */

/** @param {Words} w */
function packageJson(w) {
  const manifest = {
    name: w.packageName,
    version: '0.1.0',
    description: `gauzy-mcp tool pack: ${w.plural.replace(/_/g, ' ')}`,
    type: 'module',
    license: 'MIT',
    engines: { node: '>=20' },
    exports: { '.': { 'gauzy-source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' } },
    types: './dist/index.d.ts',
    files: ['dist'],
    scripts: { build: 'tsup src/index.ts --format esm --dts --clean --target node20 --silent' },
    dependencies: { '@gauzy-mcp/core': 'workspace:*', zod: w.zod },
    devDependencies: { '@gauzy-mcp/testkit': 'workspace:*' },
    // How a host finds installed packs (and names them when a configured one is missing).
    keywords: ['gauzy-mcp-plugin'],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** @param {Words} w */
function pluginSource(w) {
  const Noun = w.noun.replace(/_/g, ' ');
  const Plural = w.plural.replace(/_/g, ' ');
  return `// The ${w.name} pack: one Gauzy entity, described once, and its tools declared as data.
import { defineEntity, definePlugin, getTool, KERNEL_API_VERSION, listTool } from '@gauzy-mcp/core';

const TOOLSET = '${w.toolset}';

/** The entity, as Gauzy serves it at ${w.route}. Add its relations (\`relations[]\`) as the sandbox models them. */
export const ${camel(w.noun)}Entity = defineEntity({
  noun: '${Noun}',
  plural: '${Plural}',
  path: '${w.route}',
});

export const ${camel(w.listName)} = listTool(${camel(w.noun)}Entity, {
  name: '${w.listName}',
  title: 'List ${Plural}',
  description: 'List the organization\\'s ${Plural}, newest first, a page at a time.',
  toolset: TOOLSET,
});

export const ${camel(w.getName)} = getTool(${camel(w.noun)}Entity, {
  name: '${w.getName}',
  title: 'Get a ${Noun}',
  description: 'Get one ${Noun} by id.',
  toolset: TOOLSET,
});

export default definePlugin({
  name: '${w.name}',
  version: '0.1.0',
  description: 'Gauzy ${Plural}: list and read.',
  kernel: KERNEL_API_VERSION,
  // Not a default toolset: it is served when an operator names it (GAUZY_MCP_TOOLSETS=default,${w.toolset}).
  // Mark it default: true only for an everyday area; every default tool is in every client's tools/list.
  toolsets: [{ name: TOOLSET, description: '${capitalize(Plural)}: list and read' }],
  tools: [${camel(w.listName)}, ${camel(w.getName)}],
});
`;
}

/** @param {Words} w */
function testSource(w) {
  return `import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, findGauzyRoute, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import plugin from '../src/index.js';

let sandbox: Sandbox;
let client: TestClient;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  const kernel = createKernel({ plugins: [plugin], inventory: { toolsets: ['${w.toolset}'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') });
  client = await connectInMemory(kernel.serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('every route the pack calls is a real Gauzy route', () => {
  for (const tool of plugin.tools) for (const route of tool.routes) assert.ok(findGauzyRoute(...(route.split(' ') as [string, string])), route);
});

test('${w.listName} lists what the sandbox holds and ${w.getName} reads one of them', async () => {
  const list = await client.call('${w.listName}', {});
  assert.equal(list.isError, false, list.text);
  const items = list.structured!.items as Array<{ id: string }>;
  assert.ok(items.length > 0, 'the demo seed has none: seed some in the test, or teach the sandbox the entity');
  const one = await client.call('${w.getName}', { id: items[0]!.id });
  assert.equal(one.isError, false, one.text);
  assert.equal(one.structured!.id, items[0]!.id);
});

test('${w.getName} names a malformed id without calling Gauzy', async () => {
  const requestsBefore = sandbox.requests.length;
  const bad = await client.call('${w.getName}', { id: 'not-a-uuid' });
  assert.equal(bad.isError, true);
  assert.deepEqual(bad.error!.fields, ['id']);
  assert.equal(sandbox.requests.length, requestsBefore);
});
`;
}

/** @param {Words} w */
function readme(w) {
  const Plural = w.plural.replace(/_/g, ' ');
  return `# ${w.packageName}

gauzy-mcp tool pack for Gauzy ${Plural} (\`${w.route}\`).

| tool | what |
|---|---|
| \`${w.listName}\` | List the organization's ${Plural}, a page at a time |
| \`${w.getName}\` | Get one by id |

Toolset \`${w.toolset}\`, not served by default. Load and serve it with

\`\`\`sh
GAUZY_MCP_PLUGINS=${w.packageName} GAUZY_MCP_TOOLSETS=${w.toolset} gauzy-mcp stdio
\`\`\`

or, in a host config, \`"plugins": ["${w.packageName}", …]\` and \`"inventory": { "toolsets": ["default", "${w.toolset}"] }\`.

## Develop

- \`npx -y pnpm@12.21.0 install\` once, to link the new package into the workspace.
- \`node scripts/test.mjs plugins/${w.name}\` runs its test against the Gauzy sandbox.
- More tools: the CRUD helpers of \`@gauzy-mcp/core\` over the same entity, or \`defineTool\` for real logic.
- To ship it in the default install, add it to \`cli/package.json\`'s dependencies (the one list of default packs).
`;
}

/** \`get_team_by_id\` → \`getTeamById\`. @param {string} text */
function camel(text) {
  return text.replace(/[-_]([a-z0-9])/g, (_, letter) => letter.toUpperCase());
}

/** @param {string} text */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { route: { type: 'string' }, noun: { type: 'string' }, plural: { type: 'string' }, root: { type: 'string' } } });
  const [name] = positionals;
  if (!name || !values.route) {
    process.stderr.write('usage: node scripts/new-package.mjs <name> --route /api/<gauzy-route> [--noun <noun>] [--plural <plural>] [--root <workspace>]\n');
    process.exit(2);
  }
  try {
    const made = scaffoldPack({ name, route: values.route, noun: values.noun, plural: values.plural, root: values.root });
    process.stderr.write(
      `created ${made.dir} (${made.packageName}: ${made.tools.join(', ')})\n` +
        `next: npx -y pnpm@12.21.0 install && node scripts/test.mjs plugins/${name}\n`,
    );
  } catch (error) {
    process.stderr.write(`new-package: ${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
}
