import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { TASKS_BULK_TOOLSET, TASKS_TOOLSET } from './entities.js';
import { taskCrudTools } from './tools/crud.js';
import { assignTaskToEmployee, getMyTasks, getTasksByEmployee, getTeamTasks, unassignTaskFromEmployee } from './tools/people.js';
import { getTaskStatistics } from './tools/statistics.js';

export const tasksPlugin = definePlugin({
  name: 'tasks',
  version: packageJson.version,
  description: 'Gauzy tasks: list, create, change, assign, delete, and statistics.',
  kernel: '^1.1.0',
  toolsets: [
    { name: TASKS_TOOLSET, description: 'Tasks: CRUD, assignees, my/team tasks and statistics', default: true },
    { name: TASKS_BULK_TOOLSET, description: 'Tasks in bulk: create, update or delete up to 50 at once' },
  ],
  tools: [
    ...taskCrudTools, getMyTasks, getTasksByEmployee, getTeamTasks, assignTaskToEmployee, unassignTaskFromEmployee, getTaskStatistics,
  ],
});

export default tasksPlugin;
