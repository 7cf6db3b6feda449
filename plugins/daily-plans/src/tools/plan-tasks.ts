import { defineTool, entityOutput, entityRoute, ok, requireEmployeeId, uuid, withRefusalHints } from '@gauzy-mcp/core';
import { z } from 'zod';
import { DAILY_PLANS_TOOLSET as toolset, compactPlan, dailyPlanEntity, describePlan } from '../entities.js';
import { notYourPlan } from './plans.js';
import { PLAN_TASK_ROUTE, TASK_PLANS_ROUTE, dayOf, readPlan, readPlans } from './read.js';

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

const REMOVE_EVERYWHERE_ROUTE = '/api/daily-plan/:taskId/remove';

export const removeTaskFromManyDailyPlans = defineTool({
  name: 'remove_task_from_many_daily_plans',
  title: 'Remove a task from many daily plans',
  description: 'Take one task off every daily plan of an employee (default: you) from today on, or off the given ones.',
  toolset,
  effect: 'delete',
  input: z.object({ taskId: uuid(), employeeId: uuid().optional(), planIds: z.array(uuid()).max(100).optional() }),
  output: z.looseObject({ plans: z.array(z.looseObject({})) }),
  routes: [`GET ${TASK_PLANS_ROUTE}`, `PUT ${REMOVE_EVERYWHERE_ROUTE}`],
  async handler({ taskId, planIds, ...args }, ctx) {
    const employeeId = args.employeeId ?? requireEmployeeId(ctx, 'remove_task_from_many_daily_plans');
    const today = new Date().toISOString().slice(0, 10);
    // DailyPlanService.removeTaskFromManyPlans changes only plans of today or later, of one team per call
    // (it matches organizationTeamId as given: none matches no plan), so the plans are found first.
    const plans = (await readPlans(ctx, TASK_PLANS_ROUTE, {}, { id: taskId })).filter(
      (plan) => plan.employeeId === employeeId && (dayOf(plan.date) ?? '') >= today && (!planIds || planIds.includes(String(plan.id))),
    );
    const byTeam = new Map<string, string[]>();
    for (const plan of plans) byTeam.set(String(plan.organizationTeamId), [...(byTeam.get(String(plan.organizationTeamId)) ?? []), String(plan.id)]);
    const changed: Item[] = [];
    for (const [organizationTeamId, plansIds] of byTeam) {
      const answer = await withRefusalHints(
        () => ctx.gauzy.put<Item[]>(REMOVE_EVERYWHERE_ROUTE, { employeeId, plansIds, organizationTeamId, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { taskId } }),
        [notYourPlan],
      );
      changed.push(...(Array.isArray(answer) ? answer : []).map(compactPlan));
    }
    const head = changed.length
      ? `Removed task ${taskId} from ${changed.length} plan${changed.length === 1 ? '' : 's'} of employee ${employeeId}:`
      : `Task ${taskId} is on no plan of employee ${employeeId} from ${today} on${planIds ? ' among those given' : ''}; nothing changed.`;
    return ok({ taskId, employeeId, from: today, removedFrom: changed.length, plans: changed }, [head, ...changed.map((plan) => `- ${describePlan(plan)}`)].join('\n'));
  },
});
