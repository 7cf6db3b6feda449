import { dataQuery, GauzyMcpError, LOCAL_FILTER_ROWS, normalizePage, readRowWindow, scopeWhere, type QueryValue, type RefusalHint, type ToolContext } from '@gauzy-mcp/core';

type Item = Record<string, unknown>;

/** Gauzy's EMPLOYEE role may read products and categories (ORG_INVENTORY_VIEW, ORG_PRODUCT_CATEGORIES_VIEW) but not change them. */
export const readOnlyRole = (what: string): RefusalHint => ({
  code: 'GMCP_ERR_GAUZY_FORBIDDEN',
  match: /Forbidden/,
  hint: `Your Gauzy role may list ${what} but not change them (that needs ${what === 'products' ? 'ORG_INVENTORY_PRODUCT_EDIT' : 'ORG_PRODUCT_CATEGORIES_EDIT'}); ask an admin.`,
});

/** One page of a `/pagination` route (BaseQueryDTO: `skip` a 1-based page), newest first; rows created together (Gauzy's demo seed) by id, so pages neither repeat nor skip one. */
export async function readPage(ctx: ToolContext, path: string, where: Record<string, QueryValue>, relations: readonly string[], take: number, page: number, language?: string) {
  const answer = await ctx.gauzy.get(path, { query: { where: scopeWhere(ctx.scope, where), ...(relations.length ? { relations: [...relations] } : {}), order: { createdAt: 'DESC', id: 'ASC' }, take, skip: page }, language });
  const read = normalizePage(answer);
  if (!read.paged) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected {items,total}']);
  return read;
}

/** Rows `[skip, skip + take)` of a `/pagination` route. */
export const readWindow = (ctx: ToolContext, path: string, where: Record<string, QueryValue>, relations: readonly string[], skip: number, take: number, language?: string) =>
  readRowWindow((size, page) => readPage(ctx, path, where, relations, size, page, language), skip, take);

/** Up to {@link LOCAL_FILTER_ROWS} rows of a `/pagination` route, 100 a page, to be filtered here. */
export async function readMany(ctx: ToolContext, path: string, where: Record<string, QueryValue>, relations: readonly string[], language?: string): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let total = 0;
  for (let page = 1; items.length < LOCAL_FILTER_ROWS; page++) {
    const read = await readPage(ctx, path, where, relations, 100, page, language);
    items.push(...read.items);
    total = read.total;
    if (read.items.length < 100 || items.length >= total) break;
  }
  return { items, total };
}

/** A product as stored (GET /api/products/:id: untranslated, with its translations), with `relations`. */
export async function readProduct(ctx: ToolContext, id: string, relations: readonly string[]): Promise<Item> {
  return ctx.gauzy.get<Item>('/api/products/:id', { params: { id }, query: dataQuery({ relations: [...relations] }) });
}

/** The products of a category (GET /api/products reads `?data=` and answers every match). */
export async function productsOfCategory(ctx: ToolContext, categoryId: string): Promise<Item[]> {
  const answer = await ctx.gauzy.get('/api/products', { query: dataQuery({ findInput: { productCategoryId: categoryId, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId } }) });
  return normalizePage(answer).items;
}

/** Does `text` contain `needle`, in any case? */
export const contains = (text: unknown, needle: string) => String(text ?? '').toLowerCase().includes(needle.toLowerCase());
