import { crudConformance } from '@gauzy-mcp/testkit';
import { taskEntity } from '../src/entities.js';
import tasksPlugin from '../src/index.js';
import { tasksSandbox } from '../src/sandbox.js';

// The standard task tools, checked by the suite derived from the task entity; tasks.test.ts covers the rest.
crudConformance({
  entity: taskEntity,
  plugin: tasksPlugin,
  sandboxEntities: tasksSandbox,
  sample: {
    create: (seed) => ({ title: 'Conformance task', status: 'in-progress', priority: 'low', description: 'Checked by the conformance suite', projectId: seed.projects[0]!.id }),
    update: { priority: 'urgent' },
  },
});
