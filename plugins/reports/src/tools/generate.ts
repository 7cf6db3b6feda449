import { defineTool, formatSeconds, GauzyMcpError, hoursOf, isoDate, labelWithId, ok, readAllPages, summarizeDailyReport, uuid, type DailyReportDay, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { REPORTS_TOOLSET as toolset } from '../entities.js';

type Item = Record<string, unknown>;

const DAY_MS = 86_400_000;
const DONE_STATUSES = ['done', 'completed'] as const;
/** Completed tasks named in the answer; the count covers them all. */
const TASKS_SHOWN = 20;

/** Monday 00:00 UTC of the week holding `date`. */
function mondayOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

/** The period asked for: a week from its Monday or one day by default, startDate/endDate when given (whole days, UTC). */
export function reportPeriod(kind: 'weekly' | 'daily', startDate: string | undefined, endDate: string | undefined, now = new Date()) {
  const start = startDate ? new Date(`${startDate.slice(0, 10)}T00:00:00.000Z`) : kind === 'weekly' ? mondayOf(now) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const lastDay = endDate ? new Date(`${endDate.slice(0, 10)}T00:00:00.000Z`) : new Date(start.getTime() + (kind === 'weekly' ? 6 : 0) * DAY_MS);
  return { start, end: new Date(lastDay.getTime() + DAY_MS - 1) };
}

/**
 * Tasks marked done or completed whose last change falls in the period. Gauzy keeps no completion date, so
 * the last update stands for it; each status is read (up to 500 tasks) and filtered here.
 */
async function completedTasks(ctx: ToolContext, start: Date, end: Date, projectIds: readonly string[] | undefined) {
  const reads = await Promise.all(DONE_STATUSES.map((status) => readAllPages(ctx, '/api/tasks', { status }, { maxPages: 5 })));
  const items = reads
    .flatMap((read) => read.items)
    .filter((task) => {
      const changed = Date.parse(String(task.updatedAt ?? ''));
      return changed >= start.getTime() && changed <= end.getTime() && (!projectIds?.length || projectIds.includes(String(task.projectId)));
    })
    .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)))
    .map((task) => ({ id: task.id, title: task.title, status: task.status, projectId: task.projectId ?? null, updatedAt: task.updatedAt }));
  return { count: items.length, items: items.slice(0, TASKS_SHOWN), partial: reads.some((read) => read.partial) };
}

const rows = z.array(z.looseObject({}));

