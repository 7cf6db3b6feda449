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

/** The route {@link readRunningTimers} calls, for a tool's or resource's `routes`. */
export const TIMER_STATUS_WORKED_ROUTE: RouteRef = 'GET /api/timesheet/timer/status/worked';

type Item = Record<string, unknown>;

/**
 * The timers running now that the caller may see: Gauzy's worked status answers each employee's last log, for
 * everyone to a caller who may see other employees (an admin), for themselves to anyone else. Sorted by employee,
 * so two reads of the same state are the same.
 */
export async function readRunningTimers(ctx: Pick<ToolContext, 'gauzy' | 'scope'>): Promise<RunningTimer[]> {
  const answer = await ctx.gauzy.get<unknown>('/api/timesheet/timer/status/worked', {
    query: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, relations: ['employee', 'employee.user'] },
  });
  const entries = (Array.isArray(answer) ? answer : []) as Item[];
  return entries
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
