import { defineEntity } from '@gauzy-mcp/core';
import { z } from 'zod';

export const PRODUCTS_TOOLSET = 'products';
export const CATEGORIES_TOOLSET = 'product-categories';

type Item = Record<string, unknown>;

/** Gauzy's LanguagesEnum (@gauzy/contracts user.model.ts): the languages a translation may be in. */
export const LanguageCode = z.enum(['en', 'bg', 'he', 'ru', 'fr', 'es', 'zh', 'de', 'pt', 'it', 'nl', 'pl', 'ar']);

/** One translation as a caller gives it (ProductTranslation / ProductCategoryTranslation: name NOT NULL, description nullable). */
export const translationInput = z.strictObject({
  languageCode: LanguageCode,
  name: z.string().trim().min(1),
  description: z.string().optional(),
});
export const translationsInput = z.array(translationInput).min(1);

/** Gauzy lists answer names in English (the `Language` header this server does not send defaults to `en`). */
export const DEFAULT_LANGUAGE = 'en';

const asArray = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);

/** The translations of a record as `{ languageCode, name, description }`. */
export const translationsOf = (record: Item): Item[] =>
  asArray(record.translations).map((translation) => ({ languageCode: translation.languageCode, name: translation.name, ...(translation.description ? { description: translation.description } : {}) }));

/**
 * The name of a translated record in `language`: its translation in that language, else English, else its
 * first; a record Gauzy already translated (lists do, dropping the translations) carries `name` itself.
 */
export function translatedName(record: Item, language = DEFAULT_LANGUAGE): { name?: string; description?: string; language?: string } {
  const translations = asArray(record.translations);
  const chosen = translations.find((t) => t.languageCode === language) ?? translations.find((t) => t.languageCode === DEFAULT_LANGUAGE) ?? translations[0];
  if (chosen) return { name: String(chosen.name), ...(chosen.description ? { description: String(chosen.description) } : {}), language: String(chosen.languageCode) };
  return typeof record.name === 'string' ? { name: record.name, ...(record.description ? { description: String(record.description) } : {}) } : {};
}

/**
 * A product's category or type as `{ id, name }`. Gauzy's product lists replace a joined category or type by
 * its name in the list's language (ProductService.propsTranslate) when it has one; otherwise it is the record.
 */
function translatedRef(value: unknown, id: unknown, language: string): Item | null {
  if (typeof value === 'string') return { id: id ?? null, name: value };
  if (value && typeof value === 'object') return { id: (value as Item).id, name: translatedName(value as Item, language).name ?? null };
  return typeof id === 'string' ? { id } : null;
}

const ref = (record: Item): Item => ({ id: record.id, name: record.name ?? record.fileName ?? null });

