import { defineEntity, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const CONTACTS_TOOLSET = 'contacts';

/** Gauzy's enums, exactly (@gauzy/contracts organization-contact.model.ts: ContactType, OrganizationContactBudgetTypeEnum). */
export const ContactType = z.enum(['CLIENT', 'CUSTOMER', 'LEAD']);
export const ContactBudgetType = z.enum(['hours', 'cost']);

/** class-validator's IsEmail, roughly: checked here so a typo is named before Gauzy answers 400. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Fields a caller may set on a contact (OrganizationContactDTO picks name, primaryEmail, primaryPhone,
 * inviteStatus, contactType, notes, budget, budgetType, imageId; members pass through to the save).
 * inviteStatus is left to invite_client, imageId to Gauzy's image upload.
 */
export const contactFields = {
  name: z.string().trim().min(1).max(255),
  contactType: ContactType.optional(),
  primaryEmail: z.string().refine((value) => EMAIL.test(value), 'must be an email').meta({ format: 'email' }).optional(),
  primaryPhone: z.string().optional(),
  budget: z.number().min(0).optional(),
  budgetType: ContactBudgetType.optional(),
  notes: z.string().optional(),
  memberIds: z.array(uuid()).optional().describe('Employee ids assigned'),
};

/** UpdateOrganizationContactDTO validates `name` (IsNotEmpty) on PUT too: it carries over from the current record. */
export const contactUpdateBodyFields = ['name'] as const;

type Item = Record<string, unknown>;

/** Members go to Gauzy as `members: [{id}]` (the organization_contact_employee join table). */
export function contactBody(values: Item): Item {
  const { memberIds, ...rest } = values;
  return { ...rest, ...(Array.isArray(memberIds) ? { members: memberIds.map((id) => ({ id })) } : {}) };
}

/** The relations a contact's line names; lists and get_client_by_id join them unless the caller asks for others. */
export const CONTACT_SUMMARY_RELATIONS = ['members', 'members.user', 'projects'] as const;

const SHOWN_PROJECTS = 3;

/**
 * A contact on one line: name, type and id, email, phone, budget, invite state, the employees assigned by
 * name (when joined) and its projects by name (when joined).
 */
export function describeContact(contact: Item): string {
  const budget = typeof contact.budget === 'number' && contact.budget > 0 ? `budget ${contact.budget}${contact.budgetType === 'hours' ? ' h' : ''}` : '';
  const invite = contact.inviteStatus && contact.inviteStatus !== 'NOT_INVITED' ? `invite ${String(contact.inviteStatus)}` : '';
  // An employee joined without its user has no name in Gauzy (fullName comes from the user): then its id.
  const members = Array.isArray(contact.members) ? contact.members.map((member) => refLabel(member) ?? `employee ${String((member as Item).id)}`) : undefined;
  const projects = Array.isArray(contact.projects) ? contact.projects.map((project) => (project as Item).name).filter(Boolean).map(String) : undefined;
  const facts = [
    contact.primaryEmail ? String(contact.primaryEmail) : '',
    contact.primaryPhone ? `phone ${String(contact.primaryPhone)}` : '',
    budget,
    invite,
    members ? (members.length ? `members ${members.join(', ')}` : 'no members') : '',
    projects ? (projects.length ? `projects ${projects.slice(0, SHOWN_PROJECTS).join(', ')}${projects.length > SHOWN_PROJECTS ? ' and more' : ''}` : 'no projects') : '',
  ].filter(Boolean);
  return `${String(contact.name ?? '(unnamed)')}${contact.contactType ? ` [${String(contact.contactType)}]` : ''} (id ${String(contact.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

/**
 * Gauzy's organization contact: a client, customer or lead. The platform knows it as `organizationContact`
 * (a project's `organizationContact`); this model replaces it where the pack is loaded.
 *
 * GET /api/organization-contact (findAll) reads `?data={"findInput":…,"relations":…}`, matches exactly and
 * ignores take, skip and order; /pagination reads `where[...]` (BaseQueryDTO), LIKE-matches name,
 * primaryEmail and primaryPhone, takes `where[members][]` as employee ids, and pages (OrganizationContactService.pagination).
 * So the list tool reads /pagination.
 */
export const contactEntity = defineEntity({
  name: 'organizationContact',
  gauzyClass: 'OrganizationContact',
  noun: 'client',
  plural: 'clients',
  path: '/api/organization-contact',
  // DELETE /:id/soft and PUT /:id/recover are served too; no reference tool archives a contact, so they are not described.
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: contactFields,
  search: { field: 'name', operation: 'pagination' },
  update: { mode: 'merge', bodyFields: contactUpdateBodyFields },
  body: contactBody,
  relations: {
    members: { kind: 'manyToMany', entity: 'employee', key: 'memberIds' },
    projects: { kind: 'oneToMany', entity: 'organizationProject', key: 'organizationContactId' },
  },
  include: ['members', 'members.user', 'projects'],
  aliases: {
    list: ['get_organization_contacts', 'get_organization_contacts_pagination', 'get_organization_contacts_by_employee'],
    get: ['get_organization_contact'],
    count: ['get_organization_contact_count', 'get_organization_contact_statistics'],
    create: ['create_organization_contact'],
    update: ['update_organization_contact', 'update_organization_contact_by_employee'],
    delete: ['delete_organization_contact'],
  },
  describe: describeContact,
  summaryRelations: [...CONTACT_SUMMARY_RELATIONS],
});
