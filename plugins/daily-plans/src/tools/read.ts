import { GauzyMcpError, entityFieldsParam, formatValue, isoDate, listResult, normalizePage, project, scopeWhere, type QueryValue, type ToolContext, type ToolOutput } from '@gauzy-mcp/core';
import { compactPlan, dailyPlanEntity, describePlan, PLAN_RELATIONS } from '../entities.js';

/*
 * How the pack reads plans. Gauzy's plan lists (DailyPlanService.getAllPlans, getDailyPlansByTask) answer
 * every plan their filters match in one `{items,total}`, ignoring take, skip and order, and filter by no
 * date (a `where[date]` compares the stored timestamp with the string as given). So the tools ask Gauzy for
 * what it can filter (organization, employee, team, status, id) and bound the day here.
 */

type Item = Record<string, unknown>;

// dailyPlanEntity.path and the routes beside it.
export const PLANS_ROUTE = '/api/daily-plan';
export const MY_PLANS_ROUTE = '/api/daily-plan/me';
export const TASK_PLANS_ROUTE = '/api/daily-plan/task/:id';
export const PLAN_TASK_ROUTE = '/api/daily-plan/:id/task';

/** Reads plans through one of Gauzy's plan lists, with the relations every plan answer shows. */
export async function readPlans(ctx: ToolContext, route: string, where: Record<string, QueryValue> = {}, params?: Record<string, string>): Promise<Item[]> {
  // /task/:id joins the employee, their user and the tasks itself and reads no relations.
  const relations = route === TASK_PLANS_ROUTE ? {} : { relations: [...PLAN_RELATIONS] };
  const data = await ctx.gauzy.get(route, { query: { where: scopeWhere(ctx.scope, where), ...relations }, params });
  return normalizePage(data).items;
}

/** One plan with its employee, team and tasks, through the list route (GET /:id joins nothing). */
export async function readPlan(ctx: ToolContext, id: string): Promise<Item> {
  const [plan] = await readPlans(ctx, PLANS_ROUTE, { id });
  if (!plan) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', [], { status: 404, gauzyMessages: [`No daily plan ${id} in this organization`] });
  return plan;
}

/** The UTC day of a date or date-time, as Gauzy's createDailyPlan reads a plan's day. */
export const dayOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString().slice(0, 10);
};

export const dayFilters = {
  date: isoDate().optional().describe('Only this day'),
  dateFrom: isoDate().optional(),
  dateTo: isoDate().optional(),
};

export interface PlanFilters {
  date?: string;
  dateFrom?: string;
  dateTo?: string;
  employeeId?: string;
  organizationTeamId?: string;
  status?: string;
}

/** Keeps the plans of the day or days asked for (and, where Gauzy could not filter them, of the rest). */
function keep(plans: Item[], filters: PlanFilters): Item[] {
  const { date, dateFrom, dateTo, employeeId, organizationTeamId, status } = filters;
  const [on, from, to] = [dayOf(date), dayOf(dateFrom), dayOf(dateTo)];
  return plans.filter((plan) => {
    const day = dayOf(plan.date) ?? '';
    if ((on && day !== on) || (from && day < from) || (to && day > to)) return false;
    if (employeeId && plan.employeeId !== employeeId) return false;
    if (organizationTeamId && plan.organizationTeamId !== organizationTeamId) return false;
    return !status || plan.status === status;
  });
}

/** Latest day first; the same day by newest plan. */
const byDay = (a: Item, b: Item) => String(b.date ?? '').localeCompare(String(a.date ?? '')) || String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? ''));

export const planFieldsParam = entityFieldsParam(dailyPlanEntity);

/** What a plan's line does not show of its fields: the timestamps, when asked for. */
const UNSHOWN = ['createdAt', 'updatedAt'];

/**
 * A page of plans, latest day first, each on one line with its employee, hours and tasks. `fields` picks the
 * plan's columns; the joined employee, team and tasks stay (the line names them).
 */
export function planList(plans: Item[], filters: PlanFilters, page: { take: number; skip: number; fields?: string[] }, noun: string): ToolOutput {
  const picked = page.fields?.length ? [...page.fields, 'employee', 'organizationTeam', 'tasks', 'taskCount'] : undefined;
  const items = keep(plans, filters).sort(byDay).map(compactPlan).map((plan) => (picked ? project(plan, picked) : plan));
  const extra = (page.fields ?? []).filter((field) => UNSHOWN.includes(field));
  const describe = (plan: Item) => [describePlan(plan), ...extra.map((field) => `${field}: ${formatValue(plan[field])}`)].join(' · ');
  return listResult({ items, unpaged: true, skip: page.skip, take: page.take, noun, describe });
}
