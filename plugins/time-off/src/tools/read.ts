import {
  GauzyMcpError,
  LOCAL_FILTER_ROWS,
  dataQuery,
  entityRoute,
  isoDate,
  normalizePage,
  requireEmployeeId,
  scopeWhere,
  uuid,
  type QueryValue,
  type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { TimeOffStatus, compactRequest, refOf, timeOffPolicyEntity, timeOffRequestEntity } from '../entities.js';

/*
 * How the pack reads time off. Requests come from GET /api/time-off-request/pagination
 * (TimeOffRequestService.pagination): it matches the requests that START OR END between
 * `where[startDate]` and `where[endDate]` (the current month when they are missing), filters
 * `where[status]`, joins what `relations` names, and pages with `skip` as a 1-based page, in no order.
 * Its employee, employee-name and policy-name filters name join aliases ("employees", "user", "policy")
 * the query does not have: on the real Gauzy they fail (400 `{"code":"SQLITE_ERROR"}`), and declaring the
 * aliases with `join`, as Gauzy's web client does, fails too (400 `{}`). GET /api/time-off-request (`?data=`)
 * filters by employee but formats its day bounds with a 12-hour clock (its midnight is noon). So the tools
 * ask /pagination for a window wide enough to hold every request that overlaps the days asked for (one
 * starting up to a year before them), read it whole (up to LOCAL_FILTER_ROWS), and keep the overlapping
 * ones of the employee and policy asked for, sorted by day, here.
 */

type Item = Record<string, unknown>;

export const REQUEST_PAGINATION = entityRoute(timeOffRequestEntity, 'pagination');
export const REQUEST_BY_ID = entityRoute(timeOffRequestEntity, 'findById');
export const REQUEST_COUNT = entityRoute(timeOffRequestEntity, 'count');
export const POLICY_LIST = entityRoute(timeOffPolicyEntity, 'findAll');

const path = (route: string) => route.slice(route.indexOf(' ') + 1);

const REQUEST_RELATIONS = ['policy', 'employees', 'employees.user'];

const DAY_MS = 86_400_000;
/** How far before the first day asked for a request may start and still be found: a year. */
const LOOK_BACK_MS = 366 * DAY_MS;
const EARLIEST = '1970-01-01T00:00:00.000Z';
const LATEST = '2999-12-31T23:59:59.000Z';
const PAGE = 100;

/** A day given without a time means all of it: its end is the last millisecond of that day. */
const endOf = (value: string) => Date.parse(value) + (/^\d{4}-\d{2}-\d{2}$/.test(value) ? DAY_MS - 1 : 0);

/** Whose time off: an employee id, or "me" for the caller's own (Gauzy has no "my time off" route). */
export const employeeParam = z.union([uuid(), z.literal('me')]).optional().describe('"me": yours');

/** The caller's employee id for "me"; the id as given otherwise. */
export const employeeOf = (ctx: ToolContext, employeeId: string | undefined, tool: string): string | undefined =>
  employeeId === 'me' ? requireEmployeeId(ctx, tool) : employeeId;

/** The filters the request lists take. */
export const requestFilters = {
  startDate: isoDate().optional(),
  endDate: isoDate().optional(),
  status: TimeOffStatus.optional().describe('Pending: REQUESTED'),
  policyId: uuid().optional(),
};

export interface RequestFilters {
  startDate?: string;
  endDate?: string;
  status?: string;
  policyId?: string;
  employeeId?: string;
}

export interface ReadRequests {
  /** The requests that overlap the days, compacted, by first day. */
  items: Item[];
  /** How many Gauzy matched in its window, and how many of them were read. */
  matched: number;
  read: number;
}

/** Every request (up to LOCAL_FILTER_ROWS read) that overlaps the days and matches the filters. */
export async function readRequests(ctx: ToolContext, filters: RequestFilters): Promise<ReadRequests> {
  const from = filters.startDate ? Date.parse(filters.startDate) : -Infinity;
  const to = filters.endDate ? endOf(filters.endDate) : Infinity;
  if (from > to) {
    throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['time off list'], { issues: [{ field: 'endDate', message: 'must not be before startDate' }], fields: ['endDate'] });
  }
  const where: Record<string, QueryValue> = {
    startDate: Number.isFinite(from) ? new Date(from - LOOK_BACK_MS).toISOString() : EARLIEST,
    endDate: Number.isFinite(to) ? new Date(to).toISOString() : LATEST,
    ...(filters.status ? { status: filters.status } : {}),
  };
  const seen = new Map<string, Item>();
  let matched = 0;
  for (let page = 1; seen.size < LOCAL_FILTER_ROWS; page++) {
    const answer = normalizePage(
      await ctx.gauzy.get(path(REQUEST_PAGINATION), { query: { where: scopeWhere(ctx.scope, where), relations: REQUEST_RELATIONS, take: PAGE, skip: page } }),
    );
    matched = answer.total;
    for (const item of answer.items) seen.set(String(item.id), item);
    if (answer.items.length < PAGE || seen.size >= matched) break;
  }
  const items = [...seen.values()]
    .filter((request) => {
      const [start, end] = [Date.parse(String(request.start)), Date.parse(String(request.end))];
      if (!(start <= to && end >= from)) return false;
      if (filters.policyId && request.policyId !== filters.policyId) return false;
      if (filters.status && request.status !== filters.status) return false;
      return !filters.employeeId || (Array.isArray(request.employees) && (request.employees as Item[]).some((employee) => employee.id === filters.employeeId));
    })
    .sort((a, b) => String(a.start).localeCompare(String(b.start)) || String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? '')))
    .map(compactRequest);
  return { items, matched, read: seen.size };
}

