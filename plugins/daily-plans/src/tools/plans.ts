import {
  GauzyMcpError,
  crudTools,
  defineTool,
  entityOutput,
  entityRoute,
  listOutput,
  normalizePage,
  ok,
  pagination,
  requireEmployeeId,
  scopeWhere,
  uuid,
  withRefusalHints,
  type RefusalHint,
  type ToolContext,
  type ToolDefinition,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { DAILY_PLANS_TOOLSET as toolset, DailyPlanStatus, compactPlan, dailyPlanEntity, dailyPlanFields, describePlan } from '../entities.js';
import { MY_PLANS_ROUTE, PLANS_ROUTE, PLAN_TASK_ROUTE, TASK_PLANS_ROUTE, dayFilters, dayOf, planFieldsParam, planList, readPlan, readPlans } from './read.js';

type Item = Record<string, unknown>;

/** Gauzy's answer when a plan is not the caller's to change (DailyPlanService.getManagedDailyPlanOrThrow). */
export const notYourPlan: RefusalHint = {
  match: /do not have permission to access it|requested record was not found/,
  hint: 'Only an admin or the plan\'s own employee can change a plan; check the id with list_daily_plans.',
};

export const listDailyPlans = defineTool({
  name: 'list_daily_plans',
  title: 'List daily plans',
  description: 'The organization\'s daily plans, latest day first, each with its employee, hours and tasks; by employee, team, task, status or days. Yours: get_my_daily_plans.',
  toolset,
  effect: 'read',
  aliases: dailyPlanEntity.aliases?.list,
  input: z.object({
    employeeId: uuid().optional(),
    organizationTeamId: uuid().optional(),
    taskId: uuid().optional().describe('Only plans with this task'),
    status: DailyPlanStatus.optional(),
    ...dayFilters,
    ...pagination,
    fields: planFieldsParam,
  }),
  output: listOutput,
  routes: [entityRoute(dailyPlanEntity, 'findAll'), `GET ${TASK_PLANS_ROUTE}`],
  async handler({ taskId, employeeId, organizationTeamId, status, take, skip, fields, ...days }, ctx) {
    const filters = { employeeId, organizationTeamId, status, ...days };
    // GET /task/:id filters by the task only; the others are applied here.
    const plans = taskId
      ? await readPlans(ctx, TASK_PLANS_ROUTE, {}, { id: taskId })
      : await readPlans(ctx, PLANS_ROUTE, Object.fromEntries(Object.entries({ employeeId, organizationTeamId, status }).filter(([, value]) => value !== undefined)) as Record<string, string>);
    return planList(plans, filters, { take, skip, fields }, dailyPlanEntity.plural);
  },
});

export const getMyDailyPlans = defineTool({
  name: 'get_my_daily_plans',
  title: 'My daily plans',
  description: 'Your own daily plans with their tasks, latest day first (today\'s: give date).',
  toolset,
  effect: 'read',
  input: z.object({ status: DailyPlanStatus.optional(), ...dayFilters, ...pagination }),
  output: listOutput,
  routes: [`GET ${MY_PLANS_ROUTE}`],
  async handler({ status, take, skip, ...days }, ctx) {
    requireEmployeeId(ctx, 'get_my_daily_plans');
    const plans = await readPlans(ctx, MY_PLANS_ROUTE, status ? { status } : {});
    return planList(plans, { status, ...days }, { take, skip }, 'daily plans of yours');
  },
});

export const getDailyPlanById = defineTool({
  name: 'get_daily_plan_by_id',
  title: 'Get a daily plan',
  description: 'One daily plan by id, with its employee, team and tasks.',
  toolset,
  effect: 'read',
  aliases: dailyPlanEntity.aliases?.get,
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: [entityRoute(dailyPlanEntity, 'findAll')],
  async handler({ id }, ctx) {
    const plan = compactPlan(await readPlan(ctx, id));
    return ok(plan, describePlan(plan));
  },
});

const TEAMS_ROUTE = '/api/organization-team' as const;
const ME_ROUTE = '/api/user/me' as const;

/**
 * The team a new plan goes in (Gauzy files every plan under one): for the caller, the team they last worked
 * in (the user's lastTeamId, as Ever Teams keeps it, else defaultTeamId) when they are a member; else the
 * employee's only team. Several and none are refused with the teams to choose from.
 */
async function teamOf(ctx: ToolContext, employeeId: string): Promise<string> {
  const teams = normalizePage(await ctx.gauzy.get(TEAMS_ROUTE, { query: { where: scopeWhere(ctx.scope), relations: ['members'] } })).items;
  const theirs = teams.filter((team) => Array.isArray(team.members) && (team.members as Item[]).some((member) => member.employeeId === employeeId));
  if (theirs.length === 1) return String(theirs[0]!.id);
  if (theirs.length > 1 && employeeId === ctx.scope.employeeId) {
    const me = await ctx.gauzy.get<Item>(ME_ROUTE);
    const current = [me?.lastTeamId, me?.defaultTeamId].find((id) => theirs.some((team) => team.id === id));
    if (current) return String(current);
  }
  const message = theirs.length
    ? `employee ${employeeId} is in ${theirs.length} teams; name one: ${theirs.map((team) => `${String(team.name)} (id ${String(team.id)})`).join(', ')}`
    : `employee ${employeeId} is in no team, and Gauzy files every plan under a team; give one`;
  throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['create_daily_plan'], { issues: [{ field: 'organizationTeamId', message }], fields: ['organizationTeamId'] });
}

