import { crudToolList, defineTool, entityOutput, GauzyMcpError, listOutput, listResult, ok, pagination, refusalIn200, uuid, withRefusalHints, type QueryValue, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { compactProduct, describeProduct, DETAIL_RELATIONS, LanguageCode, PRODUCT_RELATIONS, productEntity, PRODUCTS_TOOLSET as toolset, translationsInput } from '../entities.js';
import { contains, readMany, readOnlyRole, readPage, readProduct, readWindow } from './read.js';

type Item = Record<string, unknown>;

const PAGINATION = '/api/products/pagination';
const TYPES = '/api/product-types/pagination';
const forbidden = [readOnlyRole('products')];
const langCode = LanguageCode.optional().describe('Default en');

/**
 * Gauzy's /pagination matches productCategoryId, productTypeId and enabled exactly and translates to
 * `where[languageCode]`; a name lives in the translations, so a name search reads the products and filters here.
 */
export const listProducts = defineTool({
  name: 'list_products',
  title: 'Find products',
  description: 'Find products by part of a name (any language), category, type or enabled; total counts them.',
  toolset,
  aliases: productEntity.aliases?.list,
  effect: 'read',
  input: z.object({
    name: z.string().trim().min(1).optional(),
    productCategoryId: uuid().optional(),
    productTypeId: uuid().optional(),
    enabled: z.boolean().optional(),
    langCode,
    ...pagination,
  }),
  output: listOutput,
  routes: [`GET ${PAGINATION}`],
  async handler({ name, productCategoryId, productTypeId, enabled, langCode: language, take, skip }, ctx) {
    const where: Record<string, QueryValue> = {
      ...(productCategoryId ? { productCategoryId } : {}),
      ...(productTypeId ? { productTypeId } : {}),
      ...(enabled !== undefined ? { enabled } : {}),
      ...(language ? { languageCode: language } : {}),
    };
    const compact = (items: Item[]) => items.map((item) => compactProduct(item, language));
    if (!name) {
      const page = await readWindow(ctx, PAGINATION, where, PRODUCT_RELATIONS, skip, take);
      return listResult({ items: compact(page.items), total: page.total, skip, take, noun: 'products', describe: describeProduct });
    }
    const read = await readMany(ctx, PAGINATION, where, PRODUCT_RELATIONS);
    const kept = compact(read.items).filter((item) => contains(item.name, name) || (item.translations as Item[]).some((t) => contains(t.name, name)));
    const result = listResult({ items: kept, unpaged: true, skip, take, noun: 'products', describe: describeProduct });
    const note = `Gauzy cannot search product names (they are in its translations table), so ${read.items.length} of ${read.total} products were read and filtered here${read.items.length < read.total ? '; later ones were not read' : ''}.`;
    return { structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

export const getProduct = defineTool({
  name: 'get_product_by_id',
  title: 'Get a product',
  description: 'One product: names in every language, category, type, tags, gallery.',
  toolset,
  aliases: productEntity.aliases?.get,
  effect: 'read',
  input: z.object({ id: uuid(), langCode }),
  output: entityOutput,
  routes: ['GET /api/products/:id'],
  async handler({ id, langCode: language }, ctx) {
    const product = compactProduct(await readProduct(ctx, id, DETAIL_RELATIONS), language);
    return ok(product, `Found product: ${describeProduct(product)}`);
  },
});

/**
 * The type a new product gets: the one named, or the organization's only product type. CreateProductDTO
 * requires a non-empty `type` object, and Gauzy has no default.
 */
async function productTypeFor(ctx: ToolContext, productTypeId: string | undefined): Promise<string> {
  if (productTypeId) return productTypeId;
  const { items } = await readPage(ctx, TYPES, {}, [], 20, 1);
  if (items.length === 1) return String(items[0]!.id);
  const message = items.length
    ? `name the product type: ${items.map((type) => `${String(type.name ?? '(no name)')} (id ${String(type.id)})`).join(', ')}`
    : 'the organization has no product type; create one in Gauzy (Inventory → Product types)';
  throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['create_product'], { issues: [{ field: 'productTypeId', message }], fields: ['productTypeId'] });
}

type Translation = z.output<typeof translationsInput>[number];

/**
 * A failed save is Gauzy's whole answer (the TypeORM error: query and SQL code, no message); with every
 * required field sent, what fails is a category, type or tag id that is none of Gauzy's (seen on the real Gauzy).
 */
async function unknownIdHint<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GauzyMcpError && error.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && !(error.details.gauzyMessages as unknown[] | undefined)?.length) {
      error.details.hint = 'Gauzy gave no reason; a productCategoryId, productTypeId or tag id that is not one of its records fails this way: check them (list_product_categories, list_products).';
    }
    throw error;
  }
}

const scoped = (ctx: ToolContext) => ({ organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId });

/**
 * POST /api/products (ProductCreateHandler): CreateProductDTO wants `code` and non-empty `type` and `category`
 * objects, but the handler saves the body's columns (productTypeId, productCategoryId), the translations
 * (cascade) and `tags: [{id}]`, and maps `optionGroupCreateInputs` without a default (absent: a 500).
 */
export const createProduct = defineTool({
  name: 'create_product',
  title: 'Create a product',
  description: 'Create a product named in one or more languages, in a category; type defaults to the only one.',
  toolset,
  effect: 'write',
  input: z.object({
    code: productEntity.fields.code,
    translations: translationsInput,
    productCategoryId: uuid(),
    productTypeId: uuid().optional(),
    enabled: z.boolean().optional(),
    tagIds: z.array(uuid()).max(20).optional(),
  }),
  output: entityOutput,
  routes: [`GET ${TYPES}`, 'POST /api/products'],
  async handler({ code, translations, productCategoryId, productTypeId, enabled, tagIds }, ctx) {
    const typeId = await withRefusalHints(() => productTypeFor(ctx, productTypeId), forbidden);
    const body = {
      code,
      ...(enabled !== undefined ? { enabled } : {}),
      translations: translations.map((t: Translation) => ({ ...t, ...scoped(ctx) })),
      productCategoryId,
      productTypeId: typeId,
      category: { id: productCategoryId },
      type: { id: typeId },
      ...(tagIds ? { tags: tagIds.map((id: string) => ({ id })) } : {}),
      optionGroupCreateInputs: [],
      ...scoped(ctx),
    };
    const answer = await unknownIdHint(() => withRefusalHints(() => ctx.gauzy.post<Item>(productEntity.path, body), forbidden));
    refusalIn200(answer);
    const created = compactProduct(answer);
    return ok(created, `Created product: ${describeProduct(created)}`);
  },
});

/**
 * PUT /api/products/:id (ProductUpdateHandler) finds the product by the body's `id`, saves each translation
 * given (a new one needs `referenceId`), then sets category, type, tags and translations from the body and
 * saves; it does not apply code, enabled or imageUrl (seen on the real Gauzy: 202, both unchanged). So the tool sends every translation (changed ones merged
 * by language), and the current category, type and tags unless changed.
 */
export const updateProduct = defineTool({
  name: 'update_product',
  title: 'Update a product',
  description: "Change names per language (others kept), category, type or tags; Gauzy cannot change code or enabled.",
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({
    id: uuid(),
    translations: translationsInput.optional(),
    productCategoryId: uuid().optional(),
    productTypeId: uuid().optional(),
    tagIds: z.array(uuid()).max(20).optional(),
  }),
  output: entityOutput,
  routes: ['GET /api/products/:id', 'PUT /api/products/:id'],
  async handler({ id, translations, productCategoryId, productTypeId, tagIds }, ctx) {
    if (!translations && !productCategoryId && !productTypeId && !tagIds) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_product'], { issues: [{ field: '(arguments)', message: 'give at least one of translations, productCategoryId, productTypeId, tagIds' }] });
    }
    const current = await readProduct(ctx, id, ['tags']);
    const changed = new Map((translations ?? []).map((t: Translation) => [t.languageCode, t]));
    const kept = ((current.translations as Item[] | undefined) ?? []).map((t) => {
      const change = changed.get(t.languageCode as Translation['languageCode']);
      changed.delete(t.languageCode as Translation['languageCode']);
      return { id: t.id, referenceId: id, languageCode: t.languageCode, name: change?.name ?? t.name, description: change ? (change.description ?? null) : (t.description ?? null), ...scoped(ctx) };
    });
    const added = [...changed.values()].map((t) => ({ referenceId: id, ...t, ...scoped(ctx) }));
    const category = productCategoryId ?? (current.productCategoryId as string | null | undefined);
    const type = productTypeId ?? (current.productTypeId as string | null | undefined);
    const body = {
      id,
      code: current.code,
      translations: [...kept, ...added],
      ...(category ? { category: { id: category } } : {}),
      ...(type ? { type: { id: type } } : {}),
      tags: (tagIds ?? ((current.tags as Item[] | undefined) ?? []).map((tag) => String(tag.id))).map((tagId: string) => ({ id: tagId })),
      // The handler reads all four without a default; a missing one fails it.
      optionGroupCreateInputs: [],
      optionGroupUpdateInputs: [],
      optionGroupDeleteInputs: [],
      optionDeleteInputs: [],
      ...scoped(ctx),
    };
    const answer = await unknownIdHint(() => withRefusalHints(() => ctx.gauzy.put<Item>('/api/products/:id', body, { params: { id } }), forbidden));
    // A failing handler is answered 202 with a bare `{message}` (seen on the real Gauzy).
    refusalIn200(answer);
    const saved = compactProduct(answer);
    return ok(saved, `Updated product: ${describeProduct(saved)}`);
  },
});

const derived = crudToolList(productEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: false,
    update: false,
    delete: { description: 'Permanently delete a product with its translations and variants.' },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});

/** The derived delete, its 403 saying what the role may do. */
export const productCrudTools = derived.map((tool) => defineTool({ ...tool, handler: (args, ctx) => withRefusalHints(() => tool.handler(args, ctx), forbidden) }));
