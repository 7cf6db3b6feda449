// Scaffolds a tool pack in plugins/<name>/: a package that builds, one entity described with defineEntity
// (the operations Gauzy's route table has for the route), its standard tools derived with crudTools, its
// sandbox model (the `./sandbox` export), a test that teaches the sandbox the entity and runs the generated
// conformance suite, and a README. Everything it writes is inside that folder, except the generated project
// references (scripts/sync-tsconfig.mjs) and, after `pnpm install`, the lockfile. The workspace already
// globs plugins/*.
//
//   node scripts/new-package.mjs <name> --route /api/<gauzy-route> [--noun position] [--plural positions] [--class OrganizationPosition] [--root <workspace>]
//
// e.g. node scripts/new-package.mjs positions --route /api/organization-positions --noun position --class OrganizationPosition
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syncReferences } from './sync-tsconfig.mjs';

/** The kernel's plugin-name rule (core/src/plugin-validation.ts PLUGIN_NAME_PATTERN). */
const PACK_NAME = /^[a-z][a-z0-9-]{1,40}$/;
const NOUN = /^[a-z][a-z0-9_]{1,40}$/;
const ROUTE = /^\/api\/[A-Za-z0-9\-_/.]+$/;
const GAUZY_CLASS = /^[A-Z][A-Za-z0-9]{1,60}$/;

/** The generic operations a scaffolded entity may have (core/src/entity.ts ENTITY_OPERATION_ROUTES, less soft delete). */
const OPERATIONS = /** @type {const} */ ([
  ['findAll', 'GET', ''],
  ['count', 'GET', '/count'],
  ['findById', 'GET', '/:id'],
  ['create', 'POST', ''],
  ['update', 'PUT', '/:id'],
  ['delete', 'DELETE', '/:id'],
]);

/** The derived tools and the operations each needs (core/src/crud-tools.ts: crudToolName and NEEDS), bulk ones left out. */
const TOOL_KINDS = /** @type {const} */ ([
  ['list_{many}', ['findAll']],
  ['get_{one}_by_id', ['findById']],
  ['get_{one}_count', ['count']],
  ['create_{one}', ['create']],
  ['update_{one}', ['findById', 'update']],
  ['delete_{one}', ['delete']],
]);

/**
 * @typedef {{ name: string; route: string; noun?: string; plural?: string; gauzyClass?: string; root?: string }} PackRequest
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
  const gauzyClass = request.gauzyClass ?? capitalize(camel(noun));
  if (!GAUZY_CLASS.test(gauzyClass)) throw new Error(`--class "${gauzyClass}" must be Gauzy's entity class, such as OrganizationPosition`);
  const dir = join(root, 'plugins', name);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  const served = servedRoutes(root);
  const operations = OPERATIONS.filter(([, method, suffix]) => served.has(`${method} ${route}${suffix}`)).map(([operation]) => operation);
  if (!operations.includes('findAll') || !operations.includes('findById')) {
    throw new Error(`Gauzy's route table has no GET ${route} and GET ${route}/:id: --route must be the base of a Gauzy CRUD controller`);
  }

  const packageName = `@gauzy-mcp/plugin-${name}`;
  const tools = TOOL_KINDS.filter(([, needs]) => needs.every((operation) => operations.includes(operation))).map(([pattern]) => pattern.replace('{one}', noun).replace('{many}', plural));
  const words = { name, packageName, route, noun, plural, gauzyClass, entityName: gauzyClass.charAt(0).toLowerCase() + gauzyClass.slice(1), operations, tools, toolset: name, zod: zodVersions(root), repository: repositoryOf(root) };
  const files = {
    'package.json': packageJson(words),
    'tsconfig.json': `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: '.tsbuild', rootDir: '.' }, include: ['src', 'test', 'package.json'], references: [] }, null, 2)}\n`,
    // tsup's dts step cannot build a composite project; the packs point it at a non-composite view.
    'tsconfig.build.json': `${JSON.stringify({ '//': "tsup's dts step cannot build a composite project (TS6307); this non-composite view is for the bundle only.", extends: './tsconfig.json', compilerOptions: { composite: false, incremental: false, rootDir: '.', emitDeclarationOnly: false }, include: ['src', 'package.json'], references: [] }, null, 2)}\n`,
    'tsup.config.ts': "// Picked up by `tsup src/index.ts ...` (the package build script); points the dts step at a non-composite tsconfig.\nexport default { tsconfig: 'tsconfig.build.json' };\n",
    'src/entity.ts': entitySource(words),
    'src/index.ts': pluginSource(words),
    'src/sandbox.ts': sandboxSource(words),
    [`test/${name}.test.ts`]: testSource(words),
    'README.md': readme(words),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  syncReferences(root);
  return { dir, files: Object.keys(files), packageName, tools };
}

/**
 * The kernel's zod: its peer range (what the pack accepts from the host) and the version it is built and
 * tested with (the pack's dev dependency). @param {string} root
 */
