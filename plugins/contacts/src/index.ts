import { definePlugin } from '@gauzy-mcp/core';
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
  kernel: '^1.1.0',
  toolsets: [
    { name: CONTACTS_TOOLSET, description: 'Clients, customers and leads: find, CRUD, assigned employees, invitations' },
  ],
  tools: [listClients, getClient, getClientCount, ...contactCrudTools, assignClientToEmployee, unassignClientFromEmployee, inviteClient, ...retiredContactTools],
});

export default contactsPlugin;
