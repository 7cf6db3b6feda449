import { randomUUID } from 'node:crypto';
import type { DtoSpec } from '../dto-validation.js';
import { isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput, HandlerOutput } from '../engine/context.js';
import { applyOrder, matchesWhere, page, parseDataParam, toInt } from '../engine/query.js';
import { insertEntity, scopedRows, validateBaseQuery, validateBody, whereWithoutTenant } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { badRequest, GauzyHttpError, invalidUuid, recordNotFound, routeNotFound } from '../http-errors.js';
import type { Row } from '../store.js';

/*
 * The products pack's routes with logic of their own (packages/core/src/lib/product, product-category,
 * product-type), served only to a sandbox taught the pack's entities. Names live in each row's `translations`
 * (Gauzy's eager translation tables); the lists translate as Gauzy's services do. GET /api/products/:id,
 * GET /api/product-categories/:id and both /count routes come from the entities. Checked on the real Gauzy.
 */

const PRODUCT = 'product';
const CATEGORY = 'productCategory';
const TYPE = 'productType';
const IMAGE = 'imageAsset';

type Item = Record<string, unknown>;

function productsCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(PRODUCT) || !input.store.entities.has(CATEGORY)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

const uuidParam = (value: string | undefined): string => {
  if (!isUuid(value)) throw invalidUuid();
  return value;
};

/** The language Gauzy's LanguageDecorator reads: the `language` header, default English. */
const headerLanguage = (input: HandlerInput) => (typeof input.headers.language === 'string' && input.headers.language) || 'en';

const translationsOf = (row: Item): Item[] => (Array.isArray(row.translations) ? (row.translations as Item[]) : []);

/**
 * TranslatableBase.translate (categories, types): the translation's columns (all but id and languageCode)
 * copied onto the record and its translations dropped; a record without one in that language is left whole.
 */
function translate(record: Item, language: string): Item {
  const found = translationsOf(record).find((t) => t.languageCode === language);
  if (!found) return record;
  const { translations: _dropped, ...rest } = record;
  const { id: _id, languageCode: _code, ...columns } = found;
  return { ...rest, ...columns };
}

/**
 * ProductService.mapTranslatedProducts (translateNested with its propsTranslate): the record kept whole, plus
 * name and description from its translation in `language`, and a joined category or type replaced by its
 * name in that language when it has one.
 */
function translateProduct(product: Item, language: string): Item {
  const out: Item = { ...product };
  const own = translationsOf(product).find((t) => t.languageCode === language);
  if (own) Object.assign(out, { name: own.name ?? '', description: own.description ?? '' });
  for (const key of ['productCategory', 'productType']) {
    const joined = product[key] as Item | null | undefined;
    const named = joined ? translationsOf(joined).find((t) => t.languageCode === language) : undefined;
    if (named) out[key] = named.name ?? '';
  }
  return out;
}

/** `/pagination` (BaseQueryDTO): the validated `where` matched, ordered, paged (`skip` a 1-based page), with its relations. */
function paginationRows(input: HandlerInput, caller: CallerContext, entity: string, where: Item): { rows: Row[]; relations: string[] } {
  const rows = scopedRows(input.store, entity, caller).filter((row) => matchesWhere(entity, row, where, input.store));
  const ordered = applyOrder(rows, input.query.order);
  return { rows: ordered, relations: normalizeRelations(input.query.relations) };
}

function paged(input: HandlerInput, entity: string, rows: Row[], relations: string[], map: (item: Item) => Item): HandlerOutput {
  const items = page(rows, toInt(input.query.take), toInt(input.query.skip), true).map((row) => map(serialize(entity, row, input.store, relations)));
  return { body: { items, total: rows.length } };
}

/** ProductService.pagination: `where[languageCode]` (taken out of the filter) picks the language. */
function productPagination(input: HandlerInput): HandlerOutput {
  const caller = productsCaller(input);
  validateBaseQuery(input.store, caller, input.query);
  const { languageCode, ...where } = whereWithoutTenant(input.query.where);
  const language = typeof languageCode === 'string' ? languageCode : headerLanguage(input);
  const { rows, relations } = paginationRows(input, caller, PRODUCT, where);
  return paged(input, PRODUCT, rows, relations, (item) => translateProduct(item, language));
}

