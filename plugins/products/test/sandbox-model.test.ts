import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSandbox, loginAs, type Sandbox } from '@gauzy-mcp/testkit';
import { productsSandbox } from '../src/sandbox.js';

// What the real Gauzy answered raw (README: "Checked on the real Gauzy"), pinned in the sandbox's model.

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let headers: Record<string, string>;
const CHAIR = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e22';
const FURNITURE = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e02';
const PHYSICAL = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e11';
const MISSING = '00000000-0000-4000-8000-000000000000';

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: [...productsSandbox] });
  headers = (await loginAs(sandbox, 'superAdmin')).headers;
});
after(async () => {
  await sandbox.close();
});

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  sandbox.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as Item } : {}) });
const scope = () => ({ organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId });

test('PUT /api/products/:id without the option lists answers 202 with a bare message and changes nothing; code and enabled are never applied', async () => {
  const before = structuredClone(sandbox.db.get('product', CHAIR));
  const failed = await call('PUT', `/api/products/${CHAIR}`, { id: CHAIR, code: 'OC-1', ...scope() });
  assert.equal(failed.statusCode, 202);
  assert.deepEqual(failed.json(), { message: "Cannot read properties of undefined (reading 'filter')" });
  assert.deepEqual(sandbox.db.get('product', CHAIR), before);
  const lists = { optionGroupCreateInputs: [], optionGroupDeleteInputs: [], optionDeleteInputs: [] };
  const saved = await call('PUT', `/api/products/${CHAIR}`, { id: CHAIR, code: 'CHANGED', enabled: false, translations: before!.translations, ...lists, ...scope() });
  assert.equal(saved.statusCode, 202);
  assert.equal(sandbox.db.get('product', CHAIR)!.code, 'OC-1');
  assert.equal(sandbox.db.get('product', CHAIR)!.enabled, true);
});

test('POST /api/products without optionGroupCreateInputs answers 201 with a bare message after saving the product; the DTO wants type, category and code', async () => {
  const count = sandbox.db.list('product').length;
  const answer = await call('POST', '/api/products', { code: 'NG', type: { id: PHYSICAL }, category: { id: FURNITURE }, translations: [{ languageCode: 'en', name: 'NG' }], ...scope() });
  assert.equal(answer.statusCode, 201);
  assert.deepEqual(answer.json(), { message: "Cannot read properties of undefined (reading 'map')" });
  assert.equal(sandbox.db.list('product').length, count + 1);
  const invalid = await call('POST', '/api/products', scope());
  assert.equal(invalid.statusCode, 400);
  assert.deepEqual((invalid.json() as Item).message, ['type must be a non-empty object', 'type must be an object', 'category must be a non-empty object', 'category must be an object', 'code must be a string', 'code should not be empty']);
});

test('PUT /api/product-categories/:id without products leaves them without a category; an unknown id creates one', async () => {
  const category = sandbox.db.get('productCategory', FURNITURE)!;
  const answer = await call('PUT', `/api/product-categories/${FURNITURE}`, { id: FURNITURE, translations: category.translations, ...scope() });
  assert.equal(answer.statusCode, 202);
  assert.equal(sandbox.db.get('product', CHAIR)!.productCategoryId, null);
  await call('PUT', `/api/product-categories/${FURNITURE}`, { id: FURNITURE, translations: category.translations, products: [{ id: CHAIR }], ...scope() });
  assert.equal(sandbox.db.get('product', CHAIR)!.productCategoryId, FURNITURE);
  const created = await call('PUT', `/api/product-categories/${MISSING}`, { translations: [{ languageCode: 'en', name: 'X', ...scope() }], ...scope() });
  assert.equal(created.statusCode, 202);
  assert.ok(sandbox.db.get('productCategory', String((created.json() as Item).id)));
});

test('the image routes wrap an unknown product in a 400 carrying the NotFoundException, an unknown image in a 400 carrying the SQLite error', async () => {
  const product = await call('DELETE', `/api/products/featured-image/${MISSING}`);
  assert.equal(product.statusCode, 400);
  assert.equal((product.json() as Item).name, 'NotFoundException');
  assert.equal((product.json() as Item).message, 'The requested record was not found');
  const image = await call('POST', `/api/products/add-images/${CHAIR}`, [{ id: MISSING }]);
  assert.equal(image.statusCode, 400);
  assert.equal((image.json() as Item).message, 'SqliteError: FOREIGN KEY constraint failed');
  assert.equal(((image.json() as Item).response as Item).code, 'SQLITE_CONSTRAINT_FOREIGNKEY');
});

test('the category list is translated to English and loses its translations; where[languageCode] translates products, their categories and types', async () => {
  const categories = await call('GET', `/api/product-categories/pagination?where[organizationId]=${scope().organizationId}&where[tenantId]=${scope().tenantId}`);
  const items = (categories.json() as { items: Item[] }).items;
  assert.ok(items.every((item) => typeof item.name === 'string' && !('translations' in item)));
  const products = await call('GET', `/api/products/pagination?where[organizationId]=${scope().organizationId}&where[tenantId]=${scope().tenantId}&where[languageCode]=fr&relations[0]=productCategory&relations[1]=productType`);
  const chair = (products.json() as { items: Item[] }).items.find((item) => item.id === CHAIR)!;
  assert.deepEqual([chair.name, chair.productType], ['Chaise de bureau', 'Produits physiques']);
  assert.ok(Array.isArray(chair.translations));
});
