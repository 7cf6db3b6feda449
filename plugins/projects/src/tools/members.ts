import { defineTool, GauzyMcpError, requireEmployeeId, listOutput, listResult, ok, pagination, runBulk, bulkOutput, uuid, entityFieldsParam, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { PROJECTS_BULK_TOOLSET as bulkToolset, PROJECTS_TOOLSET as toolset, projectEntity } from '../entities.js';

const ASSIGN_ROUTE = '/api/organization-projects/employee';
const BY_EMPLOYEE_ROUTE = '/api/organization-projects/employee/:employeeId';

/** Gauzy's one route for project membership: add or remove project ids for one employee. */
async function changeMembership(ctx: ToolContext, employeeId: string, change: { added?: string[]; removed?: string[] }) {
  const done = await ctx.gauzy.put<boolean>(ASSIGN_ROUTE, {
    addedProjectIds: change.added ?? [],
    removedProjectIds: change.removed ?? [],
    member: { id: employeeId },
    organizationId: ctx.scope.organizationId,
    tenantId: ctx.scope.tenantId,
  });
  if (done === false) throw new GauzyMcpError('GMCP_ERR_GAUZY_CONFLICT', ['membership not changed'], { gauzyMessages: ['Gauzy answered false'] });
  return { id: employeeId };
}

const membershipInput = z.object({ projectId: uuid(), employeeId: uuid() });
const membershipOutput = z.object({ projectId: z.string(), employeeId: z.string(), member: z.boolean() });

export const assignProjectToEmployee = defineTool({
  name: 'assign_project_to_employee',
  title: 'Add an employee to a project',
  description: 'Make an employee a member of a project.',
  toolset,
  effect: 'write',
  idempotent: true,
  input: membershipInput,
  output: membershipOutput,
  routes: [`PUT ${ASSIGN_ROUTE}`],
  async handler({ projectId, employeeId }, ctx) {
    await changeMembership(ctx, employeeId, { added: [projectId] });
    return ok({ projectId, employeeId, member: true }, `Employee ${employeeId} is now a member of project ${projectId}.`);
  },
});

export const unassignProjectFromEmployee = defineTool({
  name: 'unassign_project_from_employee',
  title: 'Remove an employee from a project',
  description: 'Remove one employee from the members of one project (the employee and project themselves stay).',
  toolset,
  effect: 'delete',
  input: membershipInput,
  output: membershipOutput,
  routes: [`PUT ${ASSIGN_ROUTE}`],
  async handler({ projectId, employeeId }, ctx) {
    await changeMembership(ctx, employeeId, { removed: [projectId] });
    return ok({ projectId, employeeId, member: false }, `Employee ${employeeId} is no longer a member of project ${projectId}.`);
  },
});

export const bulkAssignProjectToEmployees = defineTool({
  name: 'bulk_assign_project_to_employees',
  title: 'Add several employees to a project',
  description: 'Make up to 50 employees members of one project; reports each employee\'s outcome.',
  toolset: bulkToolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ projectId: uuid(), employeeIds: z.array(uuid()).min(1).max(50).describe('Employees to add') }),
  output: bulkOutput,
  routes: [`PUT ${ASSIGN_ROUTE}`],
  async handler({ projectId, employeeIds }, ctx) {
    return runBulk(employeeIds, ctx, (employeeId) => changeMembership(ctx, employeeId, { added: [projectId] }), { noun: 'employees', verb: 'Assigned' });
  },
});

async function projectsOfEmployee(ctx: ToolContext, employeeId: string) {
  const data = await ctx.gauzy.get<Array<Record<string, unknown>>>(BY_EMPLOYEE_ROUTE, {
    params: { employeeId },
    query: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId },
  });
  if (!Array.isArray(data)) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected a list of projects']);
  return data;
}

const pageInput = { ...pagination, fields: entityFieldsParam(projectEntity) };

export const getProjectsByEmployee = defineTool({
  name: 'get_projects_by_employee',
  title: 'Projects of an employee',
  description: 'List the projects one employee is a member of (get_my_projects for your own).',
  toolset,
  effect: 'read',
  input: z.object({ employeeId: uuid(), ...pageInput }),
  output: listOutput,
  routes: [`GET ${BY_EMPLOYEE_ROUTE}`],
  async handler({ employeeId, take, skip, fields }, ctx) {
    const items = await projectsOfEmployee(ctx, employeeId);
    return listResult({ items, unpaged: true, skip, take, fields, noun: projectEntity.plural });
  },
});

export const getMyProjects = defineTool({
  name: 'get_my_projects',
  title: 'My projects',
  description: 'List the projects you (the signed-in user\'s employee) are a member of.',
  toolset,
  effect: 'read',
  input: z.object(pageInput),
  output: listOutput,
  routes: [`GET ${BY_EMPLOYEE_ROUTE}`],
  async handler({ take, skip, fields }, ctx) {
    const items = await projectsOfEmployee(ctx, requireEmployeeId(ctx, 'get_my_projects'));
    return listResult({ items, unpaged: true, skip, take, fields, noun: projectEntity.plural });
  },
});

export const getMyTeamProjects = defineTool({
  name: 'get_my_team_projects',
  title: 'Projects of my teams',
  description: 'List the projects of every team you belong to, each with the teams it comes from.',
  toolset,
  effect: 'read',
  input: z.object(pageInput),
  output: listOutput,
  routes: ['GET /api/organization-team/me'],
  async handler({ take, skip, fields }, ctx) {
    const data = await ctx.gauzy.get<{ items?: Array<{ id: string; name?: string; projects?: Array<Record<string, unknown>> }> }>('/api/organization-team/me', {
      query: { where: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, relations: ['projects'], take: 100 },
    });
    const byId = new Map<string, Record<string, unknown> & { teams: string[] }>();
    for (const team of data?.items ?? []) {
      for (const project of team.projects ?? []) {
        const id = String(project.id);
        const entry = byId.get(id) ?? { ...project, teams: [] };
        entry.teams.push(team.name ?? team.id);
        byId.set(id, entry);
      }
    }
    const items = [...byId.values()];
    return listResult({ items, unpaged: true, skip, take, fields, noun: 'team projects' });
  },
});
