import { bulkDeleteTool, bulkUpdateTool } from '@gauzy-mcp/core';
import { PROJECTS_TOOLSET as toolset, projectEntity, projectFields, projectUpdateBodyFields } from '../entities.js';

export const bulkUpdateProjects = bulkUpdateTool(projectEntity, {
  name: 'bulk_update_projects',
  title: 'Update several projects',
  description: 'Change fields of up to 50 projects at once; each entry names a project id and the fields to change.',
  toolset,
  fields: projectFields,
  bodyFields: projectUpdateBodyFields,
  itemsField: 'updates',
});

export const bulkDeleteProjects = bulkDeleteTool(projectEntity, {
  name: 'bulk_delete_projects',
  title: 'Delete several projects',
  description: 'Permanently delete up to 50 projects by id; reports each one. Tasks of those projects are not deleted.',
  toolset,
  mode: 'hard',
  confirmExists: true,
});