export const generateReport = defineTool({
  name: 'generate_report',
  title: 'Weekly or daily report',
  description:
    'A status-mail summary of a week (default: this one) or a day: hours per project and per employee with totals, who went over overHours, hours per day and the tasks completed. Single logs: get_time_logs.',
  toolset,
  effect: 'read',
  input: z.object({
    kind: z.enum(['weekly', 'daily']).default('weekly'),
    startDate: isoDate().optional().describe('First day (default: this Monday, or today for daily)'),
    endDate: isoDate().optional().describe('Last day (default: a week or a day on)'),
    groupBy: z.enum(['project', 'employee']).default('project'),
    overHours: z.number().nonnegative().optional().describe('Flag employees above this (default 40 weekly, 8 daily)'),
    employeeIds: z.array(uuid()).max(100).optional(),
    projectIds: z.array(uuid()).max(100).optional(),
  }),
  output: z.looseObject({ period: z.looseObject({}), totalSeconds: z.number(), byProject: rows, byEmployee: rows, days: rows, employeesOver: rows, completedTasks: z.looseObject({}) }),
  routes: ['GET /api/timesheet/time-log/report/daily', 'GET /api/tasks'],
  async handler({ kind, startDate, endDate, groupBy, overHours, employeeIds, projectIds }, ctx) {
    const { start, end } = reportPeriod(kind, startDate, endDate);
    if (end < start) throw invalidRange();
    const query = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, startDate: start.toISOString(), endDate: end.toISOString(), employeeIds, projectIds };
    const [report, tasks] = await Promise.all([
      ctx.gauzy.get<DailyReportDay[]>('/api/timesheet/time-log/report/daily', { query }),
      completedTasks(ctx, start, end, projectIds),
    ]);
    const summary = summarizeDailyReport(Array.isArray(report) ? report : []);
    const limit = overHours ?? (kind === 'weekly' ? 40 : 8);
    const names = new Map(summary.byEmployee.map((entry) => [entry.id, entry.name]));
    const projectNames = new Map(summary.byProject.map((entry) => [entry.id, entry.name]));
    const withPeople = summary.byProject.map((project) => ({ ...project, employees: project.employees.map((share) => ({ id: share.id, name: names.get(share.id) ?? 'Unknown employee', seconds: share.seconds, hours: share.hours })) }));
    const withProjects = summary.byEmployee.map((employee) => ({
      ...employee,
      projects: withPeople.flatMap((project) => project.employees.filter((share) => share.id === employee.id).map((share) => ({ id: project.id, name: project.name, seconds: share.seconds, hours: share.hours }))),
    }));
    // The breakdown once, under the grouping asked for; the other list keeps its totals only.
    const byProject = groupBy === 'project' ? withPeople : withPeople.map(({ employees: _employees, ...project }) => project);
    const byEmployee = groupBy === 'employee' ? withProjects : withProjects.map(({ projects: _projects, ...employee }) => employee);
    const employeesOver = byEmployee.filter((employee) => employee.hours > limit).map(({ id, name, seconds, hours }) => ({ id, name, seconds, hours }));
    const days = summary.days.map(({ date, seconds, hours }) => ({ date, seconds, hours }));
    const period = { kind, startDate: start.toISOString(), endDate: end.toISOString() };
    const structured = { period, totalSeconds: summary.totalSeconds, totalHours: hoursOf(summary.totalSeconds), employeeCount: byEmployee.length, projectCount: byProject.length, groupBy, overHours: limit, byProject, byEmployee, days, employeesOver, completedTasks: tasks };

    const range = `${period.startDate.slice(0, 10)} to ${period.endDate.slice(0, 10)}`;
    const share = (entry: { seconds: number; percent: number }) => `${formatSeconds(entry.seconds)}, ${entry.percent}%`;
    const table =
      groupBy === 'project'
        ? ['By project:', ...withPeople.map((project) => `- ${labelWithId(project)}: ${share(project)} — ${project.employees.map((who) => `${who.name} ${hoursOf(who.seconds).toFixed(2)} h`).join(', ')}`)]
        : ['By employee:', ...withProjects.map((employee) => `- ${labelWithId(employee)}: ${share(employee)} — ${employee.projects.map((project) => `${project.name} ${hoursOf(project.seconds).toFixed(2)} h`).join(', ')}`)];
    const taskLine = (task: Item) => `${String(task.title)} (id ${String(task.id)})${task.projectId ? ` · ${projectNames.get(String(task.projectId)) ?? `project ${String(task.projectId)}`}` : ''}`;
    const lines = [
      `${kind === 'weekly' ? 'Weekly' : 'Daily'} report ${range}: ${formatSeconds(summary.totalSeconds)} tracked by ${byEmployee.length} employee(s) on ${byProject.length} project(s).`,
      ...(summary.totalSeconds > 0 ? table : []),
      `Over ${limit} h: ${employeesOver.length ? employeesOver.map((employee) => `${labelWithId(employee)} ${formatSeconds(employee.seconds)}`).join('; ') : 'nobody'}.`,
      ...(days.length ? [`Per day: ${days.map((day) => `${day.date} ${hoursOf(day.seconds).toFixed(2)} h`).join('; ')}.`] : []),
      `Tasks completed (done or completed, last changed in the period; Gauzy keeps no completion date): ${tasks.count}${tasks.count ? `: ${tasks.items.map(taskLine).join('; ')}${tasks.count > tasks.items.length ? `; and ${tasks.count - tasks.items.length} more` : ''}` : ''}.${tasks.partial ? ' Only the first 500 tasks of each status were read.' : ''}`,
    ];
    return ok(structured, lines.join('\n'));
  },
});

function invalidRange() {
  return new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['generate_report'], { issues: [{ field: 'endDate', message: 'must not be before startDate' }], fields: ['endDate'] });
}
