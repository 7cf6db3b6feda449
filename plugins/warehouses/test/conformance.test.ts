import { crudConformance } from '@gauzy-mcp/testkit';
import { warehouseEntity } from '../src/entities.js';
import warehousesPlugin from '../src/index.js';
import { warehousesSandbox } from '../src/sandbox.js';

// The derived create, update and delete tools; warehouses.test.ts covers the hand-written list, get and stock tools.
crudConformance({
  entity: warehouseEntity,
  plugin: warehousesPlugin,
  toolset: 'warehouses',
  sandboxEntities: [...warehousesSandbox],
  sample: { create: { name: 'Conformance warehouse', code: 'CONF', email: 'conf@example.com' }, update: { description: 'Checked' } },
});
