import { crudConformance } from '@gauzy-mcp/testkit';
import { awardEntity, skillEntity } from '../src/entities.js';
import skillsPlugin from '../src/index.js';
import { skillsSandbox } from '../src/sandbox.js';

// The derived create, update and delete tools; skills.test.ts covers the hand-written lists and gets.
crudConformance({
  entity: skillEntity,
  plugin: skillsPlugin,
  sandboxEntities: [...skillsSandbox],
  sample: { create: { name: 'Conformance skill', color: '#123456' }, update: { description: 'Checked' } },
});
crudConformance({
  entity: awardEntity,
  plugin: skillsPlugin,
  sandboxEntities: [...skillsSandbox],
  sample: { create: { name: 'Conformance award', year: '2024', employeeId: '4077b7dd-03dc-4e9c-9eb2-60dc48c1c0ba' }, update: { year: '2025' } },
});
