import { crudConformance } from '@gauzy-mcp/testkit';
import { projectEntity } from '../src/entities.js';
import projectsPlugin from '../src/index.js';
import { projectsSandbox } from '../src/sandbox.js';

// The standard project tools, checked by the suite derived from the project entity; projects.test.ts covers the rest.
crudConformance({
  entity: projectEntity,
  plugin: projectsPlugin,
  sandboxEntities: projectsSandbox,
  sample: {
    create: { name: 'Conformance project', billing: 'FLAT_FEE', budgetType: 'cost', description: 'Checked by the conformance suite' },
    update: { billing: 'MILESTONES' },
  },
});
