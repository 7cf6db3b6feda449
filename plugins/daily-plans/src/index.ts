import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { DAILY_PLANS_TOOLSET } from './entities.js';
import { addTaskToDailyPlan, removeTaskFromDailyPlan, removeTaskFromManyDailyPlans } from './tools/plan-tasks.js';
import { createDailyPlan, deleteDailyPlan, getDailyPlanById, getMyDailyPlans, listDailyPlans, updateDailyPlan } from './tools/plans.js';
import { bulkCreateDailyPlans, bulkDeleteDailyPlans, bulkUpdateDailyPlans } from './tools/retired.js';
import { getDailyPlanStatistics } from './tools/statistics.js';

export const dailyPlansPlugin = definePlugin({
  name: 'daily-plans',
  version: packageJson.version,
  description: 'Gauzy daily plans: an employee\'s plan for a day, its hours and its tasks.',
  kernel: '^1.1.0',
  toolsets: [{ name: DAILY_PLANS_TOOLSET, description: 'Daily plans: list, my plans, create, change, delete, and their tasks' }],
  tools: [
    listDailyPlans, getMyDailyPlans, getDailyPlanById, createDailyPlan, updateDailyPlan, deleteDailyPlan,
    addTaskToDailyPlan, removeTaskFromDailyPlan, removeTaskFromManyDailyPlans, getDailyPlanStatistics,
    bulkCreateDailyPlans, bulkUpdateDailyPlans, bulkDeleteDailyPlans,
  ],
});

export default dailyPlansPlugin;
