import { defineTool, entityRoute, fetchEntity, formatSeconds, isoDate, labelWithId, ok, readAllPages, summarizeDailyReport, tally, uuid, type DailyReportDay, type TimeShare, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { PROJECTS_TOOLSET as toolset, projectEntity } from '../entities.js';

const DONE_STATUSES = new Set(['done', 'completed']);

/** Counts a project's tasks by status, reading at most 2,000 tasks (20 pages of 100). */
export async function taskStatusCounts(ctx: ToolContext, projectId: string) {
  const read = await readAllPages(ctx, '/api/tasks', { projectId });
  const byStatus = tally(read.items, 'status');
  const done = Object.entries(byStatus).reduce((sum, [status, count]) => sum + (DONE_STATUSES.has(status) ? count : 0), 0);
  const counted = read.items.length - (byStatus.cancelled ?? 0);
  return { byStatus, total: read.total, done, percentComplete: counted > 0 ? Math.round((done / counted) * 1000) / 10 : 0, partial: read.partial };
}

/** What a project's progress reads: the project, and its tasks. */
export const PROGRESS_ROUTES = [entityRoute(projectEntity, 'findById'), 'GET /api/tasks'] as const;

const progressOutput = z.looseObject({
  projectId: z.string(),
  name: z.string().optional(),
  tasks: z.object({ total: z.number(), done: z.number(), byStatus: z.record(z.string(), z.number()), partial: z.boolean() }),
  percentComplete: z.number(),
});

export const getProjectProgress = defineTool({
  name: 'get_project_progress',
  title: 'Project progress',
  description: 'How far a project is: its tasks counted by status and the share done (done or completed, cancelled tasks left out).',
  toolset,
  effect: 'read',
  input: z.object({ projectId: uuid().describe('The project') }),
  output: progressOutput,
  routes: PROGRESS_ROUTES,
  async handler({ projectId }, ctx) {
    const project = await fetchEntity(projectEntity, ctx, projectId);
    const counts = await taskStatusCounts(ctx, projectId);
    const summary = Object.entries(counts.byStatus).map(([status, count]) => `${status} ${count}`).join(', ') || 'no tasks';
    return ok(
      { projectId, name: project.name, status: project.status, tasks: { total: counts.total, done: counts.done, byStatus: counts.byStatus, partial: counts.partial }, percentComplete: counts.percentComplete },
      `${String(project.name)}: ${counts.percentComplete}% complete (${counts.done} of ${counts.total} tasks done; ${summary})${counts.partial ? ' — counted the first 2,000 tasks only' : ''}.`,
    );
  },
});

/** "3.00 h (10800 s), 42.9%": the time and its share of the total. */
const span = (entry: TimeShare) => `${formatSeconds(entry.seconds)}, ${entry.percent}%`;

/*
 * Gauzy's daily report is the route that answers time already summed per project and employee, with the
 * employee's user joined, so the names come in the same call (the time-log list gives bare ids).
 */

// Lean on purpose: tools/list carries this schema into every conversation; the rows' shape ({ id, name, seconds, hours, percent }) is in the text.
const rows = z.array(z.looseObject({}));

/** A project's people on its line: the five with the most time by name, then how many more (all of them are in the structured result). */
const TOP_PEOPLE = 5;
function topPeople(people: ReadonlyArray<{ id: string | null; seconds: number; hours: number; percent: number }>, named: readonly TimeShare[]): string {
  const nameOf = new Map(named.map((entry) => [entry.id, entry.name]));
  const shown = people.slice(0, TOP_PEOPLE).map((person) => `${nameOf.get(person.id) ?? 'Unknown employee'} ${formatSeconds(person.seconds)}, ${person.percent}%`);
  return [...shown, ...(people.length > TOP_PEOPLE ? [`${people.length - TOP_PEOPLE} more`] : [])].join('; ');
}


export const getProjectStatistics = defineTool({
  name: 'get_project_statistics',
  title: 'Project statistics',
  description: 'Tracked time per project and per employee (hours, share) over a date range, plus task progress when one project is given. Defaults to the last 30 days.',
  toolset,
  effect: 'read',
  input: z.object({
    projectId: uuid().optional().describe('One project; omit for all projects'),
    employeeId: uuid().optional().describe('Only time tracked by this employee'),
    startDate: isoDate().optional().describe('Start of the range (default: 30 days ago)'),
    endDate: isoDate().optional().describe('End of the range (default: now)'),
  }),
  output: z.looseObject({ period: z.looseObject({}), totalSeconds: z.number(), byEmployee: rows, byProject: rows }),
  routes: ['GET /api/timesheet/time-log/report/daily', entityRoute(projectEntity, 'findById'), 'GET /api/tasks'],
  async handler({ projectId, employeeId, startDate, endDate }, ctx) {
    const end = endDate ? new Date(endDate) : new Date();
    const start = startDate ? new Date(startDate) : new Date(end.getTime() - 30 * 24 * 3600 * 1000);
    const report = await ctx.gauzy.get<DailyReportDay[]>('/api/timesheet/time-log/report/daily', {
      query: {
        organizationId: ctx.scope.organizationId,
        tenantId: ctx.scope.tenantId,
        startDate: start.toISOString(),
        endDate: end.toISOString(),
        ...(projectId ? { projectIds: [projectId] } : {}),
        ...(employeeId ? { employeeIds: [employeeId] } : {}),
      },
    });
    // Per project and employee; the days are the daily report's to show.
    const { days: _days, ...summary } = summarizeDailyReport(Array.isArray(report) ? report : []);
    const period = { startDate: start.toISOString(), endDate: end.toISOString() };
    const structured: Record<string, unknown> = { period, ...summary };
    const range = `from ${period.startDate.slice(0, 10)} to ${period.endDate.slice(0, 10)}`;
    const lines = summary.totalSeconds === 0 && summary.byEmployee.length === 0
      ? [`No time tracked ${range}.`]
      : [
        `${summary.totalHours.toFixed(2)} h (${summary.totalSeconds} s) tracked ${range}.`,
        'By employee:',
        ...summary.byEmployee.map((entry) => `- ${labelWithId(entry)}: ${span(entry)}`),
        'By project:',
        // With several projects, each one's people too (their share of that project); with one, that is the list above.
        ...summary.byProject.map((entry) => `- ${labelWithId(entry)}: ${span(entry)}${summary.byProject.length > 1 ? `; ${topPeople(entry.employees, summary.byEmployee)}` : ''}`),
      ];
    if (projectId) {
      const project = await fetchEntity(projectEntity, ctx, projectId);
      const counts = await taskStatusCounts(ctx, projectId);
      structured.project = { id: projectId, name: project.name, status: project.status };
      structured.tasks = { total: counts.total, done: counts.done, byStatus: counts.byStatus, percentComplete: counts.percentComplete };
      lines.push(`${String(project.name)}: ${counts.percentComplete}% of tasks done (${counts.done}/${counts.total}).`);
    }
    return ok(structured, lines.join('\n'));
  },
});
