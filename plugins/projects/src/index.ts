import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { projectCrudTools } from './tools/crud.js';
import { assignProjectToEmployee, bulkAssignProjectToEmployees, getMyProjects, getMyTeamProjects, getProjectsByEmployee, unassignProjectFromEmployee } from './tools/members.js';
import { getProjectProgress, getProjectStatistics } from './tools/progress.js';
import { PROJECTS_TOOLSET } from './entities.js';

export const projectsPlugin = definePlugin({
  name: 'projects',
  version: packageJson.version,
  description: 'Gauzy organization projects: list, create, change, delete, membership and progress.',
  kernel: '^1.0.0',
  toolsets: [{ name: PROJECTS_TOOLSET, description: 'Projects: CRUD, members, progress and statistics', default: true }],
  tools: [
    ...projectCrudTools,
    assignProjectToEmployee,
    unassignProjectFromEmployee,
    bulkAssignProjectToEmployees,
    getProjectsByEmployee,
    getMyProjects,
    getMyTeamProjects,
    getProjectProgress,
    getProjectStatistics,
  ],
});

export default projectsPlugin;
