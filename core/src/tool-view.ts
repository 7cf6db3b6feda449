import type { Inventory, RegisteredTool } from './inventory.js';

/**
 * What one connection narrows the served catalog to (the remote host reads it from the URL or headers): some
 * toolsets, some tools, read-only. A view only narrows: it can hide what the operator serves and the token's
 * scopes allow, never add to it.
 */
export interface ToolView {
  /** Toolsets to keep; with `tools`, the tools of either. Neither given: every served tool. */
  readonly toolsets?: readonly string[];
  /** Tools to keep, by name (an alias names its tool). */
  readonly tools?: readonly string[];
  /** Keep only the tools that change nothing. */
  readonly readOnly?: boolean;
  /**
   * Catalog mode: list the meta-tools (search, describe, call, list and enable toolsets) instead of every tool. It
   * changes what is listed, not what may be called.
   */
  readonly catalog?: boolean;
}

/**
 * A view checked against the inventory, with tool names resolved (`view` undefined when it narrows nothing). A name
 * the server does not serve is a problem naming what it does serve, rather than dropped: a client that asked for a
 * toolset should learn it is not there, not get a catalog without it.
 */
export function checkToolView(inventory: Inventory, requested: ToolView): { view?: ToolView; problems: string[] } {
  const served = new Set(inventory.tools.map((tool) => tool.definition.toolset));
  const problems: string[] = [];
  const unknownToolsets = (requested.toolsets ?? []).filter((name) => !served.has(name));
  if (unknownToolsets.length) problems.push(`toolset${unknownToolsets.length > 1 ? 's' : ''} ${unknownToolsets.join(', ')} not served here (served: ${[...served].sort().join(', ')})`);
  const tools = (requested.tools ?? []).map((name) => ({ name, tool: inventory.get(name) }));
  const unknownTools = tools.filter(({ tool }) => !tool || tool.definition.retired || !inventory.tools.includes(tool)).map(({ name }) => name);
  if (unknownTools.length) problems.push(`tool${unknownTools.length > 1 ? 's' : ''} ${unknownTools.join(', ')} not served here`);
  if (problems.length) return { problems };
  const view: ToolView = {
    ...(requested.toolsets?.length ? { toolsets: [...new Set(requested.toolsets)].sort() } : {}),
    ...(tools.length ? { tools: [...new Set(tools.map(({ tool }) => tool!.name))].sort() } : {}),
    ...(requested.readOnly ? { readOnly: true } : {}),
    ...(requested.catalog ? { catalog: true } : {}),
  };
  return view.toolsets || view.tools || view.readOnly || view.catalog ? { view, problems } : { problems };
}

/** Whether a view keeps a tool (a bulk or preset name is judged by the tool it runs). */
export function viewKeeps(view: ToolView | undefined, tool: RegisteredTool): boolean {
  if (!view) return true;
  if (view.readOnly && tool.definition.effect !== 'read') return false;
  if (!view.toolsets && !view.tools) return true;
  const base = tool.definition.runsEach?.tool ?? tool.name;
  return (view.toolsets?.includes(tool.definition.toolset) ?? false) || (view.tools?.includes(base) ?? false);
}

/** One string per distinct view, for caches and for checking a session keeps the view it was opened with. */
export function viewKey(view: ToolView | undefined): string {
  if (!view) return '';
  return `${view.toolsets?.join(',') ?? ''}|${view.tools?.join(',') ?? ''}|${view.readOnly ? 'ro' : ''}${view.catalog ? '|catalog' : ''}`;
}
