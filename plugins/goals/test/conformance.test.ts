import { crudConformance } from '@gauzy-mcp/testkit';
import { goalEntity, keyResultEntity } from '../src/entities.js';
import goalsPlugin from '../src/index.js';
import { goalsSandbox } from '../src/sandbox.js';

/** The demo seed's performance goal (testkit/src/seeds/goals.ts), which conformance key results are added to. */
const PERFORMANCE_GOAL = '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';

// The derived create, update and delete tools and the hand-written lists; goals.test.ts covers the rest.
crudConformance({
  entity: goalEntity,
  plugin: goalsPlugin,
  sandboxEntities: [...goalsSandbox],
  toolset: 'goals',
  sample: { create: { name: 'Conformance goal', level: 'Organization', deadline: 'Q4-2026' }, update: { description: 'Checked' } },
});
crudConformance({
  entity: keyResultEntity,
  plugin: goalsPlugin,
  sandboxEntities: [...goalsSandbox],
  toolset: 'key-results',
  sample: {
    create: (seed) => ({ goalId: PERFORMANCE_GOAL, name: 'Conformance key result', targetValue: 5, ownerId: seed.users.employee.employeeId }),
    update: { targetValue: 8 },
  },
});