/** A product as the tools answer it: its columns, names in every language, category, type and tags by name. */
export function compactProduct(product: Item, language = DEFAULT_LANGUAGE): Item {
  const named = translatedName(product, language);
  return {
    id: product.id,
    name: named.name ?? null,
    ...(named.description ? { description: named.description } : {}),
    // Only when the name is not in the language asked for (it has no translation in it).
    ...(named.language && named.language !== language ? { nameLanguage: named.language } : {}),
    code: product.code,
    enabled: product.enabled,
    translations: translationsOf(product),
    category: translatedRef(product.productCategory, product.productCategoryId, language),
    type: translatedRef(product.productType, product.productTypeId, language),
    ...(Array.isArray(product.tags) ? { tags: asArray(product.tags).map(ref) } : {}),
    ...(Array.isArray(product.gallery) ? { gallery: asArray(product.gallery).map(ref) } : {}),
    featuredImageId: product.featuredImageId ?? null,
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

const label = (value: unknown) => {
  const record = value as Item | null | undefined;
  if (!record) return undefined;
  return record.name ? `${String(record.name)} (id ${String(record.id)})` : record.id ? `id ${String(record.id)}` : undefined;
};

/** The other languages' names, so a reader sees every translation. */
function otherNames(item: Item): string {
  const others = asArray(item.translations).filter((t) => t.name !== item.name);
  return others.length ? `names ${others.map((t) => `${String(t.languageCode)} "${String(t.name)}"`).join(', ')}` : '';
}

/** A compacted product on one line. */
export function describeProduct(item: Item): string {
  const images = Array.isArray(item.gallery) ? (item.gallery as Item[]) : undefined;
  const gallery = images ? (images.length ? `gallery images ${images.map((image) => String(image.id)).join(', ')}` : 'no gallery images') : '';
  const facts = [
    item.code ? `code ${String(item.code)}` : '',
    label(item.category) ? `category ${label(item.category)}` : 'no category',
    label(item.type) ? `type ${label(item.type)}` : '',
    item.enabled === false ? 'disabled' : '',
    Array.isArray(item.tags) && item.tags.length ? `tags ${(item.tags as Item[]).map((tag) => String(tag.name)).join(', ')}` : '',
    otherNames(item),
    gallery,
    item.featuredImageId ? `featured image ${String(item.featuredImageId)}` : '',
  ].filter(Boolean);
  const name = item.name ? `${String(item.name)}${item.nameLanguage ? ` [${String(item.nameLanguage)}]` : ''}` : '(no name)';
  return `${name} (id ${String(item.id)}) · ${facts.join(' · ')}`;
}

/** A category as the tools answer it: its name (English where it has one, as Gauzy's lists give it) and its translations when Gauzy sends them. */
export function compactCategory(category: Item, language = DEFAULT_LANGUAGE): Item {
  const named = translatedName(category, language);
  const translations = translationsOf(category);
  return {
    id: category.id,
    name: named.name ?? null,
    ...(named.description ? { description: named.description } : {}),
    ...(named.language && named.language !== language ? { nameLanguage: named.language } : {}),
    ...(translations.length ? { translations } : {}),
    ...(category.imageUrl ? { imageUrl: category.imageUrl } : {}),
    ...(category.imageId ? { imageId: category.imageId } : {}),
    ...(Array.isArray(category.products) ? { productCount: category.products.length } : {}),
    createdAt: category.createdAt,
    updatedAt: category.updatedAt,
  };
}

export function describeCategory(item: Item): string {
  const facts = [item.description ? `"${String(item.description)}"` : '', otherNames(item), typeof item.productCount === 'number' ? `${item.productCount} product(s)` : ''].filter(Boolean);
  return `${String(item.name ?? '(no name)')} (id ${String(item.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

/** Relations every product answer joins, so its line names them. */
export const PRODUCT_RELATIONS = ['productCategory', 'productType', 'tags'] as const;
export const DETAIL_RELATIONS = [...PRODUCT_RELATIONS, 'gallery'] as const;

/**
 * Gauzy's product (packages/core/src/lib/product). Every route needs ORG_INVENTORY_VIEW (reads) or
 * ORG_INVENTORY_PRODUCT_EDIT (writes). Names live only in its translations (eager, one per language). GET /
 * and /local/:langCode read `?data=` and answer every row (no paging); /pagination pages and translates to
 * `where[languageCode]`; GET /:id answers the record untranslated. POST and PUT run command handlers (see
 * tools/products.ts for what they save).
 */
export const productEntity = defineEntity({
  name: 'product',
  gauzyClass: 'Product',
  noun: 'product',
  plural: 'products',
  path: '/api/products',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: {
    code: z.string().trim().min(1),
    translations: translationsInput,
    enabled: z.boolean().optional(),
    imageUrl: z.string().url().optional(),
  },
  columns: ['productCategoryId', 'productTypeId', 'featuredImageId'],
  relations: {
    productCategory: { kind: 'manyToOne', entity: 'productCategory', key: 'productCategoryId' },
    productType: { kind: 'manyToOne', entity: 'productType', key: 'productTypeId' },
    tags: { kind: 'manyToMany', entity: 'tag', key: 'tagIds' },
    gallery: { kind: 'manyToMany', entity: 'imageAsset', key: 'galleryIds' },
    featuredImage: { kind: 'manyToOne', entity: 'imageAsset', key: 'featuredImageId' },
  },
  include: [],
  aliases: {
    list: ['get_products', 'get_products_pagination', 'get_products_translated', 'get_product_count', 'get_products_by_category'],
    get: ['get_product', 'get_product_translated'],
  },
  describe: (item) => describeProduct('productCategoryId' in item ? compactProduct(item) : item),
});

/**
 * Gauzy's product category (packages/core/src/lib/product-category): reads need ORG_PRODUCT_CATEGORIES_VIEW,
 * everything else (GET /:id too) ORG_PRODUCT_CATEGORIES_EDIT. Lists translate to English and then drop the
 * translations; GET /:id answers them. PUT /:id deletes the category and saves the body as a new one.
 */
export const categoryEntity = defineEntity({
  name: 'productCategory',
  gauzyClass: 'ProductCategory',
  noun: 'product category',
  plural: 'product categories',
  path: '/api/product-categories',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'where', paging: 'none' },
  scope: 'organization',
  fields: {
    translations: translationsInput,
    imageUrl: z.string().url().optional(),
  },
  columns: ['imageId'],
  relations: {
    products: { kind: 'oneToMany', entity: 'product', key: 'productCategoryId' },
  },
  include: [],
  aliases: {
    list: ['get_product_categories', 'get_product_category_count'],
  },
  describe: (item) => describeCategory('tenantId' in item ? compactCategory(item) : item),
});

/** Gauzy's product type: the tools read its list to default a new product's type. */
export const productTypeEntity = defineEntity({
  name: 'productType',
  gauzyClass: 'ProductType',
  noun: 'product type',
  plural: 'product types',
  path: '/api/product-types',
  operations: ['pagination'],
  scope: 'organization',
  fields: { icon: z.string().optional() },
  include: [],
});

/** Gauzy's image asset (media gallery): what a product's gallery and featured image point to. */
export const imageAssetEntity = defineEntity({
  name: 'imageAsset',
  gauzyClass: 'ImageAsset',
  noun: 'image asset',
  plural: 'image assets',
  path: '',
  operations: [],
  scope: 'organization',
  fields: { name: z.string(), url: z.string() },
  include: [],
});
