import { crudConformance } from '@gauzy-mcp/testkit';
import { contactEntity } from '../src/entities.js';
import contactsPlugin from '../src/index.js';
import { contactsSandbox } from '../src/sandbox.js';
import { projectsAsRead } from './helpers.js';

// The standard contact tools, checked by the suite derived from the contact entity; contacts.test.ts covers the rest.
crudConformance({
  entity: contactEntity,
  plugin: contactsPlugin,
  sandboxEntities: [...contactsSandbox, projectsAsRead],
  sample: {
    create: { name: 'Conformance client', contactType: 'CUSTOMER', primaryEmail: 'conformance@client.example', budgetType: 'hours', notes: 'Checked by the conformance suite' },
    update: { contactType: 'LEAD' },
  },
  // OrganizationContactUpdateHandler links a new Contact (address details) on every update (seen on the real Gauzy).
  setByUpdate: ['contactId'],
});
