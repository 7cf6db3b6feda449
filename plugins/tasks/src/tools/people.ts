import { defineTool, entityFieldsParam, requireEmployeeId, entityRoute, fetchEntity, listOutput, listResult, listTool, normalizePage, pagination, readRowWindow, relationsParam, withRelations, scopeWhere, entityOutput, entityResult, updateEntity, uuid, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { TASKS_TOOLSET as toolset, TaskStatus, taskBody, taskEntity, taskFields, taskUpdate } from '../entities.js';

const pageInput = { ...pagination, fields: entityFieldsParam(taskEntity) };
// TaskService.findTeamTasks passes relations[] to TypeORM as given, so every path the entity offers works there.
const relations = relationsParam(taskEntity.include);

export const getMyTasks = listTool(taskEntity, {
  name: 'get_my_tasks',
  title: 'My tasks',
  description: 'List the tasks assigned to you (the signed-in user\'s employee), optionally by status.',
  toolset,
  route: '/api/tasks/me',
  paging: 'page',
  requiresEmployee: true,
  filters: { status: TaskStatus.optional() },
  // Gauzy answers an admin (CHANGE_SELECTED_EMPLOYEE) every assigned task unless the employee is named.
  where: ({ status }, ctx) => ({ ...(status ? { status } : {}), members: { id: requireEmployeeId(ctx, 'get_my_tasks') } }),
  noun: 'tasks assigned to you',
});

export const getTasksByEmployee = defineTool({
  name: 'get_tasks_by_employee',
  title: 'Tasks of an employee',
  description: 'List the tasks assigned to one employee, optionally by status (get_my_tasks for your own).',
  toolset,
  effect: 'read',
  input: z.object({ employeeId: uuid(), status: TaskStatus.optional(), ...pageInput }),
  output: listOutput,
  routes: ['GET /api/tasks/employee/:id'],
  async handler({ employeeId, status, take, skip, fields }, ctx) {
    const data = await ctx.gauzy.get('/api/tasks/employee/:id', { params: { id: employeeId }, query: { where: scopeWhere(ctx.scope, status ? { status } : {}) } });
    return listResult({ items: normalizePage(data).items, unpaged: true, skip, take, fields, noun: taskEntity.plural, describe: taskEntity.describe });
  },
});

export const getTeamTasks = defineTool({
  name: 'get_team_tasks',
  title: 'Tasks of a team',
  description: 'List the tasks of a team; without teamId, the tasks of every team you belong to.',
  toolset,
  effect: 'read',
  input: z.object({ teamId: uuid().optional().describe('The team (default: all your teams)'), status: TaskStatus.optional(), relations, ...pageInput }),
  output: listOutput,
  routes: ['GET /api/tasks/team', 'GET /api/organization-team/me'],
  async handler({ teamId, status, take, skip, fields, relations }, ctx) {
    let teams = teamId ? [teamId] : [];
    if (!teamId) {
      const mine = normalizePage(await ctx.gauzy.get('/api/organization-team/me', { query: { where: scopeWhere(ctx.scope), take: 100 } }));
      teams = mine.items.map((team) => String(team.id));
      if (teams.length === 0) return listResult({ items: [], total: 0, skip, take, fields, noun: 'team tasks (you belong to no team)' });
    }
    const where = scopeWhere(ctx.scope, { teams, ...(status ? { status } : {}) } as never);
    // /api/tasks/team reads skip as a 1-based page; the tool's skip is rows.
    const page = await readRowWindow(
      async (pageTake, pageNumber) =>
        normalizePage(await ctx.gauzy.get('/api/tasks/team', { query: { where, ...(relations?.length ? { relations } : {}), order: { createdAt: 'DESC' as const }, take: pageTake, skip: pageNumber } })),
      skip,
      take,
    );
    return listResult({ items: page.items, total: page.total, unpaged: !page.paged, skip, take, fields: withRelations(fields, relations), noun: 'team tasks', describe: taskEntity.describe });
  },
});

/** The task's merge update (UpdateTaskDTO is the whole task), changing only the members. */
const assignmentSpec = {
  name: 'assign_task_to_employee',
  fields: taskFields,
  bodyFields: taskUpdate.bodyFields,
  relations: taskUpdate.relations,
  body: (merged: Record<string, unknown>, _changes: Record<string, unknown>, current: Record<string, unknown>) => taskBody(merged, current),
};
const assignmentRoutes = [entityRoute(taskEntity, 'findById'), entityRoute(taskEntity, 'update')];
const assignmentInput = z.object({ taskId: uuid(), employeeId: uuid() });

async function changeAssignees(ctx: ToolContext, taskId: string, change: (current: string[]) => string[]) {
  const current = await fetchEntity(taskEntity, ctx, taskId, assignmentSpec.relations);
  const memberIds = change(((current.members as Array<{ id: string }> | undefined) ?? []).map((member) => member.id));
  return updateEntity(taskEntity, assignmentSpec, taskId, { memberIds }, ctx, current);
}

export const assignTaskToEmployee = defineTool({
  name: 'assign_task_to_employee',
  title: 'Assign a task to an employee',
  description: 'Add an employee to a task\'s assignees (others stay assigned).',
  toolset,
  effect: 'write',
  idempotent: true,
  input: assignmentInput,
  output: entityOutput,
  routes: assignmentRoutes,
  async handler({ taskId, employeeId }, ctx) {
    const task = await changeAssignees(ctx, taskId, (ids) => (ids.includes(employeeId) ? ids : [...ids, employeeId]));
    return entityResult(task, `Assigned employee ${employeeId} to`, taskEntity.noun);
  },
});

export const unassignTaskFromEmployee = defineTool({
  name: 'unassign_task_from_employee',
  title: 'Unassign an employee from a task',
  description: 'Remove one employee from a task\'s assignees (the task itself stays).',
  toolset,
  effect: 'delete',
  input: assignmentInput,
  output: entityOutput,
  routes: assignmentRoutes,
  async handler({ taskId, employeeId }, ctx) {
    const task = await changeAssignees(ctx, taskId, (ids) => ids.filter((id) => id !== employeeId));
    return entityResult(task, `Unassigned employee ${employeeId} from`, taskEntity.noun);
  },
});
