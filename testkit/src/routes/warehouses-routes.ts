import { isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { serialize } from '../engine/serialize.js';
import { handlerError, invalidUuid, routeNotFound } from '../http-errors.js';
import type { Row } from '../store.js';

/*
 * The warehouse routes with logic of their own (packages/core/src/lib/warehouse/warehouse.controller.ts,
 * warehouse-product-service.ts), served only to a sandbox taught the warehouse entities (the warehouses
 * pack's `./sandbox`). GET /, /pagination, /count, /:id and DELETE /:id come from the entity.
 */

const WAREHOUSE = 'warehouse';
const STOCK = 'warehouseProduct';
const CONTACT = 'contact';

type Item = Record<string, unknown>;

function warehouseCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(WAREHOUSE) || !input.store.entities.has(STOCK)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

const uuidParam = (value: string | undefined): string => {
  if (!isUuid(value)) throw invalidUuid();
  return value;
};

/**
 * The contact a body carries, saved by cascade: with an id, that contact row is updated; without one, a new
 * row is made (Gauzy's Contact keeps no tenant or organization when saved this way: seen on the real Gauzy).
 */
function saveContact(input: HandlerInput, contact: unknown): string | undefined {
  if (!contact || typeof contact !== 'object') return undefined;
  const { id, ...columns } = contact as Item;
  const existing = typeof id === 'string' ? input.store.get(CONTACT, id) : undefined;
  if (existing) {
    Object.assign(existing, columns, { updatedAt: new Date().toISOString() });
    return existing.id;
  }
  return insertEntity(input.store, CONTACT, { ...columns, ...(typeof id === 'string' ? { id } : {}) }, { tenantId: null, organizationId: null, createdByUserId: String(requireCaller(input).user.id) }).id;
}

/** A warehouse product as GET /inventory answers it: the product joined with its (eager) translations, variants. */
function stockRow(input: HandlerInput, row: Row): Item {
  const product = typeof row.productId === 'string' ? input.store.get('product', row.productId) : undefined;
  return { ...serialize(STOCK, row, input.store), product: product ? { ...serialize('product', product, input.store), variants: undefined } : null, variants: [] };
}

export function registerWarehousesRoutes(registry: RouteRegistry): void {
  /** WarehouseService.create: the DTO (whitelisted) saved with its contact; the answer is the saved entity with the contact inline. */
  registry.serve('POST', '/api/warehouses', (input) => {
    const caller = warehouseCaller(input);
    const spec = input.store.entities.get(WAREHOUSE)!;
    const body = validateBody(input.store, caller, input.body, spec.create!);
    const { contact, tenant: _t, tenantId: _ti, organization: _o, id: _id, ...columns } = body;
    const contactId = saveContact(input, contact) ?? (columns.contactId as string | undefined);
    const row = insertEntity(input.store, WAREHOUSE, { ...columns, contactId: contactId ?? null }, { tenantId: caller.tenantId, organizationId: String(body.organizationId), createdByUserId: String(caller.user.id) });
    return { body: { ...serialize(WAREHOUSE, row, input.store, contactId ? ['contact'] : []), tenant: { id: caller.tenantId } } };
  });

  /**
   * PUT /:id is `warehouseService.create({ ...dto, id })`: a TypeORM save, so an unknown id is inserted. The
   * answer is the saved body with every column it did not send as null (seen on the real Gauzy: description
   * and contactId null though the row keeps them), hence the tools read the warehouse again.
   */
  registry.serve('PUT', '/api/warehouses/:id', (input) => {
    const caller = warehouseCaller(input);
    const id = uuidParam(input.params.id);
    const spec = input.store.entities.get(WAREHOUSE)!;
    const body = validateBody(input.store, caller, input.body, spec.update!);
    const { contact, tenant: _t, tenantId: _ti, organization: _o, id: _id, ...columns } = body;
    const contactId = saveContact(input, contact);
    const now = new Date().toISOString();
    let row = scopedRows(input.store, WAREHOUSE, caller).find((r) => r.id === id);
    const changes = { ...columns, ...(contactId ? { contactId } : {}), updatedAt: now, updatedByUserId: caller.user.id };
    if (row) Object.assign(row, changes);
    else row = insertEntity(input.store, WAREHOUSE, { ...changes, id }, { tenantId: caller.tenantId, organizationId: String(body.organizationId), createdByUserId: String(caller.user.id) });
    const unsent = Object.fromEntries(['description', 'logoId', 'contactId', 'isActive', 'isArchived', 'archivedAt', 'createdByUserId', 'deletedByUserId'].map((key) => [key, null]));
    return { body: { id, tenantId: caller.tenantId, organizationId: body.organizationId, ...unsent, ...columns, ...(contactId ? { contactId } : {}), tenant: { id: caller.tenantId }, updatedByUserId: caller.user.id, updatedAt: now } };
  });

  /** The tenant-aware delete (affected 0 for an unknown id); warehouse_product rows go with it (onDelete CASCADE: seen on the real Gauzy). */
  registry.serve('DELETE', '/api/warehouses/:id', (input) => {
    const caller = warehouseCaller(input);
    const id = uuidParam(input.params.id);
    const row = scopedRows(input.store, WAREHOUSE, caller, { withDeleted: true }).find((r) => r.id === id);
    if (!row) return { body: { raw: [], affected: 0 } };
    input.store.remove(WAREHOUSE, id);
    for (const stock of input.store.list(STOCK).filter((r) => r.warehouseId === id)) input.store.remove(STOCK, stock.id);
    return { body: { raw: [], affected: 1 } };
  });

  /** getAllWarehouseProducts: the tenant's rows of that warehouse (an unknown warehouse answers []). */
  registry.serve('GET', '/api/warehouses/inventory/:warehouseId', (input) => {
    const caller = warehouseCaller(input);
    const warehouseId = uuidParam(input.params.warehouseId);
    return { body: scopedRows(input.store, STOCK, caller).filter((row) => row.warehouseId === warehouseId).map((row) => stockRow(input, row)) };
  });

  /**
   * createWarehouseProductBulk: the warehouse (404 when not in the tenant), the products found among the ids
   * (404 "No matching products found" when none; unknown ones are skipped silently), one new row per product
   * found (quantity null; a product already there gets a second row).
   */
  registry.serve('POST', '/api/warehouses/inventory/:warehouseId', (input) => {
    const caller = warehouseCaller(input);
    const warehouseId = uuidParam(input.params.warehouseId);
    const warehouse = scopedRows(input.store, WAREHOUSE, caller).find((r) => r.id === warehouseId);
    if (!warehouse) throw handlerError(404, `Warehouse with ID ${warehouseId} not found`);
    const wanted = Array.isArray(input.body) ? (input.body as Item[]).map((item) => item?.productId) : [];
    const products = scopedRows(input.store, 'product', caller).filter((product) => wanted.includes(product.id));
    if (!products.length) throw handlerError(404, 'No matching products found');
    const rows = products.map((product) =>
      insertEntity(input.store, STOCK, { warehouseId, productId: product.id, quantity: null }, { tenantId: caller.tenantId, organizationId: String(warehouse.organizationId), createdByUserId: String(caller.user.id) }),
    );
    const items = rows.map((row) => ({ ...serialize(STOCK, row, input.store), warehouse: serialize(WAREHOUSE, warehouse, input.store), variants: [] }));
    return { body: { items, total: items.length } };
  });

  /** updateWarehouseProductQuantity: any number is saved (a negative one too). */
  registry.serve('POST', '/api/warehouses/inventory-quantity/:warehouseProductId', (input) => {
    const caller = warehouseCaller(input);
    const id = uuidParam(input.params.warehouseProductId);
    const row = scopedRows(input.store, STOCK, caller).find((r) => r.id === id);
    if (!row) throw handlerError(404, `Warehouse product with ID ${id} not found`);
    Object.assign(row, { quantity: (input.body as Item).count, updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
    return { body: serialize(STOCK, row, input.store) };
  });
}
