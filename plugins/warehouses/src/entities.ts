import { defineEntity, refLabel } from '@gauzy-mcp/core';
import { z } from 'zod';

export const WAREHOUSES_TOOLSET = 'warehouses';
export const MERCHANTS_TOOLSET = 'merchants';

type Item = Record<string, unknown>;

/** The address columns of Gauzy's Contact a warehouse's `contact` carries (all nullable). */
export const contactInput = z
  .strictObject({ address: z.string(), city: z.string(), postcode: z.string(), country: z.string().describe('ISO code, e.g. BG') })
  .partial();

/** WarehouseDTO: name, code and email IsNotEmpty (email IsEmail), description and active optional. */
export const warehouseFields = {
  name: z.string().trim().min(1),
  code: z.string().trim().min(1),
  email: z.email(),
  description: z.string().optional(),
  active: z.boolean().optional(),
  contact: contactInput.optional(),
};

/** "1 Main St, Sofia 1000, BG" from a joined contact. */
export function addressOf(contact: unknown): string {
  const c = (contact ?? {}) as Item;
  const cityLine = [c.city, c.postcode].filter(Boolean).join(' ');
  return [c.address, cityLine, c.country].filter(Boolean).join(', ');
}

/** A warehouse on one line: name, id, code, email, active, address and merchants when joined. */
export function describeWarehouse(warehouse: Item): string {
  const merchants = Array.isArray(warehouse.merchants) ? (warehouse.merchants as Item[]).map((m) => refLabel(m) ?? String(m.id)) : undefined;
  const facts = [
    warehouse.code ? `code ${String(warehouse.code)}` : '',
    warehouse.email ? String(warehouse.email) : '',
    warehouse.active === false ? 'inactive' : 'active',
    addressOf(warehouse.contact),
    warehouse.description ? String(warehouse.description) : '',
    merchants ? (merchants.length ? `merchants ${merchants.join(', ')}` : 'no merchants') : '',
  ].filter(Boolean);
  return `${String(warehouse.name ?? '(unnamed)')} (id ${String(warehouse.id)}) · ${facts.join(' · ')}`;
}

/**
 * Gauzy's warehouse (packages/core/src/lib/warehouse): reads need ORG_INVENTORY_VIEW (an EMPLOYEE has it),
 * writes ORG_INVENTORY_PRODUCT_EDIT (an EMPLOYEE has not: 403). PUT /:id validates the whole WarehouseDTO
 * (name, code, email) and saves it (TypeORM save: the contact, sent with its id, is updated in place).
 * GET / compares `where[active]` as the string 'true' with a boolean column (no match, seen on the real
 * Gauzy); /pagination's transform reads it as a boolean, so lists read /pagination.
 */
export const warehouseEntity = defineEntity({
  name: 'warehouse',
  gauzyClass: 'Warehouse',
  noun: 'warehouse',
  plural: 'warehouses',
  path: '/api/warehouses',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'where', paging: 'page' },
  scope: 'organization',
  fields: warehouseFields,
  columns: ['contactId', 'logoId'],
  update: { mode: 'merge', bodyFields: ['name', 'code', 'email', 'description', 'active'], relations: ['contact'] },
  // A contact change goes to the warehouse's own contact row (with its id), not a new one.
  body: (values, current) => {
    const contactId = (current?.contact as Item | undefined)?.id;
    return values.contact && contactId ? { ...values, contact: { ...(values.contact as Item), id: contactId } } : values;
  },
  relations: {
    contact: { kind: 'manyToOne', entity: 'contact', key: 'contactId' },
    merchants: { kind: 'manyToMany', entity: 'merchant', key: 'warehouseIds', inverse: true },
    products: { kind: 'oneToMany', entity: 'warehouseProduct', key: 'warehouseId' },
  },
  include: [],
  aliases: { list: ['get_warehouses'], get: ['get_warehouse'] },
  describe: describeWarehouse,
});

/** Gauzy's Contact (an address): reached only through a warehouse's `contact`. */
export const contactEntity = defineEntity({
  name: 'contact',
  gauzyClass: 'Contact',
  noun: 'contact',
  plural: 'contacts',
  path: '',
  operations: [],
  scope: 'tenant',
  fields: { address: z.string(), city: z.string(), postcode: z.string(), country: z.string() },
  include: [],
});

/**
 * A product in a warehouse (WarehouseProduct: quantity numeric, null until set; the product with its
 * eager translations), served by /api/warehouses/inventory/:warehouseId.
 */
export const warehouseProductEntity = defineEntity({
  name: 'warehouseProduct',
  gauzyClass: 'WarehouseProduct',
  noun: 'warehouse product',
  plural: 'warehouse products',
  path: '',
  operations: [],
  scope: 'organization',
  fields: { quantity: z.number(), warehouseId: z.string(), productId: z.string() },
  relations: {
    warehouse: { kind: 'manyToOne', entity: 'warehouse', key: 'warehouseId' },
    product: { kind: 'manyToOne', entity: 'product', key: 'productId' },
  },
  include: [],
});

/**
 * Gauzy's merchant, as a warehouse's `merchants` joins it (the owning side of warehouse_merchant). The
 * merchant routes themselves do not work on this Gauzy (see tools/merchants.ts), so it has no operations here.
 */
export const merchantEntity = defineEntity({
  name: 'merchant',
  gauzyClass: 'Merchant',
  noun: 'merchant',
  plural: 'merchants',
  path: '',
  operations: [],
  scope: 'organization',
  fields: { name: z.string(), code: z.string(), email: z.string(), phone: z.string(), description: z.string(), currency: z.string(), active: z.boolean() },
  inputOnly: ['warehouseIds'],
  relations: { warehouses: { kind: 'manyToMany', entity: 'warehouse', key: 'warehouseIds' } },
  include: [],
});

/** The name of a product as Gauzy sends it (names live in its translations): English, else the first. */
export function productName(product: unknown): string | undefined {
  const p = (product ?? {}) as Item;
  const translations = Array.isArray(p.translations) ? (p.translations as Item[]) : [];
  const chosen = translations.find((t) => t.languageCode === 'en') ?? translations[0];
  return chosen?.name ? String(chosen.name) : typeof p.name === 'string' ? p.name : undefined;
}

/** One inventory row as the tools answer it: which product, how many. */
export function compactStock(row: Item): Item {
  const product = row.product as Item | undefined;
  return {
    id: row.id,
    productId: row.productId ?? product?.id,
    name: productName(product) ?? null,
    code: product?.code ?? null,
    // Gauzy leaves a product's quantity null until it is set.
    quantity: row.quantity === null || row.quantity === undefined ? 0 : Number(row.quantity),
  };
}

export const describeStock = (stock: Item) =>
  `${String(stock.name ?? '(unnamed product)')} (product id ${String(stock.productId)})${stock.code ? ` · code ${String(stock.code)}` : ''} · quantity ${String(stock.quantity)}`;
