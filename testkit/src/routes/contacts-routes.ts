import { randomUUID } from 'node:crypto';
import { gauzyReadsAsBoolean } from '@gauzy-mcp/core';
import type { HandlerInput } from '../engine/context.js';
import { listRows, paginated } from '../engine/crud-engine.js';
import { isUuid } from '../dto-validation.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { serialize } from '../engine/serialize.js';
import { GauzyHttpError, handlerError } from '../http-errors.js';
import type { Row } from '../store.js';

const CONTACT = 'organizationContact';
/** The where keys OrganizationContactService.pagination LIKE-matches ('%value%', any case on SQLite and with ILike). */
const LIKE_KEYS = ['name', 'primaryEmail', 'primaryPhone'] as const;

/** BaseQueryDTO's `transform: true`: a where value that parses as JSON becomes a boolean (`Boolean(JSON.parse(v))`). */
const transformed = (value: string): unknown => (gauzyReadsAsBoolean(value) ? Boolean(JSON.parse(value)) : value);

/** The handler's BadRequestException around the failed insert into organization_contact_employee, as the real Gauzy (SQLite) answers it. */
const foreignKeyFailed = () =>
  new GauzyHttpError(400, { response: { driverError: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, status: 400, options: {}, message: 'SqliteError: FOREIGN KEY constraint failed', name: 'BadRequestException' });

const memberIdsOf = (row: Row) => (Array.isArray(row.memberIds) ? (row.memberIds as string[]) : []);

/** The contacts routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerContactsRoutes(registry: RouteRegistry): void {
  // OrganizationContactService.pagination: `where[name|primaryEmail|primaryPhone]` as LIKE '%…%' (a value the
  // transform made `false` is skipped by its `if (where.name)`), `where[members]` as In(employee ids); the rest
  // equality; skip is a 1-based page.
  registry.serve('GET', '/api/organization-contact/pagination', (input) => {
    const where = { ...((input.query.where as Record<string, unknown> | undefined) ?? {}) };
    const checks: Array<(row: Row) => boolean> = [];
    for (const key of LIKE_KEYS) {
      const raw = where[key];
      if (typeof raw !== 'string') continue;
      delete where[key];
      const value = transformed(raw);
      if (!value) continue;
      const needle = String(value).toLowerCase();
      checks.push((row) => String(row[key] ?? '').toLowerCase().includes(needle));
    }
    let wanted: string[] | undefined;
    if (where.members !== undefined) {
      // A bare string (`where[members]=<id>`, not a list) finds nothing on the real Gauzy: 200 with no items.
      const ids = Array.isArray(where.members) ? where.members.map(String) : typeof where.members === 'object' && where.members ? Object.values(where.members).map(String) : [];
      wanted = ids;
      delete where.members;
      checks.push((row) => memberIdsOf(row).some((id) => ids.includes(id)));
    }
    const narrowed: HandlerInput = { ...input, query: { ...input.query, ...(input.query.where ? { where } : {}) } };
    const answer = paginated(narrowed, CONTACT, listRows(narrowed, CONTACT, (row) => checks.every((check) => check(row))), true);
    // The members condition is a join: a contact found through it comes with only the matched members (checked on the real Gauzy).
    const page = answer.body as { items?: Array<Record<string, unknown>> } | undefined;
    if (wanted && Array.isArray(page?.items)) {
      const matched = wanted;
      for (const item of page.items) if (Array.isArray(item.members)) item.members = (item.members as Array<{ id?: unknown }>).filter((member) => matched.includes(String(member.id)));
    }
    return answer;
  });

  // OrganizationContactUpdateHandler: validates the whole DTO (name required), links a new Contact, and saves
  // with the id, which inserts a contact under an id none has (a save, not an update), then answers the contact
  // as loaded.
  registry.serve('PUT', '/api/organization-contact/:id', (input) => {
    const caller = requireCaller(input);
    const id = input.params.id;
    if (!isUuid(id)) throw handlerError(406, 'Validation failed (valid uuid is expected)');
    const spec = input.store.entities.get(CONTACT);
    const body = spec?.update ? validateBody(input.store, caller, input.body, spec.update) : input.body;
    const data = spec?.fromBody ? spec.fromBody(body) : { ...body };
    for (const key of ['id', 'tenantId', 'tenant', 'organization', 'createdAt', 'deletedAt', 'createdByUserId']) delete data[key];
    const existing = scopedRows(input.store, CONTACT, caller).find((contact) => contact.id === id);
    const row = existing ?? insertEntity(input.store, CONTACT, { id }, { tenantId: caller.tenantId, organizationId: String(body.organizationId ?? ''), createdByUserId: String(caller.user.id) });
    if (!existing) spec?.onCreate?.(row, { employeeId: caller.employee?.id, isEmployeeRole: caller.role.name === 'EMPLOYEE' }, input.store);
    Object.assign(row, data, { contactId: randomUUID(), updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
    return { body: serialize(CONTACT, row, input.store) };
  });

  // OrganizationContactEditByEmployeeHandler (UpdateEntityByMembersHandler): adds the member to, or removes them
  // from, each contact id found in the body's organization; ids it does not find are skipped. Answers `true`.
  registry.serve('PUT', '/api/organization-contact/employee', (input) => {
    const caller = requireCaller(input);
    const body = input.body;
    const member = body.member as { id?: unknown } | undefined;
    const employeeId = typeof member?.id === 'string' ? member.id : undefined;
    const ids = (key: string) => (Array.isArray(body[key]) ? (body[key] as unknown[]).map(String) : []);
    const inOrganization = (id: string) => scopedRows(input.store, CONTACT, caller).find((row) => row.id === id && row.organizationId === body.organizationId);
    const added = ids('addedEntityIds').map(inOrganization).filter((row): row is Row => !!row);
    const removed = ids('removedEntityIds').map(inOrganization).filter((row): row is Row => !!row);
    if (added.length) {
      // The save links the given member: an id no employee has fails its foreign key, which the handler answers as 400.
      if (!employeeId || !input.store.get('employee', employeeId)) throw foreignKeyFailed();
      for (const row of added) if (!memberIdsOf(row).includes(employeeId)) row.memberIds = [...memberIdsOf(row), employeeId];
    }
    for (const row of removed) row.memberIds = memberIdsOf(row).filter((id) => id !== employeeId);
    return { body: true };
  });

  // The inherited CrudController delete (TenantAwareCrudService): a missing id is `affected: 0`. The rows that
  // point to the contact (projects, time logs, payments, invoices, expenses) keep existing: their foreign keys are
  // ON DELETE SET NULL; the organization_contact_employee join rows go with it.
  registry.serve('DELETE', '/api/organization-contact/:id', (input) => {
    const caller = requireCaller(input);
    const id = input.params.id;
    if (!isUuid(id)) throw handlerError(406, 'Validation failed (valid uuid is expected)');
    const row = scopedRows(input.store, CONTACT, caller, { withDeleted: true }).find((contact) => contact.id === id);
    if (!row || !input.store.remove(CONTACT, id)) return { body: { raw: [], affected: 0 } };
    for (const table of ['organizationProject', 'timeLog', 'payment', 'expense']) {
      for (const linked of input.store.list(table)) if (linked.organizationContactId === id) linked.organizationContactId = null;
    }
    return { body: { raw: [], affected: 1 } };
  });

  // InviteOrganizationContactHandler: the contact needs a primary email that no user has; it becomes INVITED.
  // Every refusal is an InternalServerErrorException (500) with the handler's sentence.
  registry.serve('PUT', '/api/invite/organization-contact/:id', (input) => {
    const caller = requireCaller(input);
    const id = input.params.id;
    if (!isUuid(id)) throw handlerError(406, 'Validation failed (valid uuid is expected)');
    const row = scopedRows(input.store, CONTACT, caller).find((contact) => contact.id === id);
    if (!row) throw handlerError(500, 'The requested record was not found');
    if (!row.primaryEmail) {
      throw handlerError(500, `Organization contact with id ${row.id} does not have a primary email address. A valid primary email is required to send the invitation. Please update the contact's email information and try again.`);
    }
    const email = String(row.primaryEmail).toLowerCase();
    if (input.store.list('user').some((user) => String(user.email ?? '').toLowerCase() === email)) throw handlerError(500, 'Contact email already exists in the account as a user');
    input.store.insert('invite', { email: row.primaryEmail, status: 'INVITED', organizationContactIds: [row.id], organizationId: row.organizationId, tenantId: caller.tenantId, invitedByUserId: caller.user.id });
    row.inviteStatus = 'INVITED';
    return { body: serialize(CONTACT, row, input.store) };
  });
}
