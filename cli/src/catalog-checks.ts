import type { Inventory } from '@gauzy-mcp/core/internal';

type ListedTool = Inventory['tools'][number];

/** Gauzy serves most lists twice: `GET /x` and its paged twin `GET /x/pagination`; either reads the same rows. */
const sameRows = (route: string) => route.replace(/^GET (.+)\/pagination$/, 'GET $1');

/** Whether a tool answers rows (`items`) or something made of them: a summary over a list route is another job than the list. */
const answers = (tool: ListedTool) => ((tool.listing.outputSchema?.properties as Record<string, unknown> | undefined)?.items ? 'rows' : 'other');

/**
 * What a tool does, as far as a catalog can tell: the Gauzy routes it calls (a paged twin counted as its
 * list), the inputs it requires, its effect, and whether it answers rows. Two listed tools with one job are
 * one tool too many.
 */
export function jobOf(tool: ListedTool): string {
  const required = ((tool.listing.inputSchema.required as string[] | undefined) ?? []).slice().sort();
  const routes = [...new Set([...tool.declaredRoutes].map(sameRows))].sort();
  return `${routes.join(' + ')} | ${required.join(',')} | ${tool.definition.effect} | ${answers(tool)}`;
}

/** Pairs of listed tools that share a key, as "a and b". */
export function clashes(tools: readonly ListedTool[], key: (tool: ListedTool) => string): string[] {
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const tool of tools) {
    const value = key(tool);
    const other = seen.get(value);
    if (other) found.push(`${other} and ${tool.name}`);
    else seen.set(value, tool.name);
  }
  return found;
}

/**
 * Listed tools that do the same job: the same description, or the same routes, required inputs and effect.
 * Tools the server answers itself (no Gauzy route) are told apart by their descriptions alone.
 */
export function sameJobTools(tools: readonly ListedTool[]): { description: string[]; job: string[] } {
  return {
    description: clashes(tools, (tool) => tool.definition.description),
    job: clashes(tools, (tool) => (tool.declaredRoutes.size ? jobOf(tool) : tool.name)),
  };
}
