import { sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { categoryEntity, imageAssetEntity, productEntity, productTypeEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve products, categories and types as Gauzy does. Test code only.
 * Each row carries its translations (Gauzy's eager translation tables) as `translations`; the routes with
 * logic of their own (create, update, images, translated lists) are in testkit/src/routes/products-routes.ts.
 */
export const productsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(productEntity, {
    defaults: () => ({ enabled: true, code: null, imageUrl: null, featuredImageId: null, productTypeId: null, productCategoryId: null, translations: [], tagIds: [], galleryIds: [] }),
    // The join tables (tag_product, product_gallery_item) are not columns.
    hidden: ['tagIds', 'galleryIds'],
  }),
  sandboxEntity(categoryEntity, { defaults: () => ({ imageUrl: null, imageId: null, translations: [] }) }),
  sandboxEntity(productTypeEntity, { defaults: () => ({ icon: null, translations: [] }) }),
  sandboxEntity(imageAssetEntity, { defaults: () => ({ name: null, url: null, thumb: null, width: 0, height: 0, size: null, isFeatured: false }) }),
];
