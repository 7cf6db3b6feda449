import { randomUUID } from 'node:crypto';
import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { contactEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve organization contacts as Gauzy does, beyond the entity's
 * description. Test code only: the pack's production entry never imports this.
 */

/**
 * Create and Update OrganizationContactDTO = IntersectionType(TenantOrganizationBaseDTO, RelationalTagDTO,
 * PickType(OrganizationContact, [name, primaryEmail, primaryPhone, inviteStatus, contactType, notes, budget,
 * budgetType, imageId])): the organization first, then tags, then the picked columns; `name` is IsNotEmpty +
 * IsString on both. UseValidationPipe() without whitelist: other keys (members) reach the save.
 */
const CONTACT_FIELDS: DtoSpec['fields'] = {
  tags: { type: 'array' },
  name: { type: 'string', required: true },
  primaryEmail: { type: 'email' },
  primaryPhone: { type: 'string' },
  inviteStatus: { type: 'string', enum: ['NOT_INVITED', 'INVITED', 'ACCEPTED'] },
  contactType: { type: 'string', enum: ['CLIENT', 'CUSTOMER', 'LEAD'] },
  notes: { type: 'string' },
  budget: { type: 'number' },
  budgetType: { type: 'string', enum: ['hours', 'cost'] },
  imageId: { type: 'uuid' },
};
const CONTACT_DTO: DtoSpec = { fields: CONTACT_FIELDS, tenantOrganization: true };

export const contactsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(contactEntity, {
    // The columns in the order the real Gauzy sends them.
    defaults: () => ({
      name: null, primaryEmail: null, primaryPhone: null, inviteStatus: null, notes: null, contactType: 'CLIENT', imageUrl: null, budget: null,
      budgetType: 'cost', contactId: null, imageId: null, memberIds: [],
    }),
    virtuals: () => ({ image: null }),
    // The saved entity: no load hooks ran (no `image`), with the `tenant: {id}` TenantAwareCrudService.create sets.
    // (Gauzy's also carries `organization: {id}`, the new `contact` and the `members` as sent.)
    createAnswer: { virtuals: false, tenant: true },
    // OrganizationContactSubscriber.beforeEntityCreate: no imageUrl ⇒ getDummyImage(330, 300, first letter of the
    // name); Gauzy picks the colour at random, the sandbox one. The create handler also saves a Contact row first
    // (ContactService.create) and links it.
    onCreate: (row) => {
      if (!row.imageUrl && row.name) row.imageUrl = `https://dummyimage.com/330x300/269aff/ffffff.jpg&text=${String(row.name).charAt(0).toUpperCase()}`;
      row.contactId ??= randomUUID();
    },
    dto: { create: CONTACT_DTO, update: CONTACT_DTO },
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      if (Array.isArray(body.members)) out.memberIds = (body.members as Array<{ id?: unknown }>).map((member) => String(member.id));
      delete out.members; delete out.organization; delete out.tenant; delete out.tags; delete out.contact;
      return out;
    },
  }),
];
