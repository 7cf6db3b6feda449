import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { projectCrudTools } from './tools/crud.js';
import { assignProjectToEmployee, bulkAssignProjectToEmployees, getMyProjects, getMyTeamProjects, getProjectsByEmployee, unassignProjectFromEmployee } from './tools/members.js';
import { getProjectProgress, getProjectStatistics } from './tools/progress.js';
import { PROJECTS_BULK_TOOLSET, PROJECTS_TOOLSET } from './entities.js';
import { projectProgress } from './resources.js';

export const projectsPlugin = definePlugin({
  name: 'projects',
  version: packageJson.version,
  description: 'Gauzy organization projects: list, create, change, delete, membership and progress.',
  kernel: '^1.3.0',
  toolsets: [
    { name: PROJECTS_TOOLSET, description: 'Projects: CRUD, members, progress and statistics', default: true },
    { name: PROJECTS_BULK_TOOLSET, description: 'Projects in bulk: create, update, delete or staff up to 50 at once' },
  ],
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
  resourceTemplates: [projectProgress],
});

export default projectsPlugin;
