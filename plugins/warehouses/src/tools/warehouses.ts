import {
  LOCAL_FILTER_ROWS,
  answerReadBack,
  crudToolList,
  entityFieldsParam,
  defineTool,
  entityOutput,
  listOutput,
  listResult,
  ok,
  pagination,
  readRowWindow,
  uuid,
  withRefusalHints,
  type RefusalHint,
  type RouteRef,
  type ToolDefinition,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeStock, describeWarehouse, warehouseEntity, WAREHOUSES_TOOLSET as toolset } from '../entities.js';
import { INVENTORY, compactWarehouse, readPage, readStock, readWarehouse } from './read.js';

type Item = Record<string, unknown>;

/** An EMPLOYEE has ORG_INVENTORY_VIEW but not ORG_INVENTORY_PRODUCT_EDIT. */
export const editorsOnly: RefusalHint = {
  code: 'GMCP_ERR_GAUZY_FORBIDDEN',
  match: /Forbidden/,
  hint: 'Your Gauzy role may look at warehouses and their stock but not change them (ORG_INVENTORY_PRODUCT_EDIT); ask an admin.',
};

/**
 * Gauzy matches `where[name]` exactly, so a part of a name is matched here over up to LOCAL_FILTER_ROWS
 * warehouses read from /pagination (which reads `where[active]` as a boolean; GET / does not).
 */
export const listWarehouses = defineTool({
  name: 'list_warehouses',
  title: 'Find warehouses',
  description: 'Find warehouses by part of the name and/or active, with code, email and address.',
  toolset,
  aliases: warehouseEntity.aliases?.list,
  effect: 'read',
  input: z.object({ name: z.string().trim().min(1).max(200).optional().describe('Contained, any case'), active: z.boolean().optional(), ...pagination, fields: entityFieldsParam(warehouseEntity) }),
  output: listOutput,
  routes: ['GET /api/warehouses/pagination'],
  async handler({ name, active, take, skip, fields }, ctx) {
    const where = active === undefined ? {} : { active };
    if (!name) {
      const page = await readRowWindow((size, number) => readPage(ctx, where, size, number), skip, take);
      return listResult({ items: page.items, total: page.total, skip, take, fields, noun: 'warehouses', describe: describeWarehouse });
    }
    const items: Item[] = [];
    let total = 0;
    for (let number = 1; items.length < LOCAL_FILTER_ROWS; number++) {
      const read = await readPage(ctx, where, 100, number);
      items.push(...read.items);
      total = read.total;
      if (read.items.length < 100 || items.length >= total) break;
    }
    const needle = name.toLowerCase();
    const kept = items.filter((warehouse) => String(warehouse.name ?? '').toLowerCase().includes(needle));
    const result = listResult({ items: kept, unpaged: true, skip, take, fields, noun: 'warehouses', describe: describeWarehouse });
    const note = `Gauzy matches warehouse names only exactly, so ${items.length} of ${total} warehouses were read and filtered here${items.length < total ? '; later ones were not read' : ''}.`;
    return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

/** The warehouse with its address, merchants and inventory: two routes, since GET /:id cannot join the products' names. */
export const getWarehouse = defineTool({
  name: 'get_warehouse_by_id',
  title: 'Get a warehouse and its stock',
  description: "One warehouse by id with its address, merchants and inventory: each product's name and quantity.",
  toolset,
  aliases: warehouseEntity.aliases?.get,
  effect: 'read',
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: ['GET /api/warehouses/:id', `GET ${INVENTORY}` as RouteRef],
  async handler({ id }, ctx) {
    const warehouse = compactWarehouse(await readWarehouse(ctx, id));
    const stock = await readStock(ctx, id);
    const units = stock.reduce((sum, row) => sum + Number(row.quantity), 0);
    const lines = stock.slice(0, 50).map((row) => `- ${describeStock(row)}`);
    const products = new Set(stock.map((row) => row.productId)).size;
    // Gauzy adds a row each time a product is added, so one product can have several.
    const rows = products === stock.length ? '' : ` in ${stock.length} rows (Gauzy keeps one per time a product was added)`;
    const head = stock.length ? `Inventory: ${products} product(s)${rows}, ${units} unit(s) in all:` : 'Inventory: no products.';
    const more = stock.length > 50 ? [`… and ${stock.length - 50} more in the structured result.`] : [];
    return ok({ ...warehouse, inventory: stock, inventoryProducts: products, inventoryRows: stock.length, inventoryUnits: units }, [`Found warehouse: ${describeWarehouse(warehouse)}`, head, ...lines, ...more].join('\n'));
  },
});

const derived = crudToolList(warehouseEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: { description: 'Create a warehouse (name, code, email; optional address as contact).' },
    update: { description: "Change a warehouse's fields; the rest are kept (Gauzy's PUT needs them all)." },
    delete: { description: 'Permanently delete one warehouse by id, with its inventory rows (not the products).' },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});

/**
 * Refusals answered with what to do; and an update answered from a re-read: Gauzy's PUT answers the saved
 * body with the columns it did not send as null (description, contactId), which would misreport them.
 */
function finish(tool: ToolDefinition): ToolDefinition {
  const hinted = defineTool({ ...tool, handler: (args, ctx) => withRefusalHints(() => tool.handler(args, ctx), [editorsOnly]) });
  if (tool.name !== 'update_warehouse') return hinted;
  return answerReadBack(hinted, { verb: 'Updated', noun: 'warehouse', describe: describeWarehouse, routes: [], read: async (ctx, id) => compactWarehouse(await readWarehouse(ctx, id)) });
}

export const warehouseCrudTools = derived.map(finish);
