import { crudServiceCannotRecover, defineEntity, formatValue, isoDate, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const TASKS_TOOLSET = 'tasks';
/** The bulk tools: not a default toolset, since they are large and rarely needed (the single-record tools do the same one by one). */
export const TASKS_BULK_TOOLSET = 'tasks-bulk';

/** Gauzy's enum values, exactly (see the API contract, Task). */
export const TaskStatus = z.enum(['backlog', 'open', 'in-progress', 'ready-for-review', 'in-review', 'blocked', 'done', 'completed', 'cancelled', 'custom']);
export const TaskPriority = z.enum(['urgent', 'high', 'medium', 'low']);
export const TaskSize = z.enum(['x-large', 'large', 'medium', 'small', 'tiny']);
export const TaskIssueType = z.enum(['epic', 'story', 'task', 'bug', 'memo']);

const idList = (what: string) => z.array(uuid()).max(100).optional().describe(what);

/** Fields a caller may set on a task. `status` is required by Gauzy on create; the create tools default it to "open". */
export const taskFields = {
  title: z.string().min(1).max(2000),
  status: TaskStatus,
  description: z.string().max(20000).optional().describe('Description (HTML or plain text)'),
  priority: TaskPriority.optional(),
  size: TaskSize.optional(),
  issueType: TaskIssueType.optional(),
  estimate: z.number().int().min(0).optional().describe('Estimate in seconds (e.g. 3600 for one hour)'),
  dueDate: isoDate().optional(),
  startDate: isoDate().optional(),
  projectId: uuid().optional(),
  parentId: uuid().optional().describe('Parent task (for sub-tasks)'),
  organizationSprintId: uuid().optional(),
  memberIds: idList('Employee ids to assign'),
  teamIds: idList('Team ids the task belongs to'),
  public: z.boolean().optional(),
  isDraft: z.boolean().optional(),
};

export const createTaskFields = { ...taskFields, status: TaskStatus.default('open') };

/** UpdateTaskDTO: Gauzy validates the whole DTO on PUT (title and status required), so these carry over from the current task. */
export const taskUpdateBodyFields = [
  'title', 'status', 'description', 'priority', 'size', 'issueType', 'estimate', 'dueDate', 'startDate', 'projectId',
  'parentId', 'organizationSprintId', 'taskStatusId', 'taskSizeId', 'taskPriorityId', 'taskTypeId', 'public', 'isDraft', 'version',
] as const;

/** How PUT /api/tasks/:id takes a change: the whole DTO, with the current members and teams read to carry over. */
export const taskUpdate = { mode: 'merge', bodyFields: taskUpdateBodyFields, relations: ['members', 'teams'] } as const;

type Item = Record<string, unknown>;
const ids = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map((entry) => String((entry as Item).id ?? entry)) : undefined);

/** Members and teams go to Gauzy as `[{id}]`; on update the current ones carry over unless replaced. */
export function taskBody(values: Item, current: Item = {}): Item {
  const { memberIds, teamIds, ...rest } = values;
  const members = (memberIds as string[] | undefined) ?? ids(current.members);
  const teams = (teamIds as string[] | undefined) ?? ids(current.teams);
  return { ...rest, ...(members ? { members: members.map((id) => ({ id })) } : {}), ...(teams ? { teams: teams.map((id) => ({ id })) } : {}) };
}

/** The list filters of list_tasks. */
export const taskFilters = {
  projectId: uuid().optional(),
  status: TaskStatus.optional(),
  priority: TaskPriority.optional(),
  size: TaskSize.optional(),
  issueType: TaskIssueType.optional(),
  parentId: uuid().optional().describe('Only sub-tasks of this task'),
  organizationSprintId: uuid().optional().describe('Only tasks of this sprint'),
};

/**
 * What a person asks about a task, on one line: key, title, status, priority, due date, project and
 * assignees by name (when the list joined them), and the id to act on it.
 */
function describeTask(task: Item): string {
  const key = typeof task.taskNumber === 'string' && task.taskNumber ? `${task.taskNumber} ` : '';
  const state = [task.status, task.priority].filter(Boolean).join(', ');
  const project = refLabel(task.project);
  const assignees = Array.isArray(task.members) ? task.members.map((member) => refLabel(member)).filter(Boolean) : undefined;
  const facts = [
    task.dueDate ? `due ${formatValue(task.dueDate)}` : '',
    project ? `project ${project}` : '',
    assignees ? (assignees.length ? `assigned to ${assignees.join(', ')}` : 'unassigned') : '',
  ].filter(Boolean);
  return `${key}${String(task.title ?? '(untitled)')}${state ? ` [${state}]` : ''} (id ${String(task.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

export const taskEntity = defineEntity({
  name: 'task',
  gauzyClass: 'Task',
  noun: 'task',
  plural: 'tasks',
  path: '/api/tasks',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  fields: taskFields,
  // taskNumber is Gauzy's key for a task (prefix-number, set when the row loads).
  columns: ['taskNumber', 'number', 'prefix'],
  filters: taskFilters,
  search: { field: 'title', operation: 'pagination' },
  ranges: ['dueDate'],
  update: taskUpdate,
  body: taskBody,
  // Archive = DELETE /:id/soft; Gauzy's generic recover route cannot find what it archived.
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
  include: ['project', 'members', 'members.user', 'teams', 'tags', 'parent', 'children', 'createdByUser'],
  // The list's answer carries the total: counting is the same job (get_task_count takes the same filters).
  aliases: { list: ['get_tasks', 'get_tasks_pagination', 'get_task_count'], get: ['get_task'] },
  describe: describeTask,
  summaryRelations: ['project', 'members', 'members.user'],
});
