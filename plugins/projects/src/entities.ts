import { crudServiceCannotRecover, defineEntity, formatValue, isoDate, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const PROJECTS_TOOLSET = 'projects';
/** The bulk tools: not a default toolset, since they are large and rarely needed (the single-record tools do the same one by one). */
export const PROJECTS_BULK_TOOLSET = 'projects-bulk';

/** Gauzy's enum values, exactly (see the API contract, OrganizationProject). */
export const ProjectStatus = z.enum(['open', 'in-progress', 'completed', 'cancelled', 'custom']);
export const ProjectBilling = z.enum(['RATE', 'FLAT_FEE', 'MILESTONES']);
export const ProjectBudgetType = z.enum(['hours', 'cost']);
export const ProjectOwner = z.enum(['CLIENT', 'INTERNAL']);
export const TaskListType = z.enum(['GRID', 'SPRINT']);

/** Fields a caller may set on a project (create and update). */
export const projectFields = {
  name: z.string().min(1).max(255),
  description: z.string().max(5000).optional(),
  code: z.string().max(50).optional().describe('Short project code'),
  color: z.string().max(20).optional().describe('Display color, e.g. #1e88e5'),
  status: ProjectStatus.optional(),
  billing: ProjectBilling.optional().describe('How the project is billed'),
  billable: z.boolean().optional(),
  budgetType: ProjectBudgetType.optional(),
  budget: z.number().min(0).optional().describe('Budget in hours or in currency, per budgetType'),
  currency: z.string().length(3).optional().describe('ISO 4217 code, e.g. USD'),
  owner: ProjectOwner.optional(),
  public: z.boolean().optional(),
  startDate: isoDate().optional(),
  endDate: isoDate().optional(),
  taskListType: TaskListType.optional(),
  organizationContactId: uuid().optional().describe('Client (organization contact)'),
  memberIds: z.array(uuid()).max(200).optional().describe('Employee ids to make project members'),
  managerIds: z.array(uuid()).max(50).optional().describe('Employee ids to make project managers'),
};

/** What PUT /api/organization-projects/:id accepts, carried over from the current record on update. */
export const projectUpdateBodyFields = ['name', 'billing', 'budgetType', 'taskListType'] as const;

type Item = Record<string, unknown>;

/** A project on one line: name, status, client, budget, dates and team size, what "how are the projects doing" asks. */
function describeProject(project: Item): string {
  const client = refLabel(project.organizationContact);
  const budget = typeof project.budget === 'number' && project.budget > 0 ? `budget ${project.budget} ${project.budgetType === 'cost' ? String(project.currency ?? '') : 'h'}`.trim() : '';
  const dates = project.startDate || project.endDate ? `${project.startDate ? formatValue(project.startDate) : '…'} to ${project.endDate ? formatValue(project.endDate) : '…'}` : '';
  const members = typeof project.membersCount === 'number' ? `${project.membersCount} member${project.membersCount === 1 ? '' : 's'}` : '';
  const facts = [client ? `client ${client}` : '', budget, dates, members].filter(Boolean);
  return `${String(project.name ?? '(unnamed)')}${project.status ? ` [${String(project.status)}]` : ''} (id ${String(project.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

export const projectEntity = defineEntity({
  name: 'organizationProject',
  gauzyClass: 'OrganizationProject',
  noun: 'project',
  plural: 'projects',
  path: '/api/organization-projects',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  fields: projectFields,
  columns: ['membersCount'],
  // Members and managers are set as id lists and come back as the members relation.
  inputOnly: ['memberIds', 'managerIds'],
  search: { field: 'name', operation: 'pagination' },
  filters: {
    status: ProjectStatus.optional(),
    billing: ProjectBilling.optional(),
    public: z.boolean().optional(),
    organizationContactId: uuid().optional().describe('Only projects for this client'),
  },
  update: { mode: 'merge', bodyFields: projectUpdateBodyFields },
  // Archive = DELETE /:id/soft; Gauzy's generic recover route cannot find what it archived.
  softDelete: crudServiceCannotRecover('projects'),
  relations: {
    members: { kind: 'oneToMany', entity: 'organizationProjectEmployee', key: 'organizationProjectId' },
    tasks: { kind: 'oneToMany', entity: 'task', key: 'projectId' },
    teams: { kind: 'manyToMany', entity: 'organizationTeam', key: 'projectIds', inverse: true },
    tags: { kind: 'manyToMany', entity: 'tag', key: 'tagIds' },
    organizationContact: { kind: 'manyToOne', entity: 'organizationContact', key: 'organizationContactId' },
  },
  include: ['members', 'members.employee', 'tags', 'teams', 'organizationContact', 'tasks'],
  // The list's answer carries the total: counting is the same job.
  aliases: { list: ['get_projects', 'get_project_count'], get: ['get_project'] },
  describe: describeProject,
  summaryRelations: ['organizationContact'],
});
