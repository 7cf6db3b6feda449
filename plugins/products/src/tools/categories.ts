import { defineTool, entityOutput, listOutput, listResult, ok, pagination, uuid, withRefusalHints, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { categoryEntity, CATEGORIES_TOOLSET as toolset, compactCategory, describeCategory, LanguageCode, translationsInput } from '../entities.js';
import { contains, productsOfCategory, readMany, readOnlyRole, readWindow } from './read.js';

type Item = Record<string, unknown>;
type Translation = z.output<typeof translationsInput>[number];

const PAGINATION = '/api/product-categories/pagination';
const forbidden = [readOnlyRole('product categories')];
const scoped = (ctx: ToolContext) => ({ organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId });

/**
 * /pagination translates each category to English (Gauzy's `Language` header default) and then drops its
 * translations; one without an English translation keeps them. It cannot match a name (another table), so a
 * name search reads the categories and filters here.
 */
export const listCategories = defineTool({
  name: 'list_product_categories',
  title: 'Find product categories',
  description: 'Find product categories by part of the name, with their product counts; total counts them.',
  toolset,
  aliases: categoryEntity.aliases?.list,
  effect: 'read',
  input: z.object({ name: z.string().trim().min(1).optional(), langCode: LanguageCode.optional().describe('Default en'), ...pagination }),
  output: listOutput,
  routes: [`GET ${PAGINATION}`],
  async handler({ name, langCode, take, skip }, ctx) {
    const compact = (items: Item[]) => items.map((item) => compactCategory(item));
    // Gauzy translates categories to its Language header (ProductCategoryController's LanguageDecorator), not to a where[].
    if (!name) {
      const page = await readWindow(ctx, PAGINATION, {}, ['products'], skip, take, langCode);
      return listResult({ items: compact(page.items), total: page.total, skip, take, noun: 'product categories', describe: describeCategory });
    }
    const read = await readMany(ctx, PAGINATION, {}, ['products'], langCode);
    const kept = compact(read.items).filter((item) => contains(item.name, name) || ((item.translations as Item[] | undefined) ?? []).some((t) => contains(t.name, name)));
    const result = listResult({ items: kept, unpaged: true, skip, take, noun: 'product categories', describe: describeCategory });
    const note = `Gauzy cannot search category names (they are in its translations table), so ${read.items.length} of ${read.total} categories were read and filtered here${read.items.length < read.total ? '; later ones were not read' : ''}.`;
    return { structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

const withScope = (translations: readonly Item[], ctx: ToolContext) =>
  translations.map((t) => ({ languageCode: t.languageCode, name: t.name, description: t.description ?? null, ...scoped(ctx) }));

/** ProductCategoryDTO: TenantOrganizationBaseDTO, and so is each translation (TranslationBaseDTO: name, languageCode). */
export const createCategory = defineTool({
  name: 'create_product_category',
  title: 'Create a product category',
  description: 'Create a product category with its name in one or more languages.',
  toolset,
  effect: 'write',
  input: z.object({ translations: translationsInput }),
  output: entityOutput,
  routes: ['POST /api/product-categories'],
  async handler({ translations }, ctx) {
    const body = { translations: withScope(translations, ctx), ...scoped(ctx) };
    const created = await withRefusalHints(() => ctx.gauzy.post<Item>(categoryEntity.path, body), forbidden);
    // The answer is translated to English, without its translations: they are the ones sent.
    const item = compactCategory({ ...created, translations: created.translations ?? translations });
    return ok(item, `Created product category: ${describeCategory(item)}`);
  },
});

/**
 * PUT /api/product-categories/:id (ProductCategoryService.updateProductCategory) deletes the category, which
 * detaches its products (ON DELETE SET NULL) and its translations (CASCADE), and saves the body as the
 * category. So the tool reads it (GET /:id, untranslated) and its products, and sends all of them back with
 * the same id: every translation (changed ones merged by language) and `products: [{id}]`.
 */
export const updateCategory = defineTool({
  name: 'update_product_category',
  title: 'Update a product category',
  description: "Change a category's names per language (others kept); its products stay in it.",
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid(), translations: translationsInput }),
  output: entityOutput,
  routes: ['GET /api/product-categories/:id', 'GET /api/products', 'PUT /api/product-categories/:id'],
  async handler({ id, translations }, ctx) {
    const current = await withRefusalHints(() => ctx.gauzy.get<Item>('/api/product-categories/:id', { params: { id } }), forbidden);
    const products = await productsOfCategory(ctx, id);
    const changed = new Map(translations.map((t: Translation) => [t.languageCode, t]));
    const merged = ((current.translations as Item[] | undefined) ?? []).map((t) => {
      const change = changed.get(t.languageCode as Translation['languageCode']);
      changed.delete(t.languageCode as Translation['languageCode']);
      return change ? { ...change } : t;
    });
    const body = {
      id,
      translations: withScope([...merged, ...changed.values()], ctx),
      imageUrl: current.imageUrl ?? null,
      ...(current.imageId ? { imageId: current.imageId } : {}),
      products: products.map((product) => ({ id: product.id })),
      ...scoped(ctx),
    };
    const saved = await withRefusalHints(() => ctx.gauzy.put<Item>('/api/product-categories/:id', body, { params: { id } }), forbidden);
    const item = compactCategory(saved);
    return ok(item, `Updated product category: ${describeCategory(item)}`);
  },
});
