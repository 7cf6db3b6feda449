import { defineTool, entityRoute, fetchEntity, isoDate, ok, readAllPages, tally, uuid, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { PROJECTS_TOOLSET as toolset, projectEntity } from '../entities.js';

const DONE_STATUSES = new Set(['done', 'completed']);

/** Counts a project's tasks by status, reading at most 2,000 tasks (20 pages of 100). */
async function taskStatusCounts(ctx: ToolContext, projectId: string) {
  const read = await readAllPages(ctx, '/api/tasks', { projectId });
  const byStatus = tally(read.items, 'status');
  const done = Object.entries(byStatus).reduce((sum, [status, count]) => sum + (DONE_STATUSES.has(status) ? count : 0), 0);
  const counted = read.items.length - (byStatus.cancelled ?? 0);
  return { byStatus, total: read.total, done, percentComplete: counted > 0 ? Math.round((done / counted) * 1000) / 10 : 0, partial: read.partial };
}

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
  routes: [entityRoute(projectEntity, 'findById'), 'GET /api/tasks'],
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

interface TimeLogRow {
  projectId?: string | null;
  employeeId?: string;
  startedAt?: string;
  stoppedAt?: string | null;
  duration?: number;
}

function seconds(log: TimeLogRow): number {
  if (typeof log.duration === 'number') return log.duration;
  if (!log.startedAt) return 0;
  const end = log.stoppedAt ? Date.parse(log.stoppedAt) : Date.now();
  return Math.max(0, Math.round((end - Date.parse(log.startedAt)) / 1000));
}

export const getProjectStatistics = defineTool({
  name: 'get_project_statistics',
  title: 'Project statistics',
  description: 'Tracked time per project (and per employee) over a date range, plus task progress when one project is given. Defaults to the last 30 days.',
  toolset,
  effect: 'read',
  input: z.object({
    projectId: uuid().optional().describe('One project; omit for all projects'),
    employeeId: uuid().optional().describe('Only time tracked by this employee'),
    startDate: isoDate().optional().describe('Start of the range (default: 30 days ago)'),
    endDate: isoDate().optional().describe('End of the range (default: now)'),
  }),
  output: z.looseObject({ startDate: z.string(), endDate: z.string(), trackedSeconds: z.number(), projects: z.array(z.looseObject({ projectId: z.string().nullable(), trackedSeconds: z.number() })) }),
  routes: ['GET /api/timesheet/time-log', entityRoute(projectEntity, 'findById'), 'GET /api/tasks'],
  async handler({ projectId, employeeId, startDate, endDate }, ctx) {
    const end = endDate ? new Date(endDate) : new Date();
    const start = startDate ? new Date(startDate) : new Date(end.getTime() - 30 * 24 * 3600 * 1000);
    const logs = await ctx.gauzy.get<TimeLogRow[]>('/api/timesheet/time-log', {
      query: {
        organizationId: ctx.scope.organizationId,
        tenantId: ctx.scope.tenantId,
        startDate: start.toISOString(),
        endDate: end.toISOString(),
        ...(projectId ? { projectIds: [projectId] } : {}),
        ...(employeeId ? { employeeIds: [employeeId] } : {}),
      },
    });
    const perProject = new Map<string | null, { trackedSeconds: number; employees: Map<string, number> }>();
    let trackedSeconds = 0;
    for (const log of Array.isArray(logs) ? logs : []) {
      const key = log.projectId ?? null;
      const entry = perProject.get(key) ?? { trackedSeconds: 0, employees: new Map<string, number>() };
      const duration = seconds(log);
      entry.trackedSeconds += duration;
      if (log.employeeId) entry.employees.set(log.employeeId, (entry.employees.get(log.employeeId) ?? 0) + duration);
      perProject.set(key, entry);
      trackedSeconds += duration;
    }
    const projects = [...perProject.entries()]
      .map(([id, entry]) => ({ projectId: id, trackedSeconds: entry.trackedSeconds, employees: [...entry.employees.entries()].map(([employee, secs]) => ({ employeeId: employee, trackedSeconds: secs })) }))
      .sort((a, b) => b.trackedSeconds - a.trackedSeconds);
    const structured: Record<string, unknown> = { startDate: start.toISOString(), endDate: end.toISOString(), trackedSeconds, projects };
    let text = `${(trackedSeconds / 3600).toFixed(1)} h tracked from ${start.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)} across ${projects.length} project(s).`;
    if (projectId) {
      const project = await fetchEntity(projectEntity, ctx, projectId);
      const counts = await taskStatusCounts(ctx, projectId);
      structured.project = { id: projectId, name: project.name, status: project.status };
      structured.tasks = { total: counts.total, done: counts.done, byStatus: counts.byStatus, percentComplete: counts.percentComplete };
      text += ` ${String(project.name)}: ${counts.percentComplete}% of tasks done (${counts.done}/${counts.total}).`;
    }
    return ok(structured, text);
  },
});
