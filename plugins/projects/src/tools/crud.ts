import { crudToolList } from '@gauzy-mcp/core';
import { PROJECTS_BULK_TOOLSET as bulkToolset, PROJECTS_TOOLSET as toolset, projectEntity } from '../entities.js';

/** The standard project tools; only the texts the templates cannot know are given here. */
export const projectCrudTools = crudToolList(projectEntity, {
  toolset,
  bulkToolset,
  tools: {
    list: { description: 'Find, list or count the organization\'s projects, newest first: by part of the name, status, billing, visibility or client.' },
    // One tool per job: list_projects pages the same rows, and answers the total (get_project_count stays callable as it).
    pagination: false,
    count: false,
    get: { description: 'Get one project by id, optionally with its members, teams, tags or client.' },
    create: { description: 'Create a project in the organization; members and managers can be given as employee ids.' },
    // DELETE /api/organization-projects/:id answers 204 for an unknown id too.
    delete: {
      description: 'Permanently delete one project by id (its record in Gauzy; tasks keep existing without a project). archive_project instead only hides it from lists.',
      confirmExists: true,
    },
    bulkDelete: { description: 'Permanently delete up to 50 projects by id; reports each one. Tasks of those projects are not deleted.', confirmExists: true },
    archive: { description: "Soft-delete one project by id: it disappears from lists and lookups but stays in Gauzy's database. It cannot be restored through Gauzy's API." },
  },
});
