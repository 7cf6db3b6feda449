import { crudConformance } from '@gauzy-mcp/testkit';
import { equipmentEntity, equipmentSharingEntity } from '../src/entities.js';
import equipmentPlugin from '../src/index.js';
import { equipmentSandbox } from '../src/sandbox.js';

// The derived create, update and delete of equipment and the derived delete of a sharing; equipment.test.ts covers the rest.
crudConformance({
  entity: equipmentEntity,
  plugin: equipmentPlugin,
  sandboxEntities: equipmentSandbox,
  sample: { create: { name: 'Conformance drill', type: 'Tool', serialNumber: 'CF-1', currency: 'USD', autoApproveShare: false }, update: { initialCost: 120 } },
});

crudConformance({
  entity: equipmentSharingEntity,
  plugin: equipmentPlugin,
  sandboxEntities: equipmentSandbox,
  sample: { create: {}, update: {} },
});
