import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Fixed ids of the demo catalog, so tests can name them. */
export const DEMO_PRODUCT_IDS = {
  electronics: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e01',
  furniture: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e02',
  physical: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e11',
  digital: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e12',
  laptop: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e21',
  chair: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e22',
  license: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e23',
  photo: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e31',
  photo2: '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e32',
} as const;

type Names = Array<[string, string, string?]>;

/**
 * Demo rows for the products pack (Gauzy's demo seed has categories, types and products too): two categories
 * and two types named in English and French, three products (two in both languages, one English only), two
 * media-gallery images, one of them in the laptop's gallery and featured.
 */
export function seedProductsDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const translations = (referenceId: string, names: Names) =>
    names.map(([languageCode, name, description], index) => ({
      id: `${referenceId.slice(0, -2)}${String(90 + index)}`.replace(/^7c/, '8c'), languageCode, name, description: description ?? null, referenceId,
      tenantId: info.tenantId, organizationId: info.organizationId, createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z',
    }));
  const ids = DEMO_PRODUCT_IDS;
  const row = (entity: string, id: string, names: Names, data: Record<string, unknown>, createdAt: string) =>
    insertEntity(store, entity, { id, ...data, translations: translations(id, names), createdAt, updatedAt: createdAt }, scope);
  row('productCategory', ids.electronics, [['en', 'Electronics', 'Devices and gadgets'], ['fr', 'Électronique', 'Appareils et gadgets']], { imageUrl: null, imageId: null }, '2026-11-01T09:00:00.000Z');
  row('productCategory', ids.furniture, [['en', 'Furniture'], ['fr', 'Mobilier']], { imageUrl: null, imageId: null }, '2026-11-01T10:00:00.000Z');
  row('productType', ids.physical, [['en', 'Physical Products'], ['fr', 'Produits physiques']], { icon: 'cube-outline' }, '2026-11-01T09:00:00.000Z');
  row('productType', ids.digital, [['en', 'Digital Products'], ['fr', 'Produits numériques']], { icon: 'flash-outline' }, '2026-11-01T10:00:00.000Z');
  insertEntity(store, 'imageAsset', { id: ids.photo, name: 'Laptop front', url: 'https://example.com/laptop.jpg' }, scope);
  insertEntity(store, 'imageAsset', { id: ids.photo2, name: 'Laptop side', url: 'https://example.com/laptop-side.jpg' }, scope);
  row('product', ids.laptop, [['en', 'Laptop Pro 15', 'A 15-inch laptop'], ['fr', 'Ordinateur portable Pro 15', 'Un portable de 15 pouces']],
    { code: 'LP-15', enabled: true, productCategoryId: ids.electronics, productTypeId: ids.physical, galleryIds: [ids.photo], featuredImageId: ids.photo, tagIds: [] }, '2026-11-03T09:00:00.000Z');
  row('product', ids.chair, [['en', 'Office Chair'], ['fr', 'Chaise de bureau']],
    { code: 'OC-1', enabled: true, productCategoryId: ids.furniture, productTypeId: ids.physical, galleryIds: [], featuredImageId: null, tagIds: [] }, '2026-11-04T09:00:00.000Z');
  row('product', ids.license, [['en', 'Design Suite License']],
    { code: 'DSL', enabled: false, productCategoryId: ids.electronics, productTypeId: ids.digital, galleryIds: [], featuredImageId: null, tagIds: [] }, '2026-11-05T09:00:00.000Z');
}
