import { crudConformance } from '@gauzy-mcp/testkit';
import { dailyPlanEntity } from '../src/entities.js';
import dailyPlansPlugin from '../src/index.js';
import { dailyPlansSandbox } from '../src/sandbox.js';
import { tasksAsPlanned } from './tasks-as-planned.js';

// The plan tools under their rule names (list, get, create, update, delete), checked by the suite derived
// from the entity; daily-plans.test.ts covers the rest.
crudConformance({
  entity: dailyPlanEntity,
  plugin: dailyPlansPlugin,
  sandboxEntities: [...dailyPlansSandbox, tasksAsPlanned],
  sample: {
    // The signed-in user's employee and their only team are filled in by create_daily_plan.
    create: { date: '2030-01-15', workTimePlanned: 5, status: 'open' },
    update: { status: 'completed', workTimePlanned: 3 },
  },
});