/** The employee's plan of that day in that team, if any: Gauzy keeps one. */
async function planOfDay(ctx: ToolContext, employeeId: string, organizationTeamId: string, date: string): Promise<Item | undefined> {
  const day = dayOf(date);
  return (await readPlans(ctx, PLANS_ROUTE, { employeeId, organizationTeamId })).find((plan) => dayOf(plan.date) === day);
}

export const createDailyPlan = defineTool({
  name: 'create_daily_plan',
  title: 'Create a daily plan',
  description: 'Plan an employee\'s day (default: yours): hours, status, tasks. Gauzy adds the tasks to their plan of that day and team if there is one.',
  toolset,
  effect: 'write',
  input: z.object({
    ...dailyPlanFields,
    status: DailyPlanStatus.default('open'),
    employeeId: uuid().optional().describe('Default: you'),
    organizationTeamId: uuid().optional().describe('Default: your current team, or the employee\'s only one'),
    taskIds: z.array(uuid()).max(20).optional().describe('Tasks to plan'),
  }),
  output: entityOutput,
  routes: [`GET ${TEAMS_ROUTE}`, `GET ${ME_ROUTE}`, entityRoute(dailyPlanEntity, 'findAll'), entityRoute(dailyPlanEntity, 'create'), `POST ${PLAN_TASK_ROUTE}`],
  async handler({ taskIds = [], ...args }, ctx) {
    const employeeId = args.employeeId ?? requireEmployeeId(ctx, 'create_daily_plan');
    const organizationTeamId = args.organizationTeamId ?? (await teamOf(ctx, employeeId));
    // DailyPlanService.createDailyPlan keeps one plan per employee, team and day: it adds the task to that one.
    const existing = await planOfDay(ctx, employeeId, organizationTeamId, args.date);
    const [first, ...rest] = taskIds;
    await ctx.gauzy.post<Item>(PLANS_ROUTE, {
      date: args.date, workTimePlanned: args.workTimePlanned, status: args.status, employeeId, organizationTeamId,
      ...(first ? { taskId: first } : {}), organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId,
    });
    // A new plan is answered without its id (the object built, not the row saved): it is found by its day.
    const saved = existing ?? (await planOfDay(ctx, employeeId, organizationTeamId, args.date));
    if (!saved) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['the plan Gauzy answered as created is not in its list']);
    const id = String(saved.id);
    const failed: string[] = [];
    for (const taskId of rest) {
      try {
        await ctx.gauzy.post(PLAN_TASK_ROUTE, { taskId, employeeId, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id } });
      } catch (error) {
        failed.push(`task ${taskId}: ${error instanceof GauzyMcpError ? [error.message, ...((error.details.gauzyMessages as string[] | undefined) ?? [])].join(' ') : 'failed'}`);
      }
    }
    const plan = compactPlan(await readPlan(ctx, id));
    const head = existing
      ? `The employee already had this plan that day in that team: Gauzy ${taskIds.length ? 'added the tasks to it' : 'changed nothing'} and kept its hours and status (change them with update_daily_plan).`
      : 'Created daily plan:';
    return ok({ ...plan, existed: Boolean(existing), ...(failed.length ? { failedTasks: failed } : {}) }, [head, describePlan(plan), ...failed.map((line) => `Not added: ${line}`)].join('\n'));
  },
});

const derived = crudTools(dailyPlanEntity, {
  toolset,
  tools: {
    list: false,
    get: false,
    create: false,
    update: { description: 'Change a daily plan\'s day, hours, status, employee or team; only the fields given change.' },
    delete: { description: 'Permanently delete one daily plan by id; the tasks on it stay.' },
  },
});

/** A derived tool whose Gauzy refusals say what to do. */
function withHints(tool: ToolDefinition, hints: readonly RefusalHint[]): ToolDefinition {
  return { ...tool, handler: (args, ctx) => withRefusalHints(() => tool.handler(args, ctx), hints) };
}

/**
 * The derived update, its answer rendered as a plan line: PUT answers the plan with its tasks, not its
 * employee or team, so the plan is read again for their names.
 */
function asPlanAnswer(tool: ToolDefinition, verb: string): ToolDefinition {
  return {
    ...tool,
    routes: [...tool.routes, entityRoute(dailyPlanEntity, 'findAll')],
    async handler(args, ctx) {
      const answer = await withRefusalHints(() => tool.handler(args, ctx), [notYourPlan]);
      const plan = compactPlan(await readPlan(ctx, String(answer.structured.id)));
      return ok(plan, `${verb} daily plan: ${describePlan(plan)}`);
    },
  };
}

export const updateDailyPlan = asPlanAnswer(derived.update!, 'Updated');
// DELETE /:id keeps an employee to their own plans: another's answers affected 0, which the kernel reports as not found.
export const deleteDailyPlan = withHints(derived.delete!, [{ match: /nothing was deleted/, hint: 'An employee can delete only their own plans; check the id with list_daily_plans.' }]);