/** A note for an answer that did not read everything Gauzy matched (its figures are in the structure). */
export const cutNote = (read: ReadRequests) =>
  read.read < read.matched ? `Only ${read.read} of the ${read.matched} requests Gauzy matched were read: narrow startDate and endDate.` : undefined;

/**
 * One request with its employees and policy: Gauzy's GET /:id joins nothing, so the request is found again
 * in the pagination window of its first day.
 */
export async function findRequest(ctx: ToolContext, id: string, start: unknown): Promise<Item | undefined> {
  const at = Date.parse(String(start));
  if (Number.isNaN(at)) return undefined;
  const where = { startDate: new Date(at - DAY_MS).toISOString(), endDate: new Date(at + DAY_MS).toISOString() };
  for (let page = 1; page <= LOCAL_FILTER_ROWS / PAGE; page++) {
    const answer = normalizePage(await ctx.gauzy.get(path(REQUEST_PAGINATION), { query: { where: scopeWhere(ctx.scope, where), relations: REQUEST_RELATIONS, take: PAGE, skip: page } }));
    const found = answer.items.find((item) => item.id === id);
    if (found) return compactRequest(found);
    if (answer.items.length < PAGE) return undefined;
  }
  return undefined;
}

/** The request as GET /:id answers it (no relations); Gauzy's 404 for an unknown id. */
export async function readRequestRecord(ctx: ToolContext, id: string): Promise<Item> {
  return ctx.gauzy.get<Item>(path(REQUEST_BY_ID), { params: { id }, query: { tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId } });
}

/** One request by id, with its employees and policy (the bare record when the window does not hold it). */
export async function readRequest(ctx: ToolContext, id: string, record?: Item): Promise<Item> {
  const bare = record ?? (await readRequestRecord(ctx, id));
  return (await findRequest(ctx, id, bare.start)) ?? compactRequest(bare);
}

/** A policy as the tools answer it: its employees as `{ id, name }`, and how many. */
export function compactPolicy(policy: Item): Item {
  if (!Array.isArray(policy.employees)) return policy;
  const employees = (policy.employees as Item[]).map((employee) => refOf(employee));
  return { ...policy, employees, employeeCount: employees.length };
}

/** The organization's policies matching `findInput` (equality), with their employees. */
export async function readPolicies(ctx: ToolContext, findInput: Record<string, unknown> = {}): Promise<Item[]> {
  const query = dataQuery({ findInput: scopeWhere(ctx.scope, findInput as Record<string, QueryValue>), relations: ['employees', 'employees.user'] });
  return normalizePage(await ctx.gauzy.get(path(POLICY_LIST), { query })).items.map(compactPolicy);
}

/** One policy by id, through the list (GET /:id joins no employees); not found as Gauzy's 404 would say. */
export async function readPolicy(ctx: ToolContext, id: string): Promise<Item> {
  const [policy] = await readPolicies(ctx, { id });
  if (!policy) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', [], { status: 404, gauzyMessages: [`No time-off policy ${id} in this organization`] });
  return policy;
}
