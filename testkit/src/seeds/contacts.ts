import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Fixed ids of the demo contacts, so tests can name them. */
export const DEMO_CONTACT_IDS = {
  everTechnologies: '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21',
  acmeRetail: '3d6f8b21-5c4e-4a7f-8b2c-8e9d0f1a2b32',
  brightLead: '4e7a9c32-6d5f-4b8a-9c3d-9f0e1a2b3c43',
} as const;

/**
 * Demo rows for the contacts pack (Gauzy's demo seed has clients, customers and leads with employees
 * assigned): one of each type, the first two assigned to seeded employees, the first the client of the demo
 * "Gauzy Website" project.
 */
export function seedContactsDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const { superAdmin, employee } = info.users;
  const demo = info.demoEmployees.map((entry) => entry.employeeId);
  const contacts = [
    {
      id: DEMO_CONTACT_IDS.everTechnologies, name: 'Ever Technologies', contactType: 'CLIENT', primaryEmail: 'office@ever-tech.example',
      primaryPhone: '+359 2 555 0101', budget: 25000, budgetType: 'cost', memberIds: [superAdmin.employeeId, employee.employeeId],
    },
    {
      id: DEMO_CONTACT_IDS.acmeRetail, name: 'Acme Retail', contactType: 'CUSTOMER', primaryEmail: 'buyers@acme-retail.example',
      budget: 400, budgetType: 'hours', memberIds: demo.slice(0, 1),
    },
    { id: DEMO_CONTACT_IDS.brightLead, name: 'Bright Horizons', contactType: 'LEAD', notes: 'Met at the trade fair', memberIds: [] },
  ];
  for (const contact of contacts) {
    const letter = contact.name.charAt(0).toUpperCase();
    insertEntity(store, 'organizationContact', { ...contact, inviteStatus: 'NOT_INVITED', imageUrl: `https://dummyimage.com/330x300/269aff/ffffff.jpg&text=${letter}` }, scope);
  }
  const website = info.projects.find((project) => project.name === 'Gauzy Website');
  if (website) store.update('organizationProject', website.id, { organizationContactId: DEMO_CONTACT_IDS.everTechnologies });
}
