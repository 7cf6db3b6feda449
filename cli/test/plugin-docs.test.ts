import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ERROR_TABLE } from '@gauzy-mcp/core';
import { hostConfigSchema } from '@gauzy-mcp/host';
import { GENERATED_DOCS, renderPluginGuide } from '../src/commands/docs-update.js';

// docs/PLUGINS.md teaches the plugin API: its code is copied from the repository by `docs --write`, and every
// API name it mentions must be one a pack can import from @gauzy-mcp/core or @gauzy-mcp/testkit.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const guide = readFileSync(join(ROOT, GENERATED_DOCS.plugins), 'utf8');
const outsideGenerated = guide.replace(/<!-- BEGIN GENERATED: [\s\S]*?<!-- END GENERATED: [^>]*-->/g, '');
const fences = (text: string) => [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, body: match[2]! }));
const codeSpans = [...outsideGenerated.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);

/** What a module exports: its values, by importing it, and its types, by TypeScript's reading of its source. */
async function exportsOf(specifier: string, sourceFile: string): Promise<Set<string>> {
  const names = new Set(Object.keys(await import(specifier)));
  const program = ts.createProgram([sourceFile], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: ['node'], customConditions: ['gauzy-source'] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(sourceFile)!);
  assert.ok(module, `TypeScript could not read ${sourceFile}`);
  for (const symbol of checker.getExportsOfModule(module)) names.add(symbol.name);
  return names;
}

/**
 * Words in code spans that look like identifiers but name an option, a property or an argument of the API
 * (each a key of a definition the guide describes), MCP's annotation names, or an HTTP method: not exports.
 */
const NOT_EXPORTS = new Set(['PUT', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'bodyFields', 'memberIds', 'confirmExists', 'resourceTemplates', 'employeeId', 'nextSkip']);

test('the code in docs/PLUGINS.md is copied from the repository and current (run `node cli/bin/gauzy-mcp.js docs --write`)', () => {
  assert.equal(guide, renderPluginGuide(ROOT), 'docs/PLUGINS.md is stale: run `node cli/bin/gauzy-mcp.js docs --write`');
  for (const path of ['examples/custom-plugin/src/entity.ts', 'examples/custom-plugin/src/index.ts', 'examples/custom-plugin/src/sandbox.ts', 'examples/custom-plugin/test/departments.test.ts']) {
    assert.ok(guide.includes(`<!-- BEGIN GENERATED: excerpt:${path}#`), `the guide shows ${path}`);
  }
  // Outside the generated blocks, the only code is commands and a config, checked below.
  assert.deepEqual(fences(outsideGenerated).map((fence) => fence.lang).sort(), ['json', 'sh']);
});

test('the commands run files of the repository, and the config is a host config', () => {
  for (const { lang, body } of fences(outsideGenerated)) {
    if (lang === 'json') {
      const parsed = hostConfigSchema.safeParse(JSON.parse(body));
      assert.ok(parsed.success, `not a host config: ${body}`);
      continue;
    }
    for (const line of body.trim().split('\n')) {
      const script = /^node (\S+)/.exec(line)?.[1];
      if (script) assert.ok(existsSync(join(ROOT, script)), `${line}: no such file`);
      else assert.match(line, /^npx -y pnpm@12\.21\.0 install$/);
    }
  }
  for (const path of ['examples/custom-plugin', 'cli/test/toolsnaps.test.ts', 'cli/package.json', 'scripts/new-package.mjs', 'scripts/sync-tsconfig.mjs']) {
    assert.ok(outsideGenerated.includes(path), `names ${path}`);
    assert.ok(existsSync(join(ROOT, path)), `${path} exists`);
  }
});

test('every API name the guide mentions is exported by @gauzy-mcp/core or @gauzy-mcp/testkit, and none is internal', async () => {
  const exported = new Set([...(await exportsOf('@gauzy-mcp/core', join(ROOT, 'core/src/index.ts'))), ...(await exportsOf('@gauzy-mcp/testkit', join(ROOT, 'testkit/src/index.ts')))]);
  const mentioned = new Set<string>();
  for (const span of codeSpans) {
    // Calls anywhere in a span (`crudToolList(entity, …)`, `uuid()`), not methods (`ctx.progress()`).
    for (const [, name] of span.matchAll(/(?<![.\w])([A-Za-z_]\w*)\(/g) as IterableIterator<[string, string]>) mentioned.add(name);
    // A span that is one identifier with a capital: a function, a type or a constant (`defineEntity`, `ToolContext`).
    // Variables (GAUZY_…) and error codes (GMCP_ERR_…) are not API names; error codes are checked below.
    if (/^[A-Za-z_]\w*$/.test(span) && /[A-Z]/.test(span) && !/^(GAUZY_|GMCP_ERR_)/.test(span)) mentioned.add(span);
  }
  const unknown = [...mentioned].filter((name) => !exported.has(name) && !NOT_EXPORTS.has(name));
  assert.deepEqual(unknown, [], 'names the guide gives as API that no public entry exports');
  for (const name of ['defineEntity', 'crudTools', 'crudToolList', 'defineTool', 'definePlugin', 'sandboxEntity', 'createSandbox', 'crudConformance', 'findGauzyRoute', 'KERNEL_API_VERSION', 'ToolContext', 'EntitySandboxHooks']) {
    assert.ok(mentioned.has(name), `the guide mentions ${name}`);
  }
  const internal = Object.keys(await import('@gauzy-mcp/core/internal')).filter((name) => !exported.has(name));
  assert.deepEqual(internal.filter((name) => mentioned.has(name)), [], 'internal names');
  for (const [code] of guide.matchAll(/GMCP_ERR_[A-Z_]+/g)) assert.ok(code in ERROR_TABLE, `${code} is not an error code`);
});

test('the README points to the guide from its pack section and its layout table', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Writing a tool pack'), readme.indexOf('\n## ', readme.indexOf('## Writing a tool pack') + 1));
  assert.match(section, /\(docs\/PLUGINS\.md\)/);
  assert.ok(section.length < 1200, `the README's pack section is a pointer, not a second guide (${section.length} characters)`);
  assert.match(readme, /\| `docs\/` \|[^\n]*`PLUGINS\.md`/);
});
