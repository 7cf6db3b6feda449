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

/**
 * Gauzy has no bulk route for contacts (POST, PUT and DELETE /api/organization-contact/bulk do not exist;
 * PUT and DELETE would be read as /:id with id "bulk"). The one-per-call tools do the job; a composed bulk
 * tool would cost the catalog what the three single ones cost together.
 */
const noBulkRoute = (name: string, verb: string, single: string) =>
  retiredTool({
    name,
    title: `${verb} several clients`,
    toolset,
    reason: `Gauzy has no bulk route for organization contacts (/api/organization-contact/bulk does not exist). Call ${single} once per contact.`,
  });

export const retiredContactTools = [
  getContactProjects,
  noBulkRoute('bulk_create_organization_contacts', 'Create', 'create_client'),
  noBulkRoute('bulk_update_organization_contacts', 'Update', 'update_client'),
  noBulkRoute('bulk_delete_organization_contacts', 'Delete', 'delete_client'),
];
