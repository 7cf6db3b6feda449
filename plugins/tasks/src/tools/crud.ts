import { crudToolList } from '@gauzy-mcp/core';
import { TASKS_BULK_TOOLSET as bulkToolset, TASKS_TOOLSET as toolset, createTaskFields, taskEntity, taskFilters } from '../entities.js';

/** The standard task tools; only the texts and the fields the templates cannot know are given here. */
export const taskCrudTools = crudToolList(taskEntity, {
  toolset,
  bulkToolset,
  tools: {
    list: { description: 'Find, list or count the organization\'s tasks, newest first: by part of the title, due-date range, project, status, priority, size, type, parent or sprint.' },
    // One tool per job: get_tasks_pagination paged the same rows with the same filters, and stays callable as list_tasks.
    pagination: false,
    get: { description: 'Get one task by id, optionally with its project, members, teams, tags or sub-tasks.' },
    // One tool per job: list_tasks answers the total beside the rows, and get_task_count stays callable as it.
    count: false,
    // Gauzy requires status on create; the create tools default it to "open".
    create: { description: 'Create a task, optionally in a project and assigned to employees; Gauzy numbers it within the project.', fields: createTaskFields },
    bulkCreate: { fields: createTaskFields },
    update: { description: 'Change fields of a task (status, priority, assignees, dates...); only the fields given change.' },
    bulkUpdate: { description: 'Change fields of up to 50 tasks at once, e.g. move them all to "done"; reports each task.' },
    delete: { description: 'Permanently delete one task by id. archive_task instead only hides it from lists.' },
  },
});