function zodVersions(root) {
  const core = JSON.parse(readFileSync(join(root, 'core', 'package.json'), 'utf8'));
  return { peer: core.peerDependencies?.zod ?? '^4.1.0', dev: core.devDependencies?.zod ?? core.peerDependencies?.zod ?? '*' };
}

/** The kernel's repository link (the one every package names), without its folder. @param {string} root */
function repositoryOf(root) {
  const { repository } = JSON.parse(readFileSync(join(root, 'core', 'package.json'), 'utf8'));
  if (!repository?.url) throw new Error('core/package.json names no repository');
  return { type: repository.type ?? 'git', url: repository.url };
}

/** Every `METHOD /path` Gauzy serves, from the list the kernel checks entities against. @param {string} root */
function servedRoutes(root) {
  const source = readFileSync(join(root, 'core', 'src', 'gauzy', 'gauzy-routes.generated.ts'), 'utf8');
  const literal = /GAUZY_ROUTE_LIST = ("(?:[^"\\]|\\.)*");/.exec(source)?.[1];
  if (!literal) throw new Error('core/src/gauzy/gauzy-routes.generated.ts has no GAUZY_ROUTE_LIST');
  return new Set(/** @type {string} */ (JSON.parse(literal)).split('\n'));
}

/**
 * @typedef {{ name: string; packageName: string; route: string; noun: string; plural: string; gauzyClass: string; entityName: string;
 *   operations: string[]; tools: string[]; toolset: string; zod: { peer: string; dev: string }; repository: { type: string; url: string } }} Words
 */

