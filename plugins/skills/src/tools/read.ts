import { GauzyMcpError, normalizePage, scopeWhere, type RouteRef, type ToolContext } from '@gauzy-mcp/core';

type Item = Record<string, unknown>;

/**
 * One page of a `/pagination` route (BaseQueryDTO: `where[...]`, `relations[]`, `skip` a 1-based page),
 * scoped to the caller's tenant and organization.
 */
export async function readPage(ctx: ToolContext, path: string, where: Item, relations: readonly string[], take: number, page: number) {
  const answer = await ctx.gauzy.get(path, { query: { where: scopeWhere(ctx.scope, where as never), relations: [...relations], order: { createdAt: 'DESC' }, take, skip: page } });
  const read = normalizePage(answer);
  if (!read.paged) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected {items,total}']);
  return read;
}

/** One record with its relations: GET /:id ignores `relations`, so it is read from /pagination by id (404 when absent, as GET /:id answers). */
export async function readOne(ctx: ToolContext, path: string, id: string, relations: readonly string[], noun: string): Promise<Item> {
  const { items } = await readPage(ctx, path, { id }, relations, 1, 1);
  if (!items[0]) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No ${noun} with id ${id} in this organization.`] });
  return items[0];
}

/**
 * How a create or update answer is read back from /pagination with the relations joined, so the line names the
 * employees (Gauzy's POST answers them as bare `{id}`, PUT as an UpdateResult); for the kernel's answerReadBack.
 */
export function joinedReadBack(read: { path: string; relations: readonly string[]; noun: string; verb: string; describe: (item: Item) => string; compact: (item: Item) => Item }) {
  return {
    verb: read.verb,
    noun: read.noun,
    describe: read.describe,
    routes: [`GET ${read.path}` as RouteRef],
    read: async (ctx: ToolContext, id: string) => read.compact(await readOne(ctx, read.path, id, read.relations, read.noun)),
  };
}
