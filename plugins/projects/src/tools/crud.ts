import { bulkCreateTool, countTool, createTool, deleteTool, getTool, listTool, recoverTool, updateTool, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { PROJECTS_TOOLSET as toolset, ProjectBilling, ProjectStatus, projectEntity, projectFields, projectUpdateBodyFields } from '../entities.js';

const filters = {
  status: ProjectStatus.optional(),
  billing: ProjectBilling.optional(),
  public: z.boolean().optional(),
  organizationContactId: uuid().optional().describe('Only projects for this client'),
};

export const listProjects = listTool(projectEntity, {
  name: 'list_projects',
  aliases: ['get_projects'],
  title: 'List projects',
  description: 'List the organization\'s projects, newest first, optionally filtered by status, billing, visibility or client.',
  toolset,
  filters,
});

export const getProjectById = getTool(projectEntity, {
  name: 'get_project_by_id',
  aliases: ['get_project'],
  title: 'Get a project',
  description: 'Get one project by id, optionally with its members, teams, tags or client.',
  toolset,
});

export const getProjectCount = countTool(projectEntity, {
  name: 'get_project_count',
  title: 'Count projects',
  description: 'Count the organization\'s projects.',
  toolset,
});

export const createProject = createTool(projectEntity, {
  name: 'create_project',
  title: 'Create a project',
  description: 'Create a project in the organization; members and managers can be given as employee ids.',
  toolset,
  fields: projectFields,
});

export const bulkCreateProjects = bulkCreateTool(projectEntity, {
  name: 'bulk_create_projects',
  title: 'Create several projects',
  description: 'Create up to 50 projects at once; reports which were created (with ids) and which failed and why.',
  toolset,
  fields: projectFields,
  itemsField: 'projects',
});

export const updateProject = updateTool(projectEntity, {
  name: 'update_project',
  title: 'Update a project',
  description: 'Change fields of a project; only the fields given change.',
  toolset,
  fields: projectFields,
  bodyFields: projectUpdateBodyFields,
});

export const deleteProject = deleteTool(projectEntity, {
  name: 'delete_project',
  title: 'Delete a project',
  description: 'Permanently delete one project by id (its record in Gauzy; tasks keep existing without a project). archive_project instead only hides it from lists.',
  toolset,
  mode: 'hard',
  confirmExists: true,
});

export const archiveProject = deleteTool(projectEntity, {
  name: 'archive_project',
  title: 'Archive (soft-delete) a project',
  description: "Soft-delete one project by id: it disappears from lists and lookups but stays in Gauzy's database. It cannot be restored through Gauzy's API.",
  toolset,
  mode: 'soft',
});

export const restoreProject = recoverTool(projectEntity, {
  name: 'restore_project',
  title: 'Restore an archived project',
  description: 'Bring back a project that was archived (soft-deleted).',
  toolset,
});
