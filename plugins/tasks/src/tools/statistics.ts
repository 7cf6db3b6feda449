import { defineTool, entityRoute, isoDate, normalizePage, ok, readAllPages, scopeWhere, tally, uuid, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { TASKS_TOOLSET as toolset, taskEntity } from '../entities.js';

const CLOSED = new Set(['done', 'completed', 'cancelled']);

type Task = Record<string, unknown>;

async function readTasks(ctx: ToolContext, projectId: string | undefined, employeeId: string | undefined): Promise<{ tasks: Task[]; total: number }> {
  if (employeeId) {
    const data = await ctx.gauzy.get('/api/tasks/employee/:id', { params: { id: employeeId }, query: { where: scopeWhere(ctx.scope, projectId ? { projectId } : {}) } });
    const all = normalizePage(data).items;
    return { tasks: all, total: all.length };
  }
  const read = await readAllPages(ctx, taskEntity.path, projectId ? { projectId } : {});
  return { tasks: read.items, total: read.total };
}

export const getTaskStatistics = defineTool({
  name: 'get_task_statistics',
  title: 'Task statistics',
  description: 'Tasks counted by status, priority and type, with open, overdue and estimated hours: for the organization, a project or an employee, optionally by creation date.',
  toolset,
  effect: 'read',
  input: z.object({
    projectId: uuid().optional().describe('Only this project'),
    employeeId: uuid().optional().describe('Only tasks assigned to this employee'),
    startDate: isoDate().optional().describe('Only tasks created on or after this date'),
    endDate: isoDate().optional().describe('Only tasks created on or before this date'),
  }),
  output: z.looseObject({ total: z.number(), byStatus: z.record(z.string(), z.number()), open: z.number(), overdue: z.number() }),
  routes: [entityRoute(taskEntity, 'findAll'), 'GET /api/tasks/employee/:id'],
  async handler({ projectId, employeeId, startDate, endDate }, ctx) {
    const read = await readTasks(ctx, projectId, employeeId);
    const from = startDate ? Date.parse(startDate) : -Infinity;
    const to = endDate ? Date.parse(endDate) : Infinity;
    const tasks = read.tasks.filter((task) => {
      const created = typeof task.createdAt === 'string' ? Date.parse(task.createdAt) : NaN;
      return Number.isNaN(created) || (created >= from && created <= to);
    });
    const now = Date.now();
    const open = tasks.filter((task) => !CLOSED.has(String(task.status)));
    const overdue = open.filter((task) => typeof task.dueDate === 'string' && Date.parse(task.dueDate) < now);
    const estimateSeconds = tasks.reduce((sum, task) => sum + (typeof task.estimate === 'number' ? task.estimate : 0), 0);
    const byStatus = tally(tasks, 'status');
    const partial = read.tasks.length < read.total;
    return ok(
      { total: tasks.length, byStatus, byPriority: tally(tasks, 'priority'), byIssueType: tally(tasks, 'issueType'), open: open.length, overdue: overdue.length, estimatedHours: Math.round(estimateSeconds / 360) / 10, partial },
      `${tasks.length} task(s): ${Object.entries(byStatus).map(([status, count]) => `${status} ${count}`).join(', ') || 'none'}; ${open.length} open, ${overdue.length} overdue.${partial ? ' (Counted the first 2,000 tasks only.)' : ''}`,
    );
  },
});
