import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PluginDefinition } from '@gauzy-mcp/core';
import { AUTH_ENV_MAPPINGS, renderConfigReference } from './config-reference.js';
import { blockNames, replaceBlock } from './doc-blocks.js';
import { renderToolReference } from './docs.js';
import { EXCERPT_PREFIX, renderExcerpt } from './excerpts.js';

/** The generated docs, relative to the repository root. */
export const GENERATED_DOCS = { tools: 'docs/TOOLS.md', operators: 'docs/OPERATORS.md', plugins: 'docs/PLUGINS.md' } as const;

export const CONFIG_REFERENCE_BLOCK = 'config-reference';

/** docs/OPERATORS.md with its config reference generated from the host's and the authorization server's schemas. */
export async function renderOperatorGuide(root: string): Promise<string> {
  // Imported here only: the authorization server's package loads oidc-provider.
  const { hostConfigSchema, HOST_ENV_OVERRIDES } = await import('@gauzy-mcp/host');
  const { authConfigSchema } = await import('@gauzy-mcp/auth');
  const reference = renderConfigReference({ schema: hostConfigSchema, env: HOST_ENV_OVERRIDES }, { schema: authConfigSchema, env: AUTH_ENV_MAPPINGS });
  return replaceBlock(readFileSync(join(root, GENERATED_DOCS.operators), 'utf8'), CONFIG_REFERENCE_BLOCK, reference);
}

/** docs/PLUGINS.md with every code excerpt copied from its source. */
export function renderPluginGuide(root: string): string {
  let guide = readFileSync(join(root, GENERATED_DOCS.plugins), 'utf8');
  for (const block of blockNames(guide)) {
    if (block.startsWith(EXCERPT_PREFIX)) guide = replaceBlock(guide, block, renderExcerpt(root, block));
  }
  return guide;
}

/** Every generated file as it should read now: TOOLS.md whole, the guides' generated blocks filled in. */
export async function renderDocs(root: string, plugins: readonly PluginDefinition[]): Promise<Array<{ path: string; content: string }>> {
  return [
    { path: GENERATED_DOCS.tools, content: renderToolReference(plugins) },
    { path: GENERATED_DOCS.operators, content: await renderOperatorGuide(root) },
    { path: GENERATED_DOCS.plugins, content: renderPluginGuide(root) },
  ];
}

/** Writes the generated docs, or (check) names the ones that are not current. */
export async function updateDocs(root: string, plugins: readonly PluginDefinition[], mode: 'write' | 'check'): Promise<string[]> {
  const stale: string[] = [];
  for (const { path, content } of await renderDocs(root, plugins)) {
    let current: string | undefined;
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    stale.push(path);
    if (mode === 'write') {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }
  return stale;
}
