import { bulkCreateTool, bulkDeleteTool, bulkUpdateTool, countTool, createTool, deleteTool, getTool, listTool, recoverTool, updateTool, uuid } from '@gauzy-mcp/core';
import { TASKS_TOOLSET as toolset, TaskIssueType, TaskPriority, TaskSize, TaskStatus, createTaskFields, taskBody, taskEntity, taskFields, taskUpdateSpec } from '../entities.js';

const filters = {
  projectId: uuid().optional().describe('Only tasks of this project'),
  status: TaskStatus.optional(),
  priority: TaskPriority.optional(),
  size: TaskSize.optional(),
  issueType: TaskIssueType.optional(),
  parentId: uuid().optional().describe('Only sub-tasks of this task'),
  organizationSprintId: uuid().optional().describe('Only tasks of this sprint'),
};

export const listTasks = listTool(taskEntity, {
  name: 'list_tasks',
  aliases: ['get_tasks'],
  title: 'List tasks',
  description: 'List the organization\'s tasks, newest first, filtered by project, status, priority, size, type, parent or sprint.',
  toolset,
  filters,
});

export const getTasksPagination = listTool(taskEntity, {
  name: 'get_tasks_pagination',
  title: 'List tasks (paged route)',
  description: 'List tasks through Gauzy\'s paginated task route, with the same filters as list_tasks.',
  toolset,
  filters,
  route: '/api/tasks/pagination',
  paging: 'page',
});

export const getTaskById = getTool(taskEntity, {
  name: 'get_task_by_id',
  aliases: ['get_task'],
  title: 'Get a task',
  description: 'Get one task by id, optionally with its project, members, teams, tags or sub-tasks.',
  toolset,
});

export const getTaskCount = countTool(taskEntity, {
  name: 'get_task_count',
  title: 'Count tasks',
  description: 'Count the organization\'s tasks, optionally for one project or status.',
  toolset,
  filters: { projectId: filters.projectId, status: filters.status },
});

const createBody = (args: Record<string, unknown>) => taskBody(args);

export const createTask = createTool(taskEntity, {
  name: 'create_task',
  title: 'Create a task',
  description: 'Create a task, optionally in a project and assigned to employees; Gauzy numbers it within the project.',
  toolset,
  fields: createTaskFields,
  body: createBody,
});

export const bulkCreateTasks = bulkCreateTool(taskEntity, {
  name: 'bulk_create_tasks',
  title: 'Create several tasks',
  description: 'Create up to 50 tasks at once; reports which were created (with ids) and which failed and why.',
  toolset,
  fields: createTaskFields,
  body: createBody,
  itemsField: 'tasks',
});

export const updateTask = updateTool(taskEntity, {
  name: 'update_task',
  title: 'Update a task',
  description: 'Change fields of a task (status, priority, assignees, dates...); only the fields given change.',
  toolset,
  fields: taskFields,
  ...taskUpdateSpec,
});

export const bulkUpdateTasks = bulkUpdateTool(taskEntity, {
  name: 'bulk_update_tasks',
  title: 'Update several tasks',
  description: 'Change fields of up to 50 tasks at once, e.g. move them all to "done"; reports each task.',
  toolset,
  fields: taskFields,
  ...taskUpdateSpec,
  itemsField: 'updates',
});

export const deleteTask = deleteTool(taskEntity, {
  name: 'delete_task',
  title: 'Delete a task',
  description: 'Permanently delete one task by id. archive_task instead only hides it from lists.',
  toolset,
  mode: 'hard',
});

export const bulkDeleteTasks = bulkDeleteTool(taskEntity, {
  name: 'bulk_delete_tasks',
  title: 'Delete several tasks',
  description: 'Permanently delete up to 50 tasks by id; reports each one.',
  toolset,
  mode: 'hard',
});

export const archiveTask = deleteTool(taskEntity, {
  name: 'archive_task',
  title: 'Archive (soft-delete) a task',
  description: "Soft-delete one task by id: it leaves lists and lookups but stays in Gauzy's database. It cannot be restored through Gauzy's API.",
  toolset,
  mode: 'soft',
});

export const restoreTask = recoverTool(taskEntity, {
  name: 'restore_task',
  title: 'Restore an archived task',
  description: 'Bring back a task that was archived (soft-deleted).',
  toolset,
});
