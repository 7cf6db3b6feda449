import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { taskEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve tasks as Gauzy does, beyond the entity's description. Test
 * code only: the pack's production entry never imports this.
 */

/**
 * CreateTaskDTO's class-validator rules, which the tool fields do not express: the DTO takes more keys than
 * the tools send (tags, modules, version, the task status/size/priority/type ids) and relations as objects.
 */
const TASK_FIELDS: DtoSpec['fields'] = {
  title: { type: 'string', required: true },
  status: { type: 'string', required: true },
  description: { type: 'string' },
  priority: { type: 'string' },
  size: { type: 'string' },
  issueType: { type: 'string' },
  estimate: { type: 'number' },
  dueDate: { type: 'isoDate' },
  startDate: { type: 'isoDate' },
  resolvedAt: { type: 'isoDate' },
  public: { type: 'boolean' },
  isDraft: { type: 'boolean' },
  isScreeningTask: { type: 'boolean' },
  version: { type: 'string' },
  projectId: { type: 'uuid' },
  project: { type: 'object' },
  parentId: { type: 'uuid' },
  parent: { type: 'object' },
  organizationSprintId: { type: 'uuid' },
  taskStatusId: { type: 'uuid' },
  taskSizeId: { type: 'uuid' },
  taskPriorityId: { type: 'uuid' },
  taskTypeId: { type: 'uuid' },
  tags: { type: 'array' },
  members: { type: 'array' },
  teams: { type: 'array' },
  modules: { type: 'array' },
  mentionEmployeeIds: { type: 'array' },
};

const idsOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((m) => (typeof m === 'string' ? m : (m as { id?: string })?.id)).filter((x): x is string => typeof x === 'string') : [];

const projectTable = taskEntity.relations.project!.entity;

export const tasksSandbox: readonly SandboxEntity[] = [
  sandboxEntity(taskEntity, {
    defaults: () => ({
      title: null, number: null, prefix: null, description: null, status: null, priority: null, size: null, issueType: null,
      estimate: null, dueDate: null, public: true, startDate: null, resolvedAt: null, version: null, isDraft: false,
      isScreeningTask: false, parentId: null, projectId: null, organizationSprintId: null, taskStatusId: null, taskSizeId: null,
      taskPriorityId: null, taskTypeId: null, memberIds: [], teamIds: [], tagIds: [],
    }),
    // TaskSubscriber.afterEntityLoad: [prefix?.toUpperCase(), number || 0].filter(Boolean).join('-') (a task
    // without a project has no prefix: "1").
    virtuals: (row) => ({ taskNumber: [row.prefix ? String(row.prefix).toUpperCase() : '', Number(row.number) || 0].filter(Boolean).join('-') }),
    createAnswer: { virtuals: false, relations: ['members'], tenant: true },
    dto: {
      create: { fields: TASK_FIELDS, tenantOrganization: true, whitelist: true },
      // UpdateTaskDTO = the whole CreateTaskDTO: title and status stay required on PUT.
      update: { fields: TASK_FIELDS, tenantOrganization: true, whitelist: true },
    },
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      if ('members' in body) out.memberIds = idsOf(body.members);
      if ('teams' in body) out.teamIds = idsOf(body.teams);
      if (body.project && typeof body.project === 'object' && !out.projectId) out.projectId = (body.project as { id?: string }).id ?? null;
      for (const k of ['members', 'teams', 'project', 'parent', 'tags', 'modules', 'mentionEmployeeIds', 'organization', 'tenant', 'sentTo']) delete out[k];
      return out;
    },
    onCreate: (row, caller, rows) => {
      // number = max+1 within the project (or among project-less tasks); prefix = first 3 chars of the project name.
      const siblings = rows.list(taskEntity.name).filter((t) => t.tenantId === row.tenantId && t.organizationId === row.organizationId && (t.projectId ?? null) === (row.projectId ?? null) && t.id !== row.id);
      row.number = siblings.reduce((max, t) => Math.max(max, Number(t.number) || 0), 0) + 1;
      const project = row.projectId ? rows.get(projectTable, String(row.projectId)) : undefined;
      row.prefix = project?.name ? String(project.name).substring(0, 3) : null;
      if (caller.isEmployeeRole && caller.employeeId) {
        const members = (row.memberIds as string[] | undefined) ?? [];
        if (!members.includes(caller.employeeId)) row.memberIds = [...members, caller.employeeId];
      }
    },
  }),
];
