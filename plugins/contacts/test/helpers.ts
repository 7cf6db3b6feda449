import { defineEntity } from '@gauzy-mcp/core';

/** A contact's `projects` relation reads the project table; the projects pack owns that entity, so only its shape is taught here. */
export const projectsAsRead = defineEntity({
  name: 'organizationProject', gauzyClass: 'OrganizationProject', noun: 'project', plural: 'projects', path: '', operations: [], scope: 'organization', fields: {},
});
