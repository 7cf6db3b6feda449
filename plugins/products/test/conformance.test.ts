import { crudConformance } from '@gauzy-mcp/testkit';
import { categoryEntity, productEntity } from '../src/entities.js';
import productsPlugin from '../src/index.js';
import { productsSandbox } from '../src/sandbox.js';

// The demo seed's category and type (testkit/src/seeds/products.ts).
const ELECTRONICS = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e01';
const PHYSICAL = '7c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e11';

crudConformance({
  entity: productEntity,
  plugin: productsPlugin,
  sandboxEntities: [...productsSandbox],
  toolset: 'products',
  sample: { create: { code: 'CONF-1', translations: [{ languageCode: 'en', name: 'Conformance product' }], productCategoryId: ELECTRONICS, productTypeId: PHYSICAL }, update: { productTypeId: PHYSICAL } },
});
crudConformance({
  entity: categoryEntity,
  plugin: productsPlugin,
  sandboxEntities: [...productsSandbox],
  toolset: 'product-categories',
  // PUT deletes the category and saves the body as a new row with the same id (seen on the real Gauzy: createdAt reset).
  setByUpdate: ['createdAt'],
  sample: { create: { translations: [{ languageCode: 'en', name: 'Conformance category' }] }, update: { translations: [{ languageCode: 'en', name: 'Checked' }] } },
});
