import { crudConformance } from '@gauzy-mcp/testkit';
import { dealEntity, pipelineEntity } from '../src/entities.js';
import salesPlugin from '../src/index.js';
import { salesSandbox } from '../src/sandbox.js';

/** The demo seed's "Sales" pipeline and its Lead stage (testkit/src/seeds/sales.ts). */
const LEAD = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c11';

crudConformance({
  entity: dealEntity,
  plugin: salesPlugin,
  sandboxEntities: [...salesSandbox],
  sample: { create: { title: 'Conformance deal', probability: 2, stageId: LEAD }, update: { probability: 4 } },
});
crudConformance({
  entity: pipelineEntity,
  plugin: salesPlugin,
  sandboxEntities: [...salesSandbox],
  sample: { create: { name: 'Conformance pipeline', description: 'Checked' }, update: { description: 'Checked again' } },
});
