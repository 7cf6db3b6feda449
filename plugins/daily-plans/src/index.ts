import { definePlugin, withBulkNames } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { DAILY_PLANS_TOOLSET } from './entities.js';
import { addTaskToDailyPlan, removeTaskFromDailyPlan, removeTaskFromManyDailyPlans } from './tools/plan-tasks.js';
import { createDailyPlan, deleteDailyPlan, getDailyPlanById, getMyDailyPlans, listDailyPlans, updateDailyPlan } from './tools/plans.js';
import { getDailyPlanStatistics } from './tools/statistics.js';

export const dailyPlansPlugin = definePlugin({
  name: 'daily-plans',
  version: packageJson.version,
  description: 'Gauzy daily plans: an employee\'s plan for a day, its hours and its tasks.',
  kernel: '^1.2.0',
  toolsets: [{ name: DAILY_PLANS_TOOLSET, description: 'Daily plans: list, my plans, create, change, delete, and their tasks' }],
  // Gauzy has no /api/daily-plan/bulk (POST answers 404; PUT and DELETE read "bulk" as an id): the reference's bulk
  // names run the one-plan tools once per plan.
  tools: withBulkNames(
    [
      listDailyPlans, getMyDailyPlans, getDailyPlanById, createDailyPlan, updateDailyPlan, deleteDailyPlan,
      addTaskToDailyPlan, removeTaskFromDailyPlan, removeTaskFromManyDailyPlans, getDailyPlanStatistics,
    ],
    {
      create_daily_plan: { bulk_create_daily_plans: { field: 'plans' } },
      update_daily_plan: { bulk_update_daily_plans: { field: 'plans' } },
      delete_daily_plan: { bulk_delete_daily_plans: { field: 'ids', ids: true } },
    },
  ),
});

export default dailyPlansPlugin;