/** GET /api/products (`?data={findInput,relations}`): every match, translated to the header's language. */
function productFindAll(input: HandlerInput): HandlerOutput {
  const caller = productsCaller(input);
  const { findInput, relations } = parseDataParam(input.query.data);
  const where = whereWithoutTenant(findInput ?? {});
  const rows = scopedRows(input.store, PRODUCT, caller).filter((row) => matchesWhere(PRODUCT, row, where, input.store));
  const joined = normalizeRelations(relations);
  const items = rows.map((row) => translateProduct(serialize(PRODUCT, row, input.store, joined), headerLanguage(input)));
  return { body: { items, total: items.length } };
}

/** CreateProductDTO / UpdateProductDTO (ValidationPipe transform, no whitelist); the update makes type and category optional. */
const OBJECT_RULES = (name: string, value: unknown): string[] => {
  const isObject = !!value && typeof value === 'object' && !Array.isArray(value);
  return [...(isObject && Object.keys(value as Item).length ? [] : [`${name} must be a non-empty object`]), ...(isObject ? [] : [`${name} must be an object`])];
};

function productDtoMessages(body: Item, update: boolean): string[] {
  const messages: string[] = [];
  for (const key of ['type', 'category']) if (!update || (body[key] !== undefined && body[key] !== null)) messages.push(...OBJECT_RULES(key, body[key]));
  if (typeof body.code !== 'string') messages.push('code must be a string');
  if (body.code === undefined || body.code === null || body.code === '') messages.push('code should not be empty');
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') messages.push('enabled must be a boolean value');
  for (const key of ['optionGroupUpdateInputs', 'optionGroupCreateInputs', 'optionGroupDeleteInputs', 'optionDeleteInputs', 'translations']) {
    if (body[key] !== undefined && !Array.isArray(body[key])) messages.push(`${key} must be an array`);
  }
  return messages;
}

/** A failed save that a service answers as its TypeORM error (SQLite): query, parameters and the driver's code, no message. */
const foreignKeyFailure = (wrapped: boolean, query: string) => {
  const error = { query, parameters: [], driverError: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, code: 'SQLITE_CONSTRAINT_FOREIGNKEY' };
  // The image services wrap it: `new BadRequestException(error)` serializes the exception itself.
  return new GauzyHttpError(400, wrapped ? { response: error, status: 400, options: {}, message: 'SqliteError: FOREIGN KEY constraint failed', name: 'BadRequestException' } : error);
};

/** The image services' `new BadRequestException(notFound)`: the NotFoundException, serialized whole. */
const wrappedNotFound = () =>
  new GauzyHttpError(400, {
    response: { message: 'The requested record was not found', error: 'Not Found', statusCode: 404 },
    status: 404, options: {}, message: 'The requested record was not found', name: 'NotFoundException',
  });

/** A handler that failed on a missing array: Gauzy answers it with the success status and a bare `{message}` (seen on the real Gauzy). */
const undefinedRead = (property: string): HandlerOutput => ({ body: { message: `Cannot read properties of undefined (reading '${property}')` } });

const idOf = (value: unknown): string | undefined => (value && typeof value === 'object' && typeof (value as Item).id === 'string' ? String((value as Item).id) : typeof value === 'string' ? value : undefined);

function checkForeignKeys(input: HandlerInput, row: Item, table: string): void {
  for (const [column, entity] of [['productCategoryId', CATEGORY], ['productTypeId', TYPE], ['featuredImageId', IMAGE]] as const) {
    const value = row[column];
    if (typeof value === 'string' && !input.store.get(entity, value)) throw foreignKeyFailure(false, `INSERT INTO "${table}"(…) VALUES (…)`);
  }
  for (const tagId of (row.tagIds as string[] | undefined) ?? []) if (!input.store.get('tag', tagId)) throw foreignKeyFailure(false, 'INSERT INTO "tag_product"("productId", "tagId") VALUES (?, ?)');
}

