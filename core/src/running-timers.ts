import { isGauzyMcpError } from './errors.js';
import { personName } from './results.js';
import type { RouteRef, ToolContext } from './tool.js';

/** A timer running now, by what stays the same while it runs (no duration: it grows every second). */
export interface RunningTimer {
  employeeId: string;
  name?: string;
  since: string;
  projectId?: string;
  taskId?: string;
  description?: string;
}

/** One employee's entry in Gauzy's worked status: their last time log, running or not. */
export interface WorkedStatus {
  running?: boolean;
  duration?: number;
  timerStatus?: string;
  lastLog?: Record<string, unknown> | null;
  [key: string]: unknown;
}

const WORKED_STATUS = '/api/timesheet/timer/status/worked';
const EMPLOYEE_PAGINATION = '/api/employee/pagination';

/** The routes {@link readWorkedStatus} and {@link readRunningTimers} call, for a tool's or resource's `routes`. */
export const RUNNING_TIMER_ROUTES: readonly RouteRef[] = [`GET ${WORKED_STATUS}`, `GET ${EMPLOYEE_PAGINATION}`];

/** Employees asked about per worked-status request: their ids travel in the query string. */
const IDS_PER_REQUEST = 100;
/** Employees read per page, and the most pages read (a 500-person organization). */
const EMPLOYEES_PER_PAGE = 100;
const MAX_EMPLOYEE_PAGES = 5;

type Item = Record<string, unknown>;

/**
 * Each visible employee's last time log. Gauzy answers the worked status only for the employees named in
 * `employeeIds` (none named: an empty list, whatever the role), so they are named: the organization's active
 * employees for a caller who may list them, else the caller's own employee record.
 */
export async function readWorkedStatus(ctx: Pick<ToolContext, 'gauzy' | 'scope'>): Promise<WorkedStatus[]> {
  const ids = await visibleEmployeeIds(ctx);
  const entries: WorkedStatus[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
    const answer = await ctx.gauzy.get<unknown>(WORKED_STATUS, {
      query: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, employeeIds: ids.slice(start, start + IDS_PER_REQUEST), relations: ['employee', 'employee.user'] },
    });
    if (Array.isArray(answer)) entries.push(...(answer as WorkedStatus[]));
  }
  return entries;
}

/** The timers running now that the caller may see, sorted by employee so two reads of the same state are equal. */
export async function readRunningTimers(ctx: Pick<ToolContext, 'gauzy' | 'scope'>): Promise<RunningTimer[]> {
  return (await readWorkedStatus(ctx))
    .flatMap((entry) => {
      const log = entry.lastLog as Item | null | undefined;
      if (entry.running !== true || !log || typeof log.employeeId !== 'string') return [];
      const name = personName(log.employee);
      const timer: RunningTimer = { employeeId: log.employeeId, ...(name ? { name } : {}), since: String(log.startedAt) };
      if (typeof log.projectId === 'string') timer.projectId = log.projectId;
      if (typeof log.taskId === 'string') timer.taskId = log.taskId;
      if (typeof log.description === 'string' && log.description) timer.description = log.description;
      return [timer];
    })
    .sort((a, b) => a.employeeId.localeCompare(b.employeeId));
}

/** The organization's active employees where Gauzy lets the caller list them (403 otherwise: then only their own). */
async function visibleEmployeeIds(ctx: Pick<ToolContext, 'gauzy' | 'scope'>): Promise<string[]> {
  const own = ctx.scope.employeeId ? [ctx.scope.employeeId] : [];
  const ids = new Set<string>();
  try {
    for (let page = 1; page <= MAX_EMPLOYEE_PAGES; page++) {
      const answer = await ctx.gauzy.get<{ items?: Item[]; total?: number }>(EMPLOYEE_PAGINATION, {
        query: { where: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, isActive: true }, take: EMPLOYEES_PER_PAGE, skip: page },
      });
      const items = answer?.items ?? [];
      for (const item of items) if (typeof item.id === 'string') ids.add(item.id);
      if (items.length < EMPLOYEES_PER_PAGE || ids.size >= (answer?.total ?? 0)) break;
    }
  } catch (error) {
    if (isGauzyMcpError(error, 'GMCP_ERR_GAUZY_FORBIDDEN')) return own;
    throw error;
  }
  for (const id of own) ids.add(id);
  return [...ids].sort();
}
