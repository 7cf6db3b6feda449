import { retiredTool } from '@gauzy-mcp/core';
import { DAILY_PLANS_TOOLSET as toolset } from '../entities.js';

/*
 * Reference tools over routes Gauzy does not have: /api/daily-plan/bulk is no route (POST answers 404, and
 * PUT and DELETE read "bulk" as a plan id and refuse it as no UUID). The one-plan tools do each job.
 */
const noBulk = (verb: string, tool: string) =>
  `Gauzy has no bulk route for daily plans (${verb} /api/daily-plan/bulk does not exist); ${tool} does one plan per call.`;

export const bulkCreateDailyPlans = retiredTool({ name: 'bulk_create_daily_plans', title: 'Create several daily plans', toolset, reason: noBulk('POST', 'create_daily_plan') });
export const bulkUpdateDailyPlans = retiredTool({ name: 'bulk_update_daily_plans', title: 'Update several daily plans', toolset, reason: noBulk('PUT', 'update_daily_plan') });
export const bulkDeleteDailyPlans = retiredTool({ name: 'bulk_delete_daily_plans', title: 'Delete several daily plans', toolset, reason: noBulk('DELETE', 'delete_daily_plan') });
