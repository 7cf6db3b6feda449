import { crudServiceCannotRecover, defineEntity, isoDate, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

/*
 * The testkit may not import a pack, so its own tests describe Gauzy's tasks and projects here, bare (no
 * sandbox hooks): enough for the routes, guards, paging and relations every entity shares. What only the
 * packs' hooks model (numbering, column defaults, Gauzy's exact DTOs) is tested in host/test/sandbox.
 */

export const testTaskEntity = defineEntity({
  name: 'task',
  gauzyClass: 'Task',
  noun: 'task',
  plural: 'tasks',
  path: '/api/tasks',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  fields: {
    title: z.string().max(2000),
    status: z.string(),
    description: z.string().optional(),
    estimate: z.number().int().min(0).optional(),
    dueDate: isoDate().optional(),
    projectId: uuid().optional(),
    parentId: uuid().optional(),
  },
  softDelete: crudServiceCannotRecover('tasks'),
  relations: {
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
    members: { kind: 'manyToMany', entity: 'employee', key: 'memberIds' },
    teams: { kind: 'manyToMany', entity: 'organizationTeam', key: 'teamIds' },
    tags: { kind: 'manyToMany', entity: 'tag', key: 'tagIds' },
    parent: { kind: 'manyToOne', entity: 'task', key: 'parentId' },
    children: { kind: 'oneToMany', entity: 'task', key: 'parentId' },
    createdByUser: { kind: 'manyToOne', entity: 'user', key: 'createdByUserId' },
  },
});

export const testProjectEntity = defineEntity({
  name: 'organizationProject',
  gauzyClass: 'OrganizationProject',
  noun: 'project',
  plural: 'projects',
  path: '/api/organization-projects',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  fields: { name: z.string(), billing: z.enum(['RATE', 'FLAT_FEE', 'MILESTONES']).optional() },
  softDelete: crudServiceCannotRecover('projects'),
  relations: {
    members: { kind: 'oneToMany', entity: 'organizationProjectEmployee', key: 'organizationProjectId' },
    tasks: { kind: 'oneToMany', entity: 'task', key: 'projectId' },
    teams: { kind: 'manyToMany', entity: 'organizationTeam', key: 'projectIds', inverse: true },
    tags: { kind: 'manyToMany', entity: 'tag', key: 'tagIds' },
    organizationContact: { kind: 'manyToOne', entity: 'organizationContact', key: 'organizationContactId' },
  },
});

export const WORK_ENTITIES = [testTaskEntity, testProjectEntity];
