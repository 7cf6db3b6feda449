import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { CATEGORIES_TOOLSET, PRODUCTS_TOOLSET } from './entities.js';
import { createCategory, listCategories, updateCategory } from './tools/categories.js';
import { updateProductImages } from './tools/images.js';
import { createProduct, getProduct, listProducts, productCrudTools, updateProduct } from './tools/products.js';

export const productsPlugin = definePlugin({
  name: 'products',
  version: packageJson.version,
  description: 'Gauzy products (with translations and images) and product categories.',
  kernel: '^1.2.0',
  toolsets: [
    { name: PRODUCTS_TOOLSET, description: 'Products: find, CRUD, gallery images' },
    { name: CATEGORIES_TOOLSET, description: 'Product categories: find, create, update' },
  ],
  tools: [listProducts, getProduct, createProduct, updateProduct, ...productCrudTools, updateProductImages, listCategories, createCategory, updateCategory],
});

export default productsPlugin;
