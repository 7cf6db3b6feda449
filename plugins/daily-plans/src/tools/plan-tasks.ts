import { defineTool, entityOutput, entityRoute, ok, uuid, withRefusalHints } from '@gauzy-mcp/core';
import { z } from 'zod';
import { DAILY_PLANS_TOOLSET as toolset, compactPlan, dailyPlanEntity, describePlan } from '../entities.js';
import { notYourPlan } from './plans.js';
import { PLAN_TASK_ROUTE, readPlan } from './read.js';

type Item = Record<string, unknown>;

const input = z.object({ planId: uuid(), taskId: uuid() });

/**
 * POST and PUT /api/daily-plan/:id/task take `{ taskId, employeeId }`, and Gauzy finds the plan by its id
 * AND that employee: the plan is read first for its employee (and for the names the answer shows).
 */
async function changePlanTasks(ctx: Parameters<typeof readPlan>[0], planId: string, taskId: string, method: 'post' | 'put') {
  const plan = await readPlan(ctx, planId);
  const body = { taskId, employeeId: plan.employeeId, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
  const answer = await withRefusalHints(() => ctx.gauzy[method]<Item>(PLAN_TASK_ROUTE, body, { params: { id: planId } }), [notYourPlan]);
  const wasOn = Array.isArray(plan.tasks) && (plan.tasks as Item[]).some((task) => task.id === taskId);
  // Gauzy answers the plan as saved, with its tasks but not its employee or team.
  return { plan: compactPlan({ ...answer, employee: plan.employee, organizationTeam: plan.organizationTeam }), wasOn };
}

export const addTaskToDailyPlan = defineTool({
  name: 'add_task_to_daily_plan',
  title: 'Add a task to a daily plan',
  description: 'Put one task on an existing daily plan (the plan\'s other tasks stay).',
  toolset,
  effect: 'write',
  idempotent: true,
  input,
  output: entityOutput,
  routes: [entityRoute(dailyPlanEntity, 'findAll'), `POST ${PLAN_TASK_ROUTE}`],
  async handler({ planId, taskId }, ctx) {
    const { plan, wasOn } = await changePlanTasks(ctx, planId, taskId, 'post');
    return ok(plan, `${wasOn ? `Task ${taskId} was already on the plan` : `Added task ${taskId}`}: ${describePlan(plan)}`);
  },
});

export const removeTaskFromDailyPlan = defineTool({
  name: 'remove_task_from_daily_plan',
  title: 'Remove a task from a daily plan',
  description: 'Take one task off one daily plan; the task and the plan stay.',
  toolset,
  effect: 'delete',
  input,
  output: entityOutput,
  routes: [entityRoute(dailyPlanEntity, 'findAll'), `PUT ${PLAN_TASK_ROUTE}`],
  async handler({ planId, taskId }, ctx) {
    const { plan, wasOn } = await changePlanTasks(ctx, planId, taskId, 'put');
    return ok(plan, `${wasOn ? `Removed task ${taskId}` : `Task ${taskId} was not on the plan`}: ${describePlan(plan)}`);
  },
});
