import { definePlugin, withBulkNames } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { CONTACTS_TOOLSET } from './entities.js';
import { contactCrudTools, getClient, getClientCount, listClients } from './tools/crud.js';
import { inviteClient } from './tools/invite.js';
import { assignClientToEmployee, unassignClientFromEmployee } from './tools/members.js';
import { retiredContactTools } from './tools/retired.js';

export const contactsPlugin = definePlugin({
  name: 'contacts',
  version: packageJson.version,
  description: 'Gauzy organization contacts (clients, customers, leads): find, create, change, delete, assign employees, invite.',
  kernel: '^1.2.0',
  toolsets: [
    { name: CONTACTS_TOOLSET, description: 'Clients, customers and leads: find, CRUD, assigned employees, invitations' },
  ],
  // Gauzy has no /api/organization-contact/bulk: the reference's bulk names run the one-contact tools once per contact.
  tools: [
    listClients, getClient, getClientCount,
    ...withBulkNames(contactCrudTools, {
      create_client: { bulk_create_organization_contacts: { field: 'contacts' } },
      update_client: { bulk_update_organization_contacts: { field: 'contacts' } },
      delete_client: { bulk_delete_organization_contacts: { field: 'ids', ids: true } },
    }),
    assignClientToEmployee, unassignClientFromEmployee, inviteClient, ...retiredContactTools,
  ],
});

export default contactsPlugin;
