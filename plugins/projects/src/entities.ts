import { crudServiceCannotRecover, defineEntity, isoDate, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const PROJECTS_TOOLSET = 'projects';

/** Gauzy's enum values, exactly (see the API contract, OrganizationProject). */
export const ProjectStatus = z.enum(['open', 'in-progress', 'completed', 'cancelled', 'custom']);
export const ProjectBilling = z.enum(['RATE', 'FLAT_FEE', 'MILESTONES']);
export const ProjectBudgetType = z.enum(['hours', 'cost']);
export const ProjectOwner = z.enum(['CLIENT', 'INTERNAL']);
export const TaskListType = z.enum(['GRID', 'SPRINT']);

export const projectEntity = defineEntity({
  noun: 'project',
  plural: 'projects',
  // Archive = DELETE /:id/soft; Gauzy's generic recover route cannot find what it archived.
  softDelete: crudServiceCannotRecover('projects'),
  path: '/api/organization-projects',
  relations: ['members', 'members.employee', 'tags', 'teams', 'organizationContact', 'tasks'],
});

/** Fields a caller may set on a project (create and update). */
export const projectFields = {
  name: z.string().min(1).max(255).describe('Project name'),
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
  organizationContactId: uuid().optional().describe('Client (organization contact) the project is for'),
  memberIds: z.array(uuid()).max(200).optional().describe('Employee ids to make project members'),
  managerIds: z.array(uuid()).max(50).optional().describe('Employee ids to make project managers'),
};

/** What PUT /api/organization-projects/:id accepts, carried over from the current record on update. */
export const projectUpdateBodyFields = ['name', 'billing', 'budgetType', 'taskListType'] as const;
