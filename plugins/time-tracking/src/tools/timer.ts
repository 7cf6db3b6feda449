import { defineTool, entityOutput, ok, personName, readWorkedStatus, refusalIn200, RUNNING_TIMER_ROUTES, uuid, withRefusalHints, type RefusalHint, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { TIME_TRACKING_TOOLSET as toolset, TimeLogSource, TimeLogType, timerWorkFields } from '../entities.js';

const hours = (seconds: number) => `${(seconds / 3600).toFixed(2)} h`;

const statusOutput = z.looseObject({ running: z.boolean(), duration: z.number() });

export const timerStatus = defineTool({
  name: 'timer_status',
  title: 'Timer status',
  description: 'Whether your timer (or, for admins, an employee\'s) is running, since when and on what, and how much time is tracked today.',
  toolset,
  effect: 'read',
  input: z.object({ employeeId: uuid().optional().describe('Another employee (admins only); default: you'), source: TimeLogSource.optional() }),
  output: statusOutput,
  routes: ['GET /api/timesheet/timer/status'],
  async handler({ employeeId, source }, ctx) {
    const status = await ctx.gauzy.get<{ running?: boolean; duration?: number; lastLog?: Record<string, unknown> | null }>('/api/timesheet/timer/status', {
      query: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, employeeId, source },
    });
    const running = status?.running === true;
    const duration = typeof status?.duration === 'number' ? status.duration : 0;
    const last = status?.lastLog ?? null;
    const text = running && last
      ? `Timer running since ${String(last.startedAt)}${last.description ? ` on "${String(last.description)}"` : ''}; ${hours(duration)} tracked today.`
      : `No timer running; ${hours(duration)} tracked today.`;
    return ok({ running, duration, lastLog: last }, text);
  },
});

function timerBody(ctx: ToolContext, args: Record<string, unknown>) {
  return { ...Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined)), organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
}

/**
 * Gauzy's TimerService answers 403 "The time tracking functionality has been disabled for you." when the
 * caller's employee has `isTrackingEnabled` off (so in Gauzy's demo seed for admin@ever.co). The switch sits
 * on the employee and only an admin can turn it on; manual time is a separate permission (the time-log route
 * checks the organization's "allow manual time" for the employee role only), and Gauzy accepts a manual log
 * from that same admin.
 */
const TRACKING_DISABLED = /time tracking functionality has been disabled/i;
export const TRACKING_DISABLED_HINT =
  'Time tracking is switched off for your employee in Gauzy. An admin can switch it on: in Gauzy, Employees → edit the employee → '
  + 'enable time tracking (the employee\'s isTrackingEnabled setting). Until then, add_manual_time_log records a period with its start and '
  + 'end (for the employee role, if the organization allows manual time).';

/**
 * Gauzy at the commit our route table was read at starts a timer on any task; a Gauzy that refuses a task
 * the caller is not a member of answers 403 "invalid-task-permissions" (reported against a deployed Gauzy).
 * The way out is to join the task, or to track without it.
 */
export const TASK_PERMISSION_HINT =
  'You are not assigned to this task. Assign yourself with assign_task_to_employee (your employeeId is in get_session_info), '
  + 'or start the timer on the project alone, without taskId.';

/** A task, project or client id that is no record: Gauzy answers 201 with the database's message only. */
export const UNKNOWN_WORK_HINT = 'A taskId, projectId, organizationContactId or organizationTeamId given is not a record in Gauzy. Look the task up with list_tasks (or the project with list_projects) and use its id.';

const TIMER_HINTS = [
  { code: 'GMCP_ERR_GAUZY_BAD_REQUEST', match: /FOREIGN KEY constraint|foreign key constraint/i, hint: UNKNOWN_WORK_HINT },
  { code: 'GMCP_ERR_GAUZY_FORBIDDEN', match: TRACKING_DISABLED, hint: TRACKING_DISABLED_HINT },
  { code: 'GMCP_ERR_GAUZY_FORBIDDEN', match: /invalid-task-permissions/i, hint: TASK_PERMISSION_HINT },
] as const satisfies readonly RefusalHint[];

const withTimerHints = <T>(call: () => Promise<T>) => withRefusalHints(call, TIMER_HINTS);

export const startTimer = defineTool({
  name: 'start_timer',
  title: 'Start the timer',
  description: 'Start tracking time for yourself, optionally on a project or task. A timer already running is stopped first (Gauzy does this).',
  toolset,
  effect: 'write',
  input: z.object({ ...timerWorkFields, logType: TimeLogType.default('TRACKED'), source: TimeLogSource.default('BROWSER') }),
  output: entityOutput,
  routes: ['POST /api/timesheet/timer/start'],
  async handler(args, ctx) {
    const log = await withTimerHints(async () => {
      const answer = await ctx.gauzy.post<Record<string, unknown>>('/api/timesheet/timer/start', timerBody(ctx, args));
      refusalIn200(answer);
      return answer;
    });
    return ok(log, `Timer started at ${String(log.startedAt)} (time log ${String(log.id)}).`);
  },
});

export const stopTimer = defineTool({
  name: 'stop_timer',
  title: 'Stop the timer',
  description: 'Stop your running timer; returns the finished time log with its duration. Fails with Gauzy\'s message when no timer runs.',
  toolset,
  effect: 'write',
  input: z.object({ ...timerWorkFields, logType: TimeLogType.optional(), source: TimeLogSource.default('BROWSER') }),
  output: entityOutput,
  routes: ['POST /api/timesheet/timer/stop'],
  async handler(args, ctx) {
    const log = await withTimerHints(() => ctx.gauzy.post<Record<string, unknown>>('/api/timesheet/timer/stop', timerBody(ctx, args)));
    const seconds = typeof log?.duration === 'number' ? log.duration : 0;
    return ok(log, `Timer stopped at ${String(log?.stoppedAt)}: ${hours(seconds)} logged (time log ${String(log?.id)}).`);
  },
});

export const getActiveTimers = defineTool({
  name: 'get_active_timers',
  title: 'Who is tracking time now',
  description: 'List the employees whose timer is running right now in the organization, with what and since when (an employee sees only their own).',
  toolset,
  effect: 'read',
  input: z.object({}),
  output: z.looseObject({ running: z.number(), items: z.array(z.looseObject({})) }),
  routes: [...RUNNING_TIMER_ROUTES],
  async handler(_args, ctx) {
    const items = (await readWorkedStatus(ctx)).filter((entry) => entry.running === true);
    const lines = items.map((entry) => {
      const who = personName(entry.lastLog?.employee) ?? (entry.lastLog?.employeeId as string | undefined) ?? '(employee)';
      return `- ${who} since ${String(entry.lastLog?.startedAt ?? '?')}`;
    });
    return ok({ running: items.length, items }, [items.length ? `${items.length} timer(s) running:` : 'No timer is running.', ...lines].join('\n'));
  },
});
