import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';
import { DEMO_PRODUCT_IDS } from './products.js';

/** Fixed ids of the demo warehouses, their stock rows and merchants, so tests can name them. */
export const DEMO_WAREHOUSE_IDS = {
  main: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d01',
  depot: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d02',
  mainContact: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d11',
  mainLaptops: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d21',
  mainChairs: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d22',
  depotChairs: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d23',
  acme: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d31',
  globex: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d32',
} as const;

/**
 * Demo rows for the warehouses pack: an active warehouse with an address holding 12 laptops and 30 office
 * chairs (the products pack's demo products), an inactive depot with chairs whose quantity was never set
 * (null, as Gauzy leaves it), and two merchants supplying them.
 */
export function seedWarehousesDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const ids = DEMO_WAREHOUSE_IDS;
  insertEntity(store, 'contact', { id: ids.mainContact, address: '12 Industrial Rd', city: 'Sofia', postcode: '1000', country: 'BG' }, { tenantId: null, organizationId: null });
  insertEntity(store, 'warehouse', { id: ids.main, name: 'Main Warehouse', code: 'WH-MAIN', email: 'main.warehouse@ever.co', description: 'Hardware for the whole office', active: true, contactId: ids.mainContact, logoId: null, createdAt: '2026-11-01T08:00:00.000Z' }, scope);
  insertEntity(store, 'warehouse', { id: ids.depot, name: 'Old Depot', code: 'WH-OLD', email: 'depot@ever.co', description: null, active: false, contactId: null, logoId: null, createdAt: '2026-11-02T08:00:00.000Z' }, scope);
  insertEntity(store, 'warehouseProduct', { id: ids.mainLaptops, warehouseId: ids.main, productId: DEMO_PRODUCT_IDS.laptop, quantity: 12 }, scope);
  insertEntity(store, 'warehouseProduct', { id: ids.mainChairs, warehouseId: ids.main, productId: DEMO_PRODUCT_IDS.chair, quantity: 30 }, scope);
  insertEntity(store, 'warehouseProduct', { id: ids.depotChairs, warehouseId: ids.depot, productId: DEMO_PRODUCT_IDS.chair, quantity: null }, scope);
  insertEntity(store, 'merchant', { id: ids.acme, name: 'Acme Supplies', code: 'ACME', email: 'sales@acme.example', phone: '+359 2 555 0100', currency: 'EUR', active: true, warehouseIds: [ids.main] }, scope);
  insertEntity(store, 'merchant', { id: ids.globex, name: 'Globex Furniture', code: 'GLOBEX', email: 'orders@globex.example', phone: null, currency: 'USD', active: true, warehouseIds: [ids.main, ids.depot] }, scope);
}
