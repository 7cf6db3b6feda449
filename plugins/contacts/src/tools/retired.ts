import { retiredTool } from '@gauzy-mcp/core';
import { CONTACTS_TOOLSET as toolset } from '../entities.js';

/** Reference tools whose routes Gauzy does not have, kept callable so old prompts learn what to use instead. */
export const getContactProjects = retiredTool({
  name: 'get_contact_projects',
  title: "A client's projects",
  toolset,
  reason:
    "Gauzy has no GET /api/organization-contact/:id/projects route. get_client_by_id names a client's projects (with their ids), " +
    'and list_projects with organizationContactId lists and pages them.',
});

export const retiredContactTools = [getContactProjects];
