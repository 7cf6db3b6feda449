import { GauzyMcpError, MAX_BULK_ITEMS, defineTool, isGauzyMcpError, ok, uuid, withRefusalHints, type RouteRef, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeStock, WAREHOUSES_TOOLSET as toolset } from '../entities.js';
import { INVENTORY, readStock, readWarehouse } from './read.js';
import { editorsOnly } from './warehouses.js';

type Item = Record<string, unknown>;

const QUANTITY = '/api/warehouses/inventory-quantity/:warehouseProductId';

interface Outcome {
  index: number;
  ok: boolean;
  productId: string;
  id?: string;
  name?: string | null;
  code?: unknown;
  quantity?: number;
  added?: boolean;
  error?: { code: string; message: string; gauzyMessages?: string[] };
}

const failure = (error: unknown) => {
  const coded = isGauzyMcpError(error) ? error : new GauzyMcpError('GMCP_ERR_INTERNAL', ['set_warehouse_stock']);
  const gauzyMessages = Array.isArray(coded.details.gauzyMessages) ? (coded.details.gauzyMessages as string[]) : undefined;
  return { code: coded.code, message: coded.message, ...(gauzyMessages ? { gauzyMessages } : {}) };
};

/**
 * Adds the products a warehouse lacks (POST /inventory/:warehouseId takes them all at once and silently
 * skips ids it does not find, so the inventory is read again to see which were added) and then sets each
 * quantity (POST /inventory-quantity/:warehouseProductId, one per product). Every product gets its own
 * outcome. Gauzy accepts a negative count; the tool does not.
 */
async function stock(ctx: ToolContext, warehouseId: string, products: Array<{ productId: string; quantity: number }>) {
  const warehouse = await readWarehouse(ctx, warehouseId);
  const before = await readStock(ctx, warehouseId);
  const known = new Set(before.map((row) => String(row.productId)));
  const missing = [...new Set(products.map((p) => p.productId).filter((id) => !known.has(id)))];
  let addError: Outcome['error'];
  if (missing.length) {
    try {
      await ctx.gauzy.post(INVENTORY, missing.map((productId) => ({ productId })), { params: { warehouseId } });
    } catch (error) {
      // "No matching products found": none of them exist; any other refusal stops the whole call.
      if (!isGauzyMcpError(error) || error.code !== 'GMCP_ERR_GAUZY_NOT_FOUND') throw error;
      addError = failure(error);
    }
  }
  const rows = missing.length ? await readStock(ctx, warehouseId) : before;
  const outcomes: Outcome[] = [];
  for (const [index, { productId, quantity }] of products.entries()) {
    const row = rows.find((r) => r.productId === productId);
    if (!row) {
      outcomes.push({ index, ok: false, productId, error: addError ?? { code: 'GMCP_ERR_GAUZY_NOT_FOUND', message: `Gauzy has no product ${productId} in this tenant; nothing was added for it.` } });
      continue;
    }
    try {
      const saved = await ctx.gauzy.post<Item>(QUANTITY, { count: quantity }, { params: { warehouseProductId: String(row.id) } });
      outcomes.push({ index, ok: true, productId, id: String(row.id), name: row.name as string | null, code: row.code, quantity: Number(saved?.quantity ?? quantity), added: !known.has(productId) });
    } catch (error) {
      // A role that may not edit gets the same refusal for every product: one answer says it.
      if (isGauzyMcpError(error) && error.code === 'GMCP_ERR_GAUZY_FORBIDDEN') throw error;
      outcomes.push({ index, ok: false, productId, id: String(row.id), name: row.name as string | null, error: failure(error) });
    }
    await ctx.progress(index + 1, products.length, `Stocked ${index + 1}/${products.length} products`);
  }
  return { warehouse, outcomes };
}

export const setWarehouseStock = defineTool({
  name: 'set_warehouse_stock',
  title: 'Stock a warehouse',
  description: 'Set how many of each product a warehouse holds, adding products it lacks; reports each product.',
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({
    warehouseId: uuid(),
    products: z
      .array(z.strictObject({ productId: uuid(), quantity: z.number().nonnegative() }))
      .min(1)
      .max(MAX_BULK_ITEMS)
      .refine((list) => new Set(list.map((p) => p.productId)).size === list.length, 'each productId once'),
  }),
  output: z.looseObject({ succeeded: z.number(), failed: z.number(), results: z.array(z.looseObject({ productId: z.string(), ok: z.boolean() })) }),
  routes: ['GET /api/warehouses/:id', `GET ${INVENTORY}` as RouteRef, `POST ${INVENTORY}` as RouteRef, `POST ${QUANTITY}` as RouteRef],
  async handler({ warehouseId, products }, ctx) {
    const { warehouse, outcomes } = await withRefusalHints(() => stock(ctx, warehouseId, products), [editorsOnly]);
    const succeeded = outcomes.filter((o) => o.ok).length;
    const failed = outcomes.length - succeeded;
    const lines = outcomes.map((o) =>
      o.ok
        ? `- #${o.index + 1} ok: ${describeStock(o as unknown as Item)}${o.added ? ' (added)' : ''}`
        : `- #${o.index + 1} failed: product ${o.productId}: ${o.error?.gauzyMessages?.join('; ') || o.error?.message}`,
    );
    const head = `Stocked ${succeeded} of ${outcomes.length} products in ${String(warehouse.name)} (id ${warehouseId})${failed ? `; ${failed} failed` : ''}.`;
    return ok({ warehouseId, succeeded, failed, total: outcomes.length, results: outcomes }, [head, ...lines].join('\n'));
  },
});
