import { GauzyMcpError, fetchEntity, normalizePage, scopeWhere, type ToolContext } from '@gauzy-mcp/core';
import { compactStock, warehouseEntity } from '../entities.js';

type Item = Record<string, unknown>;

export const PAGINATION = '/api/warehouses/pagination';
export const INVENTORY = '/api/warehouses/inventory/:warehouseId';

/** One page of /api/warehouses/pagination (BaseQueryDTO: `skip` a 1-based page), scoped to the caller's organization. */
export async function readPage(ctx: ToolContext, where: Item, take: number, page: number) {
  const answer = await ctx.gauzy.get(PAGINATION, { query: { where: scopeWhere(ctx.scope, where as never), relations: ['contact'], order: { name: 'ASC' }, take, skip: page } });
  const read = normalizePage(answer);
  if (!read.paged) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected {items,total}']);
  return read;
}

/** A warehouse with its address and merchants (GET /:id honours `relations`). */
export const readWarehouse = (ctx: ToolContext, id: string) => fetchEntity(warehouseEntity, ctx, id, ['contact', 'merchants']);

/** What is in a warehouse: its products with their quantities (the route answers [] for an unknown warehouse). */
export async function readStock(ctx: ToolContext, warehouseId: string): Promise<Item[]> {
  const rows = await ctx.gauzy.get<unknown>(INVENTORY, { params: { warehouseId } });
  if (!Array.isArray(rows)) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected a list of warehouse products']);
  return (rows as Item[]).map(compactStock);
}

/** A warehouse as the tools answer it: merchants as `{ id, name }`. */
export function compactWarehouse(warehouse: Item): Item {
  const merchants = Array.isArray(warehouse.merchants) ? (warehouse.merchants as Item[]).map((m) => ({ id: m.id, name: m.name })) : undefined;
  return { ...warehouse, ...(merchants ? { merchants } : {}) };
}
