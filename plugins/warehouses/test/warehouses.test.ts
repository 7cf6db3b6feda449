import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import warehousesPlugin from '../src/index.js';
import { warehousesSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/warehouses.ts, products from testkit/src/seeds/products.ts). */
const MAIN = '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d01';
const DEPOT = '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d02';
const MAIN_CONTACT = '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d11';
const DEPOT_CHAIRS = '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d23';
const ACME = '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d31';
const GLOBEX = '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d32';
const LAPTOP = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e21';
const CHAIR = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e22';

usePackHarness({ plugin: warehousesPlugin, sandboxEntities: [...warehousesSandbox] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
/** A seeded product's English name, as the products pack's seed stores it. */
const productName = (id: string) => String((sandbox.db.get('product', id)!.translations as Item[]).find((t) => t.languageCode === 'en')!.name);
const stockOf = (warehouseId: string) => sandbox.db.list('warehouseProduct').filter((row) => row.warehouseId === warehouseId);

test('every reference tool of warehouses and merchants is callable; six are listed within 7,000 bytes; the merchant names answer why they are retired', async () => {
  const names = referenceToolNames('warehouses', 'merchants');
  assert.equal(names.length, 19);
  const catalog = packCatalog([warehousesPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  assert.ok(catalog.bytes <= 7000, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'create_warehouse', 'delete_warehouse', 'get_warehouse_by_id', 'list_warehouses', 'set_warehouse_stock', 'update_warehouse',
  ]);
  assert.equal(catalog.callable('get_warehouses'), 'alias');
  assert.equal(catalog.callable('get_warehouse'), 'alias');
  const merchantNames = referenceToolNames('merchants');
  assert.equal(merchantNames.length, 14);
  assert.deepEqual(catalog.retired.map((tool) => tool.name).sort(), [...merchantNames].sort());
  for (const name of merchantNames) {
    sandbox.clearRequests();
    const answer = await admin.call(name, { id: ACME });
    assert.equal(answer.error?.code, 'GMCP_ERR_TOOL_RETIRED', answer.text);
    assert.match(answer.text, /Cannot read properties of undefined \(reading 'metadata'\)/);
    assert.equal(sandbox.requests.length, 0, `${name} sent Gauzy nothing`);
  }
  assert.match((await admin.call('get_merchants', {})).text, /get_warehouse_by_id names the merchants of a warehouse/);
  assert.match((await admin.call('bulk_create_merchants', {})).text, /no bulk route/);
  assert.match((await admin.call('restore_merchant', {})).text, /softRecover/);
});

test('list_warehouses lists by name with code, email, active and address (get_warehouses is an alias); active goes to Gauzy as a boolean on /pagination', async () => {
  const all = await admin.call('get_warehouses', {});
  assert.equal(all.isError, false, all.text);
  assert.deepEqual(ids(all), [MAIN, DEPOT]);
  assert.ok(all.text.includes(`Main Warehouse (id ${MAIN}) · code WH-MAIN · main.warehouse@ever.co · active · 12 Industrial Rd, Sofia 1000, BG`), all.text);
  assert.ok(all.text.includes(`Old Depot (id ${DEPOT}) · code WH-OLD · depot@ever.co · inactive`), all.text);
  assertTextAgrees(all.text, all.structured!);
  const inactive = await admin.call('list_warehouses', { active: false });
  assert.deepEqual(ids(inactive), [DEPOT]);
  const request = sandbox.requests.at(-1)!;
  assert.equal(request.path, '/api/warehouses/pagination');
  assert.equal((request.query.where as Item).active, 'false');
  assert.deepEqual(ids(await admin.call('list_warehouses', { active: true })), [MAIN]);
  const projected = await admin.call('list_warehouses', { fields: ['code'], take: 1 });
  assert.deepEqual(Object.keys((projected.structured!.items as Item[])[0]!).sort(), ['code', 'id', 'name']);
  assert.equal(projected.structured!.nextSkip, 1);
  const bad = await admin.call('list_warehouses', { active: 'yes' });
  assert.equal(bad.isError, true);
  assert.ok(bad.error!.fields!.includes('active'), bad.text);
});

test('list_warehouses finds part of a name in any case, filtered here since Gauzy matches names exactly, and says so', async () => {
  const found = await admin.call('list_warehouses', { name: 'DEPO' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [DEPOT]);
  assert.match(found.text, /Gauzy matches warehouse names only exactly, so 2 of 2 warehouses were read and filtered here\./);
  assertTextAgrees(found.text, found.structured!);
  assert.deepEqual(ids(await admin.call('list_warehouses', { name: 'main', active: false })), []);
});

test("get_warehouse_by_id answers the warehouse with its address, merchants and inventory (each product's name and quantity); get_warehouse is an alias; an unknown id is a 404", async () => {
  const found = await admin.call('get_warehouse', { id: MAIN });
  assert.equal(found.isError, false, found.text);
  assert.ok(found.text.startsWith(`Found warehouse: Main Warehouse (id ${MAIN}) · code WH-MAIN · main.warehouse@ever.co · active · 12 Industrial Rd, Sofia 1000, BG · Hardware for the whole office · merchants Acme Supplies (id ${ACME}), Globex Furniture (id ${GLOBEX})`), found.text);
  assert.ok(found.text.includes('Inventory: 2 product(s), 42 unit(s) in all:'), found.text);
  assert.ok(found.text.includes(`- ${productName(LAPTOP)} (product id ${LAPTOP}) · code LP-15 · quantity 12`), found.text);
  assert.ok(found.text.includes(`- ${productName(CHAIR)} (product id ${CHAIR}) · code OC-1 · quantity 30`), found.text);
  const inventory = found.structured!.inventory as Item[];
  assert.deepEqual(inventory.map((row) => [row.productId, row.name, row.quantity]).sort(), [[LAPTOP, productName(LAPTOP), 12], [CHAIR, productName(CHAIR), 30]].sort());
  assert.equal(found.structured!.inventoryUnits, 42);
  assert.equal(found.structured!.inventoryProducts, 2);
  assertTextAgrees(found.text, found.structured!);
  assert.deepEqual(sandbox.requests.slice(-2).map((r) => r.path), [`/api/warehouses/${MAIN}`, `/api/warehouses/inventory/${MAIN}`]);
  const depot = await admin.call('get_warehouse_by_id', { id: DEPOT });
  assert.ok(depot.text.includes(`- ${productName(CHAIR)} (product id ${CHAIR}) · code OC-1 · quantity 0`), 'a quantity Gauzy never set (null) reads as 0');
  assert.ok(depot.text.includes(`merchants Globex Furniture (id ${GLOBEX})`), depot.text);
  // A product added twice (Gauzy's POST /inventory makes a second row) is one product in two rows.
  const twice = sandbox.db.insert('warehouseProduct', { ...sandbox.db.get('warehouseProduct', DEPOT_CHAIRS)!, id: '6b1c2d3e-4f5a-4b6c-8d7e-1f2a3b4c5d99', quantity: 4 });
  const doubled = await admin.call('get_warehouse_by_id', { id: DEPOT });
  assert.ok(doubled.text.includes('Inventory: 1 product(s) in 2 rows (Gauzy keeps one per time a product was added), 4 unit(s) in all:'), doubled.text);
  assertTextAgrees(doubled.text, doubled.structured!);
  sandbox.db.remove('warehouseProduct', twice.id);
  const missing = await admin.call('get_warehouse_by_id', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  assert.match(missing.text, /The requested record was not found/);
  assert.ok((await admin.call('get_warehouse_by_id', { id: 'main' })).error!.fields!.includes('id'));
});

test('create_warehouse saves the warehouse with its address as a contact; the email is checked; Gauzy refuses a body without code', async () => {
  const created = await admin.call('create_warehouse', { name: 'Varna Hub', code: 'WH-VAR', email: 'varna@ever.co', contact: { city: 'Varna', country: 'BG' } });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  const row = sandbox.db.get('warehouse', id)!;
  assert.equal(row.name, 'Varna Hub');
  assert.equal(row.active, true);
  assert.equal(sandbox.db.get('contact', String(row.contactId))!.city, 'Varna');
  assert.equal(created.text, `Created warehouse: Varna Hub (id ${id}) · code WH-VAR · varna@ever.co · active · Varna, BG`);
  const bad = await admin.call('create_warehouse', { name: 'X', code: 'X', email: 'not-an-email' });
  assert.ok(bad.error!.fields!.includes('email'), bad.text);
  const noCode = await admin.call('create_warehouse', { name: 'X', email: 'x@ever.co' });
  assert.ok(noCode.error!.fields!.includes('code'), noCode.text);
  assert.equal((await admin.call('delete_warehouse', { id })).isError, false);
});

test("update_warehouse sends Gauzy's whole DTO, changes the address in the warehouse's own contact row, and answers the warehouse as read again", async () => {
  const contacts = sandbox.db.list('contact').length;
  sandbox.clearRequests();
  const updated = await admin.call('update_warehouse', { id: MAIN, description: 'Laptops and chairs', contact: { address: '14 Industrial Rd' } });
  assert.equal(updated.isError, false, updated.text);
  const put = sandbox.requests.find((r) => r.method === 'PUT')!;
  assert.deepEqual(Object.keys(put.body as Item).sort(), ['active', 'code', 'contact', 'description', 'email', 'name', 'organizationId', 'tenantId']);
  assert.equal(((put.body as Item).contact as Item).id, MAIN_CONTACT);
  const row = sandbox.db.get('warehouse', MAIN)!;
  assert.equal(row.description, 'Laptops and chairs');
  assert.equal(row.contactId, MAIN_CONTACT);
  assert.equal(row.code, 'WH-MAIN');
  assert.deepEqual([sandbox.db.get('contact', MAIN_CONTACT)!.address, sandbox.db.get('contact', MAIN_CONTACT)!.city], ['14 Industrial Rd', 'Sofia']);
  assert.ok(updated.text.startsWith(`Updated warehouse: Main Warehouse (id ${MAIN}) · code WH-MAIN · main.warehouse@ever.co · active · 14 Industrial Rd, Sofia 1000, BG · Laptops and chairs · merchants`), updated.text);
  assert.equal(sandbox.db.list('contact').length, contacts, 'no second contact');
  const deactivated = await admin.call('update_warehouse', { id: MAIN, active: false });
  assert.equal(deactivated.isError, false, deactivated.text);
  assert.equal(sandbox.db.get('warehouse', MAIN)!.active, false);
  assert.equal(sandbox.db.get('warehouse', MAIN)!.description, 'Laptops and chairs');
  await admin.call('update_warehouse', { id: MAIN, active: true, description: 'Hardware for the whole office', contact: { address: '12 Industrial Rd' } });
  assert.equal((await admin.call('update_warehouse', { id: MISSING, name: 'Nowhere' })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.ok((await admin.call('update_warehouse', { id: MAIN })).isError, 'nothing to change');
  assert.ok((await admin.call('update_warehouse', { id: MAIN, email: 'nope' })).error!.fields!.includes('email'));
});

test('delete_warehouse removes the warehouse and its inventory rows (not the products); an unknown id is a 404', async () => {
  const created = await admin.call('create_warehouse', { name: 'Temp', code: 'TMP', email: 'tmp@ever.co' });
  const id = String(created.structured!.id);
  assert.equal((await admin.call('set_warehouse_stock', { warehouseId: id, products: [{ productId: LAPTOP, quantity: 1 }] })).isError, false);
  assert.equal(stockOf(id).length, 1);
  const deleted = await admin.call('delete_warehouse', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('warehouse', id), undefined);
  assert.equal(stockOf(id).length, 0);
  assert.ok(sandbox.db.get('product', LAPTOP));
  const again = await admin.call('delete_warehouse', { id });
  assert.equal(again.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', again.text);
});

test('set_warehouse_stock sets quantities, adds the products a warehouse lacks, and reports an unknown product without hiding the others', async () => {
  const answer = await admin.call('set_warehouse_stock', {
    warehouseId: DEPOT,
    products: [{ productId: CHAIR, quantity: 5 }, { productId: MISSING, quantity: 1 }, { productId: LAPTOP, quantity: 2.5 }],
  });
  assert.equal(answer.isError, false, answer.text);
  assert.deepEqual([answer.structured!.succeeded, answer.structured!.failed], [2, 1]);
  assert.ok(answer.text.startsWith(`Stocked 2 of 3 products in Old Depot (id ${DEPOT}); 1 failed.`), answer.text);
  assert.ok(answer.text.includes(`- #1 ok: ${productName(CHAIR)} (product id ${CHAIR}) · code OC-1 · quantity 5`), answer.text);
  assert.ok(answer.text.includes(`- #2 failed: product ${MISSING}: Gauzy has no product ${MISSING} in this tenant`), answer.text);
  assert.ok(answer.text.includes(`- #3 ok: ${productName(LAPTOP)} (product id ${LAPTOP}) · code LP-15 · quantity 2.5 (added)`), answer.text);
  assert.equal(sandbox.db.get('warehouseProduct', DEPOT_CHAIRS)!.quantity, 5);
  assert.deepEqual(stockOf(DEPOT).map((row) => [row.productId, row.quantity]), [[CHAIR, 5], [LAPTOP, 2.5]]);
  // Only the product it lacked was posted to the inventory route.
  const added = sandbox.requests.find((r) => r.method === 'POST' && r.path === `/api/warehouses/inventory/${DEPOT}`)!;
  assert.deepEqual(added.body, [{ productId: MISSING }, { productId: LAPTOP }]);
  const none = await admin.call('set_warehouse_stock', { warehouseId: DEPOT, products: [{ productId: MISSING, quantity: 1 }] });
  assert.equal(none.isError, false, none.text);
  assert.match(none.text, /#1 failed: product .*: No matching products found/);
  assert.equal((await admin.call('set_warehouse_stock', { warehouseId: MISSING, products: [{ productId: CHAIR, quantity: 1 }] })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  const negative = await admin.call('set_warehouse_stock', { warehouseId: DEPOT, products: [{ productId: CHAIR, quantity: -1 }] });
  assert.ok(negative.error!.fields!.some((field) => field.startsWith('products')), negative.text);
  const twice = await admin.call('set_warehouse_stock', { warehouseId: DEPOT, products: [{ productId: CHAIR, quantity: 1 }, { productId: CHAIR, quantity: 2 }] });
  assert.equal(twice.isError, true);
  assert.match(twice.text, /each productId once/);
  assert.equal(sandbox.db.get('warehouseProduct', DEPOT_CHAIRS)!.quantity, 5);
});

test('role matrix: an employee (ORG_INVENTORY_VIEW) reads warehouses and their stock; every change is a 403 that says who may', async () => {
  assert.deepEqual(ids(await employee.call('list_warehouses', { active: true })), [MAIN]);
  const got = await employee.call('get_warehouse_by_id', { id: MAIN });
  assert.equal(got.isError, false, got.text);
  assert.match(got.text, /Inventory: 2 product\(s\)/);
  for (const [name, args] of [
    ['create_warehouse', { name: 'Mine', code: 'MINE', email: 'mine@ever.co' }],
    ['update_warehouse', { id: MAIN, description: 'Mine now' }],
    ['delete_warehouse', { id: MAIN }],
    ['set_warehouse_stock', { warehouseId: MAIN, products: [{ productId: CHAIR, quantity: 0 }] }],
  ] as const) {
    const answer = await employee.call(name, args);
    assert.equal(answer.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', `${name}: ${answer.text}`);
    assert.match(answer.text, /Forbidden resource/);
    assert.match(answer.text, /What to do: .*ask an admin/);
  }
  assert.equal(sandbox.db.get('warehouse', MAIN)!.description, 'Hardware for the whole office');
  assert.equal(stockOf(MAIN).find((row) => row.productId === CHAIR)!.quantity, 30);
});

test('flow: an admin opens a warehouse, stocks it with two products, and sees its inventory, through an MCP client', async () => {
  const created = await admin.call('create_warehouse', { name: 'Burgas Store', code: 'WH-BGS', email: 'burgas@ever.co', contact: { address: '1 Sea Blvd', city: 'Burgas' } });
  const id = String(created.structured!.id);
  const stocked = await admin.call('set_warehouse_stock', { warehouseId: id, products: [{ productId: LAPTOP, quantity: 4 }, { productId: CHAIR, quantity: 10 }] });
  assert.equal(stocked.structured!.succeeded, 2, stocked.text);
  const seen = await admin.call('get_warehouse_by_id', { id });
  assert.ok(seen.text.startsWith(`Found warehouse: Burgas Store (id ${id}) · code WH-BGS · burgas@ever.co · active · 1 Sea Blvd, Burgas · no merchants`), seen.text);
  assert.ok(seen.text.includes('Inventory: 2 product(s), 14 unit(s) in all:'), seen.text);
  assert.ok(seen.text.includes(`${productName(LAPTOP)} (product id ${LAPTOP}) · code LP-15 · quantity 4`), seen.text);
  assert.ok(seen.text.includes(`${productName(CHAIR)} (product id ${CHAIR}) · code OC-1 · quantity 10`), seen.text);
  const found = await admin.call('list_warehouses', { name: 'burgas' });
  assert.deepEqual(ids(found), [id]);
  await admin.call('delete_warehouse', { id });
});