/** The relations ProductService.saveProduct reloads the product with. */
const SAVED_RELATIONS = ['productType', 'productCategory', 'tags', 'gallery'];

/** Translations as saved: one with the id of an existing one updates it, others are new rows. */
const storedTranslations = (translations: unknown, referenceId: string, scope: Item, existing: readonly Item[] = []): Item[] =>
  (Array.isArray(translations) ? (translations as Item[]) : []).map((t) => {
    const now = new Date().toISOString();
    const before = existing.find((old) => typeof t.id === 'string' && old.id === t.id);
    return {
      id: typeof t.id === 'string' ? t.id : randomUUID(),
      // TypeORM's save writes (and stamps updatedAt) only what changed.
      createdAt: before?.createdAt ?? now, updatedAt: before && before.name === t.name && (before.description ?? null) === (t.description ?? null) ? before.updatedAt : now, ...scope,
      name: t.name, description: t.description ?? null, languageCode: t.languageCode, referenceId,
    };
  });

/** POST /api/products (ProductCreateHandler): the body's columns and translations saved, then `optionGroupCreateInputs.map`. */
function createProduct(input: HandlerInput): HandlerOutput {
  const caller = productsCaller(input);
  const messages = productDtoMessages(input.body, false);
  if (messages.length) throw badRequest(messages);
  const body = input.body;
  const data: Item = {
    code: body.code, enabled: body.enabled ?? true, imageUrl: body.imageUrl ?? null,
    productCategoryId: body.productCategoryId ?? null, productTypeId: body.productTypeId ?? null,
    featuredImageId: idOf(body.featuredImage) ?? null,
    tagIds: Array.isArray(body.tags) ? (body.tags as unknown[]).map(idOf).filter(Boolean) : [],
  };
  checkForeignKeys(input, data, 'product');
  const row = insertEntity(input.store, PRODUCT, data, { tenantId: caller.tenantId, organizationId: (body.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
  row.translations = storedTranslations(body.translations, row.id, { tenantId: caller.tenantId, organizationId: row.organizationId });
  // Saved before the option groups are read: a missing list fails after the product exists.
  if (!Array.isArray(body.optionGroupCreateInputs)) return undefinedRead('map');
  return { body: { ...serialize(PRODUCT, row, input.store, SAVED_RELATIONS), variants: [], optionGroups: [] } };
}

/**
 * PUT /api/products/:id (ProductUpdateHandler): the product is the one the body's `id` names; the delete
 * lists are read first, then the create list; each translation is saved (one without `referenceId` fails its
 * NOT NULL column); category, type, tags and translations are set from the body. Code and enabled are not.
 */
function updateProduct(input: HandlerInput): HandlerOutput {
  const caller = productsCaller(input);
  uuidParam(input.params.id);
  const messages = productDtoMessages(input.body, true);
  if (messages.length) throw badRequest(messages);
  const body = input.body;
  const row = scopedRows(input.store, PRODUCT, caller).find((r) => r.id === body.id);
  if (!row) throw recordNotFound();
  if (!Array.isArray(body.optionDeleteInputs) || !Array.isArray(body.optionGroupDeleteInputs)) return undefinedRead('filter');
  if (!Array.isArray(body.optionGroupCreateInputs)) return undefinedRead('map');
  const translations = Array.isArray(body.translations) ? (body.translations as Item[]) : [];
  if (translations.some((t) => typeof t.referenceId !== 'string')) {
    throw new GauzyHttpError(500, { statusCode: 500, message: 'SQLITE_CONSTRAINT: NOT NULL constraint failed: product_translation.referenceId' });
  }
  const next: Item = { ...row };
  if (body.category !== undefined) next.productCategoryId = idOf(body.category) ?? null;
  if (body.type !== undefined) next.productTypeId = idOf(body.type) ?? null;
  if (body.tags !== undefined) next.tagIds = Array.isArray(body.tags) ? (body.tags as unknown[]).map(idOf).filter(Boolean) : [];
  checkForeignKeys(input, next, 'product');
  Object.assign(row, next, {
    translations: storedTranslations(translations, row.id, { tenantId: caller.tenantId, organizationId: row.organizationId }, translationsOf(row)),
    updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id,
  });
  return { body: { ...serialize(PRODUCT, row, input.store, SAVED_RELATIONS), variants: [], optionGroups: [] } };
}

/** DELETE /api/products/:id (ProductDeleteHandler): an unknown id is the lookup's 404. */
function deleteProduct(input: HandlerInput): HandlerOutput {
  const caller = productsCaller(input);
  const id = uuidParam(input.params.id);
  const row = scopedRows(input.store, PRODUCT, caller).find((r) => r.id === id);
  if (!row) throw recordNotFound();
  input.store.remove(PRODUCT, id);
  return { body: { raw: [[], [], [], { raw: [], affected: 1 }], affected: 1 } };
}

/** The image services: the product looked up (a miss is the wrapped 404), changed, saved, answered. */
function imageRoute(change: (row: Row, input: HandlerInput) => void) {
  return (input: HandlerInput): HandlerOutput => {
    const caller = productsCaller(input);
    const id = uuidParam(input.params.productId);
    if (input.params.imageId !== undefined) uuidParam(input.params.imageId);
    const row = scopedRows(input.store, PRODUCT, caller).find((r) => r.id === id);
    if (!row) throw wrappedNotFound();
    change(row, input);
    Object.assign(row, { updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
    return { body: serialize(PRODUCT, row, input.store, ['gallery']) };
  };
}

const knownImage = (input: HandlerInput, id: string | undefined, query: string) => {
  if (!id || !input.store.get(IMAGE, id)) throw foreignKeyFailure(true, query);
  return id;
};

const addImages = imageRoute((row, input) => {
  const images = Array.isArray(input.request.body) ? (input.request.body as unknown[]) : [];
  const ids = images.map((image) => knownImage(input, idOf(image), 'INSERT INTO "product_gallery_item"("productId", "imageAssetId") VALUES (?, ?)'));
  row.galleryIds = [...new Set([...((row.galleryIds as string[] | undefined) ?? []), ...ids])];
});
const setFeatured = imageRoute((row, input) => {
  row.featuredImageId = knownImage(input, idOf(input.body), 'UPDATE "product" SET "featuredImageId" = ? WHERE "id" = ?');
});
const removeGalleryImage = imageRoute((row, input) => {
  row.galleryIds = ((row.galleryIds as string[] | undefined) ?? []).filter((image) => image !== input.params.imageId);
});
const clearFeatured = imageRoute((row) => {
  row.featuredImageId = null;
});

/** GET /api/product-categories/pagination and /api/product-types/pagination: translated to the header's language. */
const translatedPagination = (entity: string) => (input: HandlerInput): HandlerOutput => {
  const caller = productsCaller(input);
  validateBaseQuery(input.store, caller, input.query);
  const { rows, relations } = paginationRows(input, caller, entity, whereWithoutTenant(input.query.where));
  return paged(input, entity, rows, relations, (item) => translate(item, headerLanguage(input)));
};

/** TranslationBaseDTO: name and languageCode IsNotEmpty + IsString, then the TenantOrganizationBaseDTO checks; ProductCategoryDTO is one too. */
const TRANSLATION: DtoSpec = {
  ownFields: { name: { type: 'string', required: true }, languageCode: { type: 'string', required: true } },
  fields: {},
  tenantOrganization: true,
};
const CATEGORY_DTO: DtoSpec = { fields: { imageId: { type: 'uuid' } }, tenantOrganization: true };

function categoryBody(input: HandlerInput, caller: CallerContext): Item {
  const messages: string[] = [];
  try {
    validateBody(input.store, caller, input.body, CATEGORY_DTO);
  } catch (error) {
    messages.push(...(((error as GauzyHttpError).body as { message?: string[] }).message ?? []));
  }
  (Array.isArray(input.body.translations) ? (input.body.translations as Item[]) : []).forEach((translation, index) => {
    try {
      validateBody(input.store, caller, translation, TRANSLATION, `translations.${index}.`);
    } catch (error) {
      messages.push(...(((error as GauzyHttpError).body as { message?: string[] }).message ?? []));
    }
  });
  if (messages.length) throw badRequest(messages);
  return input.body;
}

/** POST /api/product-categories: saved, answered translated (ProductCategoryCreateHandler). */
function createCategory(input: HandlerInput): HandlerOutput {
  const caller = productsCaller(input);
  const body = categoryBody(input, caller);
  const row = insertEntity(input.store, CATEGORY, { imageUrl: body.imageUrl ?? null, imageId: body.imageId ?? null }, { tenantId: caller.tenantId, organizationId: (body.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
  row.translations = storedTranslations(body.translations, row.id, { tenantId: caller.tenantId, organizationId: row.organizationId });
  return { body: translate(serialize(CATEGORY, row, input.store, [], { virtuals: false }), headerLanguage(input)) };
}

/**
 * PUT /api/product-categories/:id (updateProductCategory): deletes the category (its products' category set
 * to NULL, its translations cascaded) and saves the body as a category: with the body's `id`, or a new one, so
 * an unknown id creates one. `products: [{id}]` in the body are put back in it. Answers the body as saved.
 */
function updateCategory(input: HandlerInput): HandlerOutput {
  const caller = productsCaller(input);
  const id = uuidParam(input.params.id);
  const body = categoryBody(input, caller);
  if (scopedRows(input.store, CATEGORY, caller).some((r) => r.id === id)) {
    input.store.remove(CATEGORY, id);
    for (const product of scopedRows(input.store, PRODUCT, caller)) if (product.productCategoryId === id) product.productCategoryId = null;
  }
  const savedId = typeof body.id === 'string' ? body.id : randomUUID();
  const row = insertEntity(input.store, CATEGORY, { id: savedId, imageUrl: body.imageUrl ?? null, imageId: body.imageId ?? null }, { tenantId: caller.tenantId, organizationId: (body.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
  row.translations = storedTranslations(body.translations, row.id, { tenantId: caller.tenantId, organizationId: row.organizationId });
  const products = Array.isArray(body.products) ? (body.products as unknown[]).map(idOf).filter((value): value is string => !!value) : [];
  for (const productId of products) {
    const product = input.store.get(PRODUCT, productId);
    if (product) product.productCategoryId = row.id;
  }
  const { products: _products, ...rest } = body;
  return { body: { ...rest, ...serialize(CATEGORY, row, input.store, [], { virtuals: false }), products: products.map((productId) => ({ id: productId })) } };
}

export function registerProductsRoutes(registry: RouteRegistry): void {
  registry.serve('GET', '/api/products/pagination', productPagination);
  registry.serve('GET', '/api/products', productFindAll);
  registry.serve('POST', '/api/products', createProduct);
  registry.serve('PUT', '/api/products/:id', updateProduct);
  registry.serve('DELETE', '/api/products/:id', deleteProduct);
  registry.serve('POST', '/api/products/add-images/:productId', addImages);
  registry.serve('POST', '/api/products/set-as-featured/:productId', setFeatured);
  registry.serve('DELETE', '/api/products/:productId/gallery-image/:imageId', removeGalleryImage);
  registry.serve('DELETE', '/api/products/featured-image/:productId', clearFeatured);
  registry.serve('GET', '/api/product-categories/pagination', translatedPagination(CATEGORY));
  registry.serve('POST', '/api/product-categories', createCategory);
  registry.serve('PUT', '/api/product-categories/:id', updateCategory);
  registry.serve('GET', '/api/product-types/pagination', translatedPagination(TYPE));
}