/** @param {Words} w */
function packageJson(w) {
  const manifest = {
    name: w.packageName,
    version: '0.1.0',
    description: `gauzy-mcp tool pack: ${w.plural.replace(/_/g, ' ')}`,
    type: 'module',
    license: 'MIT',
    // Where the registry links to: the repository every package names, and the pack's folder in it.
    repository: { ...w.repository, directory: `plugins/${w.name}` },
    engines: { node: '>=20' },
    exports: {
      '.': { 'gauzy-source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' },
      // Test code only: what the testkit's sandbox needs to serve the entity.
      './sandbox': { 'gauzy-source': './src/sandbox.ts', types: './dist/sandbox.d.ts', import: './dist/sandbox.js' },
    },
    types: './dist/index.d.ts',
    files: ['dist'],
    scripts: { build: 'tsup src/index.ts src/sandbox.ts --format esm --dts --clean --target node20 --silent' },
    dependencies: { '@gauzy-mcp/core': 'workspace:*' },
    // The host's zod: the schemas a pack builds are read by the kernel.
    peerDependencies: { zod: w.zod.peer },
    devDependencies: { '@gauzy-mcp/testkit': 'workspace:*', zod: w.zod.dev },
    // How a host finds installed packs (and names them when a configured one is missing).
    keywords: ['gauzy-mcp-plugin'],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** @param {Words} w */
function entitySource(w) {
  const Noun = w.noun.replace(/_/g, ' ');
  const Plural = w.plural.replace(/_/g, ' ');
  const list = w.operations.map((operation) => `'${operation}'`).join(', ');
  return `import { defineEntity } from '@gauzy-mcp/core';
import { z } from 'zod';

/**
 * Gauzy's ${w.gauzyClass}, as served at ${w.route}: described once, so the tools (src/index.ts), the sandbox's
 * model (src/sandbox.ts) and the conformance tests follow from it.
 */
export const ${camel(w.noun)}Entity = defineEntity({
  name: '${w.entityName}',
  gauzyClass: '${w.gauzyClass}',
  noun: '${Noun}',
  plural: '${Plural}',
  path: '${w.route}',
  // What Gauzy's route table has under the path (checked again when the entity loads). Soft delete needs a
  // \`softDelete\` saying whether Gauzy can restore (crudServiceCannotRecover for the inherited CrudService).
  operations: [${list}],
  // How GET ${w.route} reads its query: \`where[...]\` with a row offset, \`?data=\` (ParseJsonPipe) or flat parameters.
  list: { query: 'where', paging: 'offset' },
  // What a caller may set, from Gauzy's create DTO: types, required, exact enums.
  fields: {
    name: z.string().min(1).max(255).describe('${capitalize(Noun)} name'),
  },${w.operations.includes('update') ? `
  // Gauzy validates the whole DTO on PUT: the tool reads the record, overlays the change and sends these.
  update: { mode: 'merge', bodyFields: ['name'] },` : ''}
  // Relations callers may include (\`relations[]\`), each naming the entity it points to.
  relations: {},
  scope: 'organization',
  describe: (item) => \`\${String(item.name)} (\${String(item.id)})\`,
});
`;
}

/** @param {Words} w */
function pluginSource(w) {
  const Plural = w.plural.replace(/_/g, ' ');
  return `// The ${w.name} pack: one Gauzy entity (src/entity.ts) and the standard tools derived from it.
import { crudToolList, definePlugin } from '@gauzy-mcp/core';
import { ${camel(w.noun)}Entity } from './entity.js';

const TOOLSET = '${w.toolset}';

// ${w.tools.join(', ')}: names, titles and descriptions from the entity. Override a tool's texts or
// fields here (\`tools: { list: { description: '…' } }\`), or leave one out with \`false\`.
export const ${camel(w.noun)}Tools = crudToolList(${camel(w.noun)}Entity, {
  toolset: TOOLSET,
  tools: { bulkCreate: false, bulkUpdate: false, bulkDelete: false },
});

export default definePlugin({
  name: '${w.name}',
  version: '0.1.0',
  description: 'Gauzy ${Plural}.',
  // The kernel API this pack is written for, literally: the kernel that loads it checks its own version against it.
  kernel: '^1.0.0',
  // Not a default toolset: it is served when an operator names it (GAUZY_MCP_TOOLSETS=default,${w.toolset}).
  // Mark it default: true only for an everyday area; every default tool is in every client's tools/list.
  toolsets: [{ name: TOOLSET, description: '${capitalize(Plural)}' }],
  tools: ${camel(w.noun)}Tools,
});
`;
}

/** @param {Words} w */
function sandboxSource(w) {
  return `import { sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { ${camel(w.noun)}Entity } from './entity.js';

/**
 * What the testkit's sandbox needs to serve ${w.plural.replace(/_/g, ' ')} as Gauzy does, beyond the entity: column
 * defaults, server-set fields, body translations, DTO rules where the fields are not Gauzy's (see
 * EntitySandboxHooks). Test code only: the production entry never imports it.
 */
export const ${camel(w.name)}Sandbox: readonly SandboxEntity[] = [sandboxEntity(${camel(w.noun)}Entity, {})];
`;
}

/** @param {Words} w */
function testSource(w) {
  const Noun = w.noun.replace(/_/g, ' ');
  return `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crudConformance, findGauzyRoute } from '@gauzy-mcp/testkit';
import plugin from '../src/index.js';
import { ${camel(w.noun)}Entity } from '../src/entity.js';
import { ${camel(w.name)}Sandbox } from '../src/sandbox.js';

test('every route the pack calls is a real Gauzy route', () => {
  for (const tool of plugin.tools) for (const route of tool.routes) assert.ok(findGauzyRoute(...(route.split(' ') as [string, string])), route);
});

// The generated suite over the sandbox, taught the entity: create changes the sandbox state, invalid
// arguments name the field, missing ids are not found, the employee is refused where Gauzy refuses the role,
// relations resolve, paging reaches every row. Test hand-written tools beside it.
crudConformance({
  entity: ${camel(w.noun)}Entity,
  plugin,
  sandboxEntities: ${camel(w.name)}Sandbox,
  sample: { create: { name: 'First ${Noun}' }, update: { name: 'Renamed ${Noun}' } },
});
`;
}

/** @param {Words} w */
function readme(w) {
  const Plural = w.plural.replace(/_/g, ' ');
  return `# ${w.packageName}

gauzy-mcp tool pack for Gauzy ${Plural} (\`${w.route}\`).

Tools (derived from the entity in \`src/entity.ts\` with \`crudTools\`): ${w.tools.map((tool) => `\`${tool}\``).join(', ')}.

Toolset \`${w.toolset}\`, not served by default. Load and serve it with

\`\`\`sh
GAUZY_MCP_PLUGINS=${w.packageName} GAUZY_MCP_TOOLSETS=${w.toolset} gauzy-mcp stdio
\`\`\`

or, in a host config, \`"plugins": ["${w.packageName}", …]\` and \`"inventory": { "toolsets": ["default", "${w.toolset}"] }\`.

## Develop

- \`npx -y pnpm@12.21.0 install\` once, to link the new package into the workspace.
- \`node scripts/test.mjs plugins/${w.name}\` runs its test: the conformance suite of the entity against the Gauzy sandbox, taught it by \`src/sandbox.ts\`.
- Describe the entity as Gauzy has it (\`src/entity.ts\`: fields and enums from the DTOs, list style, relations); the tools follow.
- More tools: \`defineTool\` for real logic, tested beside the conformance suite.
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
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { route: { type: 'string' }, noun: { type: 'string' }, plural: { type: 'string' }, class: { type: 'string' }, root: { type: 'string' } } });
  const [name] = positionals;
  if (!name || !values.route) {
    process.stderr.write('usage: node scripts/new-package.mjs <name> --route /api/<gauzy-route> [--noun <noun>] [--plural <plural>] [--class <GauzyClass>] [--root <workspace>]\n');
    process.exit(2);
  }
  try {
    const made = scaffoldPack({ name, route: values.route, noun: values.noun, plural: values.plural, gauzyClass: values.class, root: values.root });
    process.stderr.write(
      `created ${made.dir} (${made.packageName}: ${made.tools.join(', ')})\n` +
        `next: npx -y pnpm@12.21.0 install && node scripts/test.mjs plugins/${name}\n`,
    );
  } catch (error) {
    process.stderr.write(`new-package: ${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
}
