import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import productsPlugin from '../src/index.js';
import { productsSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/products.ts). */
const ELECTRONICS = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e01';
const FURNITURE = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e02';
const PHYSICAL = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e11';
const DIGITAL = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e12';
const LAPTOP = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e21';
const CHAIR = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e22';
const LICENSE = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e23';
const PHOTO = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e31';
const PHOTO2 = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e32';

usePackHarness({ plugin: productsPlugin, sandboxEntities: [...productsSandbox] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const names = (row: Item | undefined) => Object.fromEntries(((row?.translations as Item[] | undefined) ?? []).map((t) => [t.languageCode, t.name]));

test('every reference tool of products and product-categories is callable; nine tools are listed within 7,700 bytes', () => {
  const reference = referenceToolNames('products', 'product-categories');
  assert.equal(reference.length, 18);
  const catalog = packCatalog([productsPlugin]);
  assert.deepEqual(reference.filter((name) => !catalog.callable(name)), []);
  assert.equal(catalog.retired.length, 0);
  assert.ok(catalog.bytes <= 7700, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'create_product', 'create_product_category', 'delete_product', 'get_product_by_id', 'list_product_categories', 'list_products',
    'update_product', 'update_product_category', 'update_product_images',
  ]);
  assert.equal(catalog.callable('delete_product_featured_image'), 'preset');
  for (const name of ['get_products', 'get_products_pagination', 'get_products_translated', 'get_product_count', 'get_products_by_category', 'get_product', 'get_product_translated', 'add_product_gallery_images', 'set_product_featured_image', 'delete_product_gallery_image', 'get_product_categories', 'get_product_category_count']) {
    assert.equal(catalog.callable(name), 'alias', name);
  }
});

test('list_products names each product in the language asked for, with its category and type, and every other translation', async () => {
  const all = await admin.call('get_products', {});
  assert.equal(all.isError, false, all.text);
  assert.deepEqual(new Set(ids(all)), new Set([LAPTOP, CHAIR, LICENSE]));
  assert.equal(all.structured!.total, 3);
  assert.ok(all.text.includes(`Laptop Pro 15 (id ${LAPTOP}) · code LP-15 · category Electronics (id ${ELECTRONICS}) · type Physical Products (id ${PHYSICAL}) · names fr "Ordinateur portable Pro 15"`), all.text);
  assert.ok(all.text.includes(`Design Suite License (id ${LICENSE}) · code DSL · category Electronics (id ${ELECTRONICS}) · type Digital Products (id ${DIGITAL}) · disabled`), all.text);
  assertTextAgrees(all.text, all.structured!);
  const request = sandbox.requests.at(-1)!;
  assert.equal(request.path, '/api/products/pagination');

  const french = await admin.call('get_products_translated', { langCode: 'fr' });
  assert.ok(french.text.includes(`Ordinateur portable Pro 15 (id ${LAPTOP}) · code LP-15 · category Électronique (id ${ELECTRONICS}) · type Produits physiques (id ${PHYSICAL}) · names en "Laptop Pro 15"`), french.text);
  // No French name: the English one, marked.
  assert.ok(french.text.includes(`Design Suite License [en] (id ${LICENSE})`), french.text);
  assertTextAgrees(french.text, french.structured!);
});

test('list_products filters by category (get_products_by_category), type and enabled in Gauzy, and by part of a name in any language here', async () => {
  assert.deepEqual(new Set(ids(await admin.call('get_products_by_category', { productCategoryId: ELECTRONICS }))), new Set([LAPTOP, LICENSE]));
  assert.deepEqual(ids(await admin.call('list_products', { productTypeId: DIGITAL })), [LICENSE]);
  assert.deepEqual(new Set(ids(await admin.call('list_products', { enabled: true }))), new Set([LAPTOP, CHAIR]));
  const byName = await admin.call('list_products', { name: 'CHAISE' });
  assert.deepEqual(ids(byName), [CHAIR]);
  assert.match(byName.text, /Gauzy cannot search product names .* 3 of 3 products were read and filtered here\./);
  assertTextAgrees(byName.text, byName.structured!);
  assert.equal((await admin.call('get_product_count', { productCategoryId: FURNITURE })).structured!.total, 1);
  const paged = await admin.call('get_products_pagination', { take: 2, skip: 2 });
  assert.equal(ids(paged).length, 1);
  assert.equal(paged.structured!.total, 3);
  const bad = await admin.call('list_products', { productCategoryId: 'electronics', langCode: 'xx' });
  assert.equal(bad.isError, true);
  assert.ok(bad.error!.fields!.includes('productCategoryId') && bad.error!.fields!.includes('langCode'), bad.text);
});

test('get_product_by_id answers every translation, tags and gallery; get_product_translated picks the language; an unknown id is a 404', async () => {
  const found = await admin.call('get_product_translated', { id: LAPTOP, langCode: 'fr' });
  assert.equal(found.isError, false, found.text);
  assert.equal(found.structured!.name, 'Ordinateur portable Pro 15');
  assert.deepEqual((found.structured!.translations as Item[]).map((t) => t.languageCode), ['en', 'fr']);
  assert.ok(found.text.includes(`gallery images ${PHOTO} · featured image ${PHOTO}`), found.text);
  assertTextAgrees(found.text, found.structured!);
  const badId = await admin.call('get_product_by_id', { id: 'laptop', langCode: 'xx' });
  assert.ok(badId.error!.fields!.includes('id') && badId.error!.fields!.includes('langCode'), badId.text);
  const missing = await admin.call('get_product', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  assert.match(missing.text, /The requested record was not found/);
});

test('create_product saves its translations, category and the only type when none is named; several types must be named', async () => {
  const many = await admin.call('create_product', { code: 'DESK', translations: [{ languageCode: 'en', name: 'Desk' }], productCategoryId: FURNITURE });
  assert.equal(many.isError, true);
  assert.ok(many.error!.fields!.includes('productTypeId'), many.text);
  assert.ok(many.text.includes(`Physical Products (id ${PHYSICAL})`) && many.text.includes(`Digital Products (id ${DIGITAL})`), many.text);

  const created = await admin.call('create_product', {
    code: 'DESK', productCategoryId: FURNITURE, productTypeId: PHYSICAL,
    translations: [{ languageCode: 'en', name: 'Standing Desk', description: 'Height adjustable' }, { languageCode: 'fr', name: 'Bureau debout' }],
  });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  const row = sandbox.db.get('product', id)!;
  assert.deepEqual(names(row), { en: 'Standing Desk', fr: 'Bureau debout' });
  assert.equal(row.productCategoryId, FURNITURE);
  assert.equal(row.productTypeId, PHYSICAL);
  assert.equal(row.code, 'DESK');
  assert.ok(created.text.startsWith(`Created product: Standing Desk (id ${id}) · code DESK · category Furniture (id ${FURNITURE})`), created.text);
  // Gauzy's body: the type and category objects its DTO requires, and the option-group list its handler maps.
  const body = sandbox.requests.find((request) => request.method === 'POST' && request.path === '/api/products')!.body as Item;
  assert.deepEqual([body.type, body.category, body.optionGroupCreateInputs], [{ id: PHYSICAL }, { id: FURNITURE }, []]);

  const unknownCategory = await admin.call('create_product', { code: 'X', translations: [{ languageCode: 'en', name: 'X' }], productCategoryId: MISSING, productTypeId: PHYSICAL });
  assert.equal(unknownCategory.error?.code, 'GMCP_ERR_GAUZY_BAD_REQUEST', unknownCategory.text);
  assert.match(unknownCategory.text, /productCategoryId, productTypeId or tag id/);
  const bad = await admin.call('create_product', { code: '', translations: [], productCategoryId: FURNITURE });
  assert.equal(bad.isError, true);
  assert.ok(bad.error!.fields!.includes('code') && bad.error!.fields!.includes('translations'), bad.text);
});

test('update_product merges translations by language and keeps the rest, changes category and type; Gauzy keeps code and enabled', async () => {
  const updated = await admin.call('update_product', { id: CHAIR, translations: [{ languageCode: 'fr', name: 'Fauteuil de bureau' }, { languageCode: 'de', name: 'Bürostuhl' }], productCategoryId: ELECTRONICS });
  assert.equal(updated.isError, false, updated.text);
  const row = sandbox.db.get('product', CHAIR)!;
  assert.deepEqual(names(row), { en: 'Office Chair', fr: 'Fauteuil de bureau', de: 'Bürostuhl' });
  assert.equal(row.productCategoryId, ELECTRONICS);
  assert.equal(row.productTypeId, PHYSICAL);
  assert.equal(row.code, 'OC-1');
  assert.ok(updated.text.includes(`Office Chair (id ${CHAIR}) · code OC-1 · category Electronics (id ${ELECTRONICS})`), updated.text);
  assertTextAgrees(updated.text, updated.structured!);
  const body = sandbox.requests.find((request) => request.method === 'PUT')!.body as Item;
  assert.equal(body.id, CHAIR);
  assert.deepEqual([body.optionDeleteInputs, body.optionGroupDeleteInputs, body.optionGroupCreateInputs], [[], [], []]);
  assert.equal((await admin.call('update_product', { id: CHAIR, productCategoryId: FURNITURE })).isError, false);
  assert.equal(sandbox.db.get('product', CHAIR)!.productCategoryId, FURNITURE);

  assert.equal((await admin.call('update_product', { id: MISSING, productTypeId: PHYSICAL })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  const nothing = await admin.call('update_product', { id: CHAIR });
  assert.equal(nothing.isError, true);
  const codeChange = await admin.call('update_product', { id: CHAIR, code: 'NEW' });
  assert.ok(codeChange.error!.fields!.includes('code'), 'update offers no code: Gauzy would not save it');
});

test('update_product_images adds, features, removes and clears images; the reference names are its aliases and preset; an unknown image is refused', async () => {
  const added = await admin.call('add_product_gallery_images', { productId: CHAIR, addImageIds: [PHOTO, PHOTO2] });
  assert.equal(added.isError, false, added.text);
  assert.deepEqual(sandbox.db.get('product', CHAIR)!.galleryIds, [PHOTO, PHOTO2]);
  assert.ok(added.text.includes(`gallery images ${PHOTO}, ${PHOTO2}`), added.text);
  assertTextAgrees(added.text, added.structured!);
  assert.equal((await admin.call('set_product_featured_image', { productId: CHAIR, featuredImageId: PHOTO2 })).isError, false);
  assert.equal(sandbox.db.get('product', CHAIR)!.featuredImageId, PHOTO2);
  assert.equal((await admin.call('delete_product_gallery_image', { productId: CHAIR, removeImageIds: [PHOTO] })).isError, false);
  assert.deepEqual(sandbox.db.get('product', CHAIR)!.galleryIds, [PHOTO2]);
  const cleared = await admin.call('delete_product_featured_image', { productId: CHAIR });
  assert.equal(cleared.isError, false, cleared.text);
  assert.equal(sandbox.db.get('product', CHAIR)!.featuredImageId, null);
  assert.equal(sandbox.db.get('imageAsset', PHOTO2)!.id, PHOTO2, 'the asset itself stays');
  const notNull = await admin.call('delete_product_featured_image', { productId: CHAIR, featuredImageId: PHOTO });
  assert.ok(notNull.error!.fields!.includes('featuredImageId'), notNull.text);

  const unknownImage = await admin.call('update_product_images', { productId: CHAIR, addImageIds: [MISSING] });
  assert.equal(unknownImage.error?.code, 'GMCP_ERR_GAUZY_BAD_REQUEST', unknownImage.text);
  assert.match(unknownImage.text, /FOREIGN KEY constraint failed/);
  assert.match(unknownImage.text, /media gallery/);
  const unknownProduct = await admin.call('update_product_images', { productId: MISSING, featuredImageId: null });
  assert.equal(unknownProduct.error?.code, 'GMCP_ERR_GAUZY_BAD_REQUEST', unknownProduct.text);
  assert.match(unknownProduct.text, /The requested record was not found/);
  assert.equal((await admin.call('update_product_images', { productId: CHAIR })).isError, true);
});

test('delete_product removes the product; an unknown id is a 404', async () => {
  const created = await admin.call('create_product', { code: 'TMP', translations: [{ languageCode: 'en', name: 'Temporary' }], productCategoryId: FURNITURE, productTypeId: DIGITAL });
  const id = String(created.structured!.id);
  const deleted = await admin.call('delete_product', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('product', id), undefined);
  const missing = await admin.call('delete_product', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
});

test('list_product_categories names each in English (or langCode\'s language) with its product count, finds by part of a name (get_product_categories, get_product_category_count)', async () => {
  const all = await admin.call('get_product_categories', {});
  assert.equal(all.isError, false, all.text);
  assert.ok(all.text.includes(`Electronics (id ${ELECTRONICS}) · "Devices and gadgets" · `), all.text);
  assert.match(all.text, /product\(s\)/);
  assertTextAgrees(all.text, all.structured!);
  assert.equal((await admin.call('get_product_category_count', {})).structured!.total, 2);
  assert.equal(sandbox.requests.at(-1)!.path, '/api/product-categories/pagination');
  const byName = await admin.call('list_product_categories', { name: 'mobil' });
  assert.deepEqual(ids(byName), []);
  assert.match(byName.text, /2 of 2 categories were read and filtered here/);
  assert.deepEqual(ids(await admin.call('list_product_categories', { name: 'furn' })), [FURNITURE]);
  // In another language: Gauzy translates categories to its Language header, which langCode sets.
  const french = await admin.call('list_product_categories', { langCode: 'fr' });
  assert.ok(french.text.includes(`Électronique (id ${ELECTRONICS}) · "Appareils et gadgets"`), french.text);
  assert.equal(sandbox.requests.at(-1)!.headers.language, 'fr');
  assert.deepEqual(ids(await admin.call('list_product_categories', { name: 'mobil', langCode: 'fr' })), [FURNITURE]);
  const bad = await admin.call('list_product_categories', { take: 0, name: '' });
  assert.ok(bad.error!.fields!.includes('take') && bad.error!.fields!.includes('name'), bad.text);
});

test('create_product_category saves every translation; update_product_category merges by language and keeps its products in it', async () => {
  const created = await admin.call('create_product_category', { translations: [{ languageCode: 'en', name: 'Garden', description: 'Outdoor' }, { languageCode: 'fr', name: 'Jardin' }] });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  assert.deepEqual(names(sandbox.db.get('productCategory', id)), { en: 'Garden', fr: 'Jardin' });
  assert.ok(created.text.startsWith(`Created product category: Garden (id ${id}) · "Outdoor" · names fr "Jardin"`), created.text);
  assertTextAgrees(created.text, created.structured!);
  const product = await admin.call('create_product', { code: 'HOSE', translations: [{ languageCode: 'en', name: 'Hose' }], productCategoryId: id, productTypeId: PHYSICAL });
  const productId = String(product.structured!.id);

  const updated = await admin.call('update_product_category', { id, translations: [{ languageCode: 'fr', name: 'Jardinage' }] });
  assert.equal(updated.isError, false, updated.text);
  assert.deepEqual(names(sandbox.db.get('productCategory', id)), { en: 'Garden', fr: 'Jardinage' });
  // Gauzy deletes the category before saving the body: its products are sent back, or they would lose it.
  assert.equal(sandbox.db.get('product', productId)!.productCategoryId, id);
  assert.ok(updated.text.includes(`Garden (id ${id}) · "Outdoor" · names fr "Jardinage" · 1 product(s)`), updated.text);
  assertTextAgrees(updated.text, updated.structured!);

  const missing = await admin.call('update_product_category', { id: MISSING, translations: [{ languageCode: 'en', name: 'X' }] });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  assert.equal(sandbox.db.get('productCategory', MISSING), undefined, 'no category is made for an unknown id');
  const badUpdate = await admin.call('update_product_category', { id: 'garden', translations: [{ languageCode: 'english', name: 'G' }] });
  assert.ok(badUpdate.error!.fields!.includes('id') && badUpdate.error!.fields!.some((field) => field.startsWith('translations')), badUpdate.text);
  const bad = await admin.call('create_product_category', { translations: [{ languageCode: 'en' }] });
  assert.ok(bad.error!.fields!.some((field) => field.startsWith('translations')), bad.text);
});

test('role matrix: an employee reads products and categories but every write is a 403 that says so; a super admin may write', async () => {
  assert.equal(ids(await employee.call('list_products', {})).length >= 3, true);
  assert.equal((await employee.call('get_product_by_id', { id: LAPTOP })).isError, false);
  assert.ok(ids(await employee.call('list_product_categories', {})).includes(ELECTRONICS));
  for (const [name, args] of [
    ['create_product', { code: 'E', translations: [{ languageCode: 'en', name: 'E' }], productCategoryId: FURNITURE, productTypeId: PHYSICAL }],
    ['update_product', { id: LAPTOP, productTypeId: DIGITAL }],
    ['delete_product', { id: LAPTOP }],
    ['update_product_images', { productId: LAPTOP, featuredImageId: null }],
    ['create_product_category', { translations: [{ languageCode: 'en', name: 'E' }] }],
    ['update_product_category', { id: ELECTRONICS, translations: [{ languageCode: 'en', name: 'E' }] }],
  ] as const) {
    const answer = await employee.call(name, args);
    assert.equal(answer.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', `${name}: ${answer.text}`);
    assert.match(answer.text, /Forbidden resource/);
    assert.match(answer.text, /may list .* but not change them/);
  }
  assert.equal(sandbox.db.get('product', LAPTOP)!.productTypeId, PHYSICAL);
  assert.equal(sandbox.db.get('product', LAPTOP)!.featuredImageId, PHOTO);
  assert.equal((await admin.call('update_product', { id: LAPTOP, tagIds: [] })).isError, false);
});

test('the catalog flow through an MCP client: a category in two languages, a product in it, found by its French name', async () => {
  const category = await admin.call('create_product_category', { translations: [{ languageCode: 'en', name: 'Lighting' }, { languageCode: 'fr', name: 'Éclairage' }] });
  const categoryId = String(category.structured!.id);
  const lamp = await admin.call('create_product', { code: 'LAMP', translations: [{ languageCode: 'en', name: 'Desk Lamp' }, { languageCode: 'fr', name: 'Lampe de bureau' }], productCategoryId: categoryId, productTypeId: PHYSICAL });
  const lampId = String(lamp.structured!.id);
  const found = await admin.call('list_products', { name: 'lampe', langCode: 'fr' });
  assert.deepEqual(ids(found), [lampId]);
  assert.ok(found.text.includes(`Lampe de bureau (id ${lampId}) · code LAMP · category Éclairage (id ${categoryId})`), found.text);
  assert.deepEqual(ids(await admin.call('get_products_by_category', { productCategoryId: categoryId })), [lampId]);
  const got = await admin.call('get_product_by_id', { id: lampId });
  assert.ok(got.text.includes('names fr "Lampe de bureau"'), got.text);
});

test('create_product without productTypeId uses the organization\'s only product type', async () => {
  const digital = sandbox.db.get('productType', DIGITAL)!;
  sandbox.db.remove('productType', DIGITAL);
  try {
    const created = await admin.call('create_product', { code: 'PEN', translations: [{ languageCode: 'en', name: 'Pen' }], productCategoryId: FURNITURE });
    assert.equal(created.isError, false, created.text);
    assert.equal(sandbox.db.get('product', String(created.structured!.id))!.productTypeId, PHYSICAL);
    assert.ok(created.text.includes(`type Physical Products (id ${PHYSICAL})`), created.text);
  } finally {
    sandbox.db.insert('productType', digital);
  }
});
