import { randomBytes } from 'node:crypto';
import { isUuid, validateDto, type DtoSpec } from '../dto-validation.js';
import type { CallerContext, HandlerInput, HandlerOutput } from '../engine/context.js';
import { listRows, paginated, refuseUnknownRelation } from '../engine/crud-engine.js';
import { assertUuidParam, belongsToOrganization, insertEntity, scopedRows, validateBaseQuery, validateBody, whereWithoutTenant } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { badRequest, GauzyHttpError, handlerError, recordNotFound, routeNotFound } from '../http-errors.js';
import type { Row, SandboxStore } from '../store.js';
import { hashPassword } from './auth-routes.js';

/*
 * The recruitment routes with logic of their own (packages/core/src/lib/candidate, invite, role). They are
 * served only to a sandbox taught the candidate entity (the candidates pack's `./sandbox`); elsewhere the
 * paths are unknown, as before the pack.
 *  - CandidateController: findAll / findById (FindOptionsQueryDTO: `where` required) / pagination (its own query:
 *    organization, isArchived, tags and the user's name or email only), create (CandidateCreateHandler: the user
 *    with the CANDIDATE role, the candidate, the user's organization, a welcome email), update
 *    (CandidateUpdateHandler: CandidateService.create = save), `PUT /:id/:status` (hired: an employee is made and
 *    the user becomes EMPLOYEE; rejected: status and rejectDate, a rejection email), delete (the rows whose
 *    foreign key cascades go with it).
 *  - CandidateSubscriber.afterEntityLoad: `ratings` = the feedbacks' average, set only when they were joined.
 *  - RoleController.findOneRoleByOptions (`GET /api/roles/options`), InviteService.createBulk (`POST /api/invite/emails`).
 * Emails Gauzy sends are kept as rows of the `emailHistory` table (Gauzy's EmailHistory), so a test sees them.
 */

const CANDIDATE = 'candidate';

type Where = Record<string, unknown>;

function candidateCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(CANDIDATE)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

/** CandidateSubscriber.afterEntityLoad, on a serialized candidate: the average of its joined feedbacks (NaN, so null, when none). */
function withRatings(candidate: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(candidate.feedbacks)) return candidate;
  const feedbacks = candidate.feedbacks as Array<Record<string, unknown>>;
  const sum = feedbacks.reduce((total, feedback) => total + (parseFloat(String(feedback.rating ?? 0)) || 0), 0);
  return { ...candidate, ratings: feedbacks.length ? sum / feedbacks.length : null };
}

const render = (store: SandboxStore, row: Row, relations: string[]) => withRatings(serialize(CANDIDATE, row, store, relations));

function withRatingsPage(out: HandlerOutput): HandlerOutput {
  const body = out.body as { items?: Array<Record<string, unknown>> } | undefined;
  if (!body || !Array.isArray(body.items)) return out;
  return { ...out, body: { ...body, items: body.items.map(withRatings) } };
}

/** The tenant's live candidate `id`, or Gauzy's 404 (findOneByIdString). */
function candidateRow(input: HandlerInput, caller: CallerContext, id: string): Row {
  const row = scopedRows(input.store, CANDIDATE, caller).find((candidate) => candidate.id === id);
  if (!row) throw recordNotFound();
  return row;
}

function roleNamed(store: SandboxStore, tenantId: string, name: string): Row | undefined {
  return store.list('role').find((role) => role.tenantId === tenantId && role.name === name && !role.deletedAt);
}

function recordEmail(store: SandboxStore, caller: CallerContext, email: unknown, templateName: string, organizationId: unknown): void {
  insertEntity(store, 'emailHistory', { email, templateName, name: templateName }, { tenantId: caller.tenantId, organizationId: typeof organizationId === 'string' ? organizationId : null });
}

/** The rows that go when a candidate is deleted: their foreign keys to the candidate cascade (onDelete: 'CASCADE'). */
const CASCADES: ReadonlyArray<[string, string]> = [
  ['candidateFeedback', 'candidateId'], ['candidateInterview', 'candidateId'], ['candidateSkill', 'candidateId'],
  ['candidateExperience', 'candidateId'], ['candidateEducation', 'candidateId'], ['candidateDocument', 'candidateId'],
];

/**
 * CreateCandidateDTO's rules as class-validator reports them (checked against a running Gauzy): the organization
 * (EmploymentDTO ⊃ TenantOrganizationBaseDTO), `user` (IsNotEmptyObject, IsObject, then UserInputDTO's email:
 * IsNotEmpty + IsEmail; its `role` is not checked, CandidateCreateHandler sets CANDIDATE), `password` (IsNotEmpty,
 * MinLength 8 with their own messages).
 */
function validateCandidateCreate(input: HandlerInput, caller: CallerContext): Record<string, unknown> {
  const body = input.body;
  const messages: string[] = [];
  const organization = validateDto(body, { tenantOrganization: true, fields: {} }, { userId: String(caller.user.id), belongsToOrganization: (id) => belongsToOrganization(input.store, caller, id) });
  if (!organization.ok) messages.push(...organization.messages);
  const user = body.user;
  const userObject = !!user && typeof user === 'object' && !Array.isArray(user);
  if (!userObject || Object.keys(user as object).length === 0) {
    messages.push('user must be a non-empty object', ...(userObject ? [] : ['user must be an object']));
  } else {
    const { email } = user as Record<string, unknown>;
    if (email === undefined || email === null || email === '') messages.push('user.email should not be empty');
    if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) messages.push('user.email must be an email');
  }
  const password = body.password;
  if (password === undefined || password === null || password === '') messages.push('Password should not be empty');
  if (typeof password !== 'string' || password.length < 8) messages.push('Password should be at least 8 characters long.');
  if (messages.length) throw badRequest(messages);
  return user as Record<string, unknown>;
}

/** UpdateCandidateDTO: the organization, and IsDateString on the dates, IsString/MaxLength on the picked columns. */
const CANDIDATE_UPDATE_DTO: DtoSpec = {
  tenantOrganization: true,
  fields: {
    appliedDate: { type: 'isoDate' }, hiredDate: { type: 'isoDate' }, rejectDate: { type: 'isoDate' }, cvUrl: { type: 'string' },
    candidateLevel: { type: 'string', maxLength: 500 },
  },
};

/** The columns of a candidate save() answers null (numbers 0, as their transformer reads them) when it was not given them. */
const UNSET_COLUMNS: Record<string, unknown> = {
  createdByUserId: null, deletedByUserId: null, isActive: null, isArchived: null, archivedAt: null, rating: null, valueDate: null, appliedDate: null,
  hiredDate: null, rejectDate: null, status: null, candidateLevel: null, reWeeklyLimit: 0, billRateCurrency: null, billRateValue: 0, minimumBillingRate: 0,
  payPeriod: null, cvUrl: null, contactId: null, organizationPositionId: null, sourceId: null, employeeId: null,
};

/** What the service's `save` is given and answers back: the body without the organization objects. */
function savedColumns(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const key of ['id', 'tenant', 'organization', 'user', 'createdAt', 'deletedAt', 'source', 'tags', 'documents', 'password']) delete out[key];
  return out;
}

export function registerCandidatesRoutes(registry: RouteRegistry): void {
  // Gauzy declares /count and /pagination before /:id; the literal routes here do too.
  registry.serve('GET', '/api/candidate/pagination', (input) => {
    const caller = candidateCaller(input);
    validateBaseQuery(input.store, caller, input.query);
    const where = whereWithoutTenant(input.query.where) as Where;
    const user = (where.user ?? {}) as Where;
    // Checked against a running Gauzy (SQLite): the conditions on the user name a "user" alias the query does not join
    // (400 {"code":"SQLITE_ERROR"}), and a `join` as Gauzy's app sends it (join[alias], join[leftJoin][user]) fails
    // setFindOptions (400 with an empty body). So the name search of this route cannot work through the API.
    if (input.query.join !== undefined) return { status: 400, body: {} };
    if (user.name || user.email) return { status: 400, body: { code: 'SQLITE_ERROR' } };
    // Otherwise: the tenant, where.organizationId, and isArchived (isNotEmpty(Boolean(JSON.parse(v))) holds for any value,
    // so naming it at all leaves archived candidates out); no other key of `where` is read.
    const rows = scopedRows(input.store, CANDIDATE, caller).filter((row) =>
      (where.organizationId === undefined || row.organizationId === where.organizationId) && (where.isArchived === undefined || !row.isArchived));
    return withRatingsPage(paginated(input, CANDIDATE, rows, true));
  });

  registry.serve('GET', '/api/candidate', (input) => {
    candidateCaller(input);
    return withRatingsPage(paginated(input, CANDIDATE, listRows(input, CANDIDATE), false));
  });

  registry.serve('GET', '/api/candidate/:id', (input) => {
    const caller = candidateCaller(input);
    const id = assertUuidParam(input.params.id);
    // FindOptionsQueryDTO: `where` is required and validated as TenantOrganizationBaseDTO.
    validateBaseQuery(input.store, caller, input.query);
    const relations = normalizeRelations(input.query.relations);
    const refused = refuseUnknownRelation(input, CANDIDATE, relations, false);
    if (refused) return refused;
    const where = whereWithoutTenant(input.query.where) as Where;
    const row = scopedRows(input.store, CANDIDATE, caller).find((candidate) => candidate.id === id && (where.organizationId === undefined || candidate.organizationId === where.organizationId));
    if (!row) throw recordNotFound();
    return { body: render(input.store, row, relations) };
  });

  registry.serve('POST', '/api/candidate', (input) => {
    const caller = candidateCaller(input);
    const user = validateCandidateCreate(input, caller);
    const store = input.store;
    const body = input.body;
    // UserCreateCommand checks no uniqueness: a second candidate with the same email gets a second user.
    const email = String(user.email);
    const candidateRole = roleNamed(store, caller.tenantId, 'CANDIDATE');
    const organizationId = String(body.organizationId ?? (body.organization as { id?: string } | undefined)?.id);
    const person = insertEntity(store, 'user', {
      firstName: user.firstName ?? null, lastName: user.lastName ?? null, email, roleId: candidateRole?.id ?? null,
      hash: hashPassword(String(body.password)), preferredLanguage: 'en', preferredComponentLayout: 'TABLE',
    }, { tenantId: caller.tenantId });
    const source = body.source && typeof body.source === 'object' ? insertEntity(store, 'candidateSource', { name: (body.source as Where).name ?? null }, { tenantId: caller.tenantId, organizationId }) : undefined;
    const row = insertEntity(store, CANDIDATE, { ...savedColumns(body), status: 'APPLIED', userId: person.id, sourceId: source?.id ?? body.sourceId ?? null }, { tenantId: caller.tenantId, organizationId, createdByUserId: String(caller.user.id) });
    insertEntity(store, 'userOrganization', { userId: person.id, isDefault: true }, { tenantId: caller.tenantId, organizationId });
    recordEmail(store, caller, email, 'welcome-user', organizationId);
    // save() answers the entity it was given: the columns, the user (with its role) and source as saved, no load hook.
    const savedUser = { ...serialize('user', person, store, [], { virtuals: false }), tenant: { id: caller.tenantId }, role: candidateRole ? serialize('role', candidateRole, store) : null };
    return { body: { ...serialize(CANDIDATE, row, store, [], { virtuals: false }), tenant: { id: caller.tenantId }, user: savedUser, ...(source ? { source: serialize('candidateSource', source, store) } : {}) } };
  });

  registry.serve('PUT', '/api/candidate/:id', (input) => {
    const caller = candidateCaller(input);
    const id = assertUuidParam(input.params.id);
    const body = validateBody(input.store, caller, input.body, CANDIDATE_UPDATE_DTO);
    const row = scopedRows(input.store, CANDIDATE, caller).find((candidate) => candidate.id === id);
    // save() of an id that is no row inserts one, which the missing user refuses: BadRequestException(error) as Gauzy
    // renders it (the driver's error under `response`).
    if (!row) throw new GauzyHttpError(400, { response: { code: 'SQLITE_CONSTRAINT_NOTNULL' }, status: 400, options: {}, message: 'SqliteError: NOT NULL constraint failed: candidate.userId', name: 'BadRequestException' });
    const changes = savedColumns(body);
    // CandidateSubscriber.beforeEntityCreate: a valid rejectDate in the saved entity makes it REJECTED.
    if ('rejectDate' in changes && changes.rejectDate && !Number.isNaN(Date.parse(String(changes.rejectDate)))) changes.status = 'REJECTED';
    const updatedAt = new Date().toISOString();
    Object.assign(row, changes, { updatedAt, updatedByUserId: caller.user.id });
    // save() answers the entity it was given with every column it did not set as null (status and dates included).
    return { body: { id, ...UNSET_COLUMNS, ...changes, tenant: { id: caller.tenantId }, updatedByUserId: caller.user.id, updatedAt } };
  });

  registry.serve('PUT', '/api/candidate/:id/:status', (input) => {
    const caller = candidateCaller(input);
    const id = assertUuidParam(input.params.id);
    const store = input.store;
    const status = input.params.status;
    if (status !== 'hired' && status !== 'rejected') return { body: undefined };
    const row = candidateRow(input, caller, id);
    const alreadyHired = row.status === 'HIRED' && !!row.hiredDate;
    const now = new Date().toISOString();
    if (status === 'hired') {
      if (alreadyHired) throw handlerError(409, 'The candidate is already hired, you cannot hire them again.');
      const employee = insertEntity(store, 'employee', {
        billRateValue: row.billRateValue ?? 0, billRateCurrency: row.billRateCurrency ?? null, reWeeklyLimit: row.reWeeklyLimit ?? 0, payPeriod: row.payPeriod ?? null,
        minimumBillingRate: 0, userId: row.userId, contactId: row.contactId ?? null, organizationPositionId: row.organizationPositionId ?? null, isActive: true,
        startedWorkOn: now, isTrackingEnabled: true,
      }, { tenantId: caller.tenantId, organizationId: String(row.organizationId) });
      const employeeRole = roleNamed(store, caller.tenantId, 'EMPLOYEE');
      if (row.userId && employeeRole) store.update('user', String(row.userId), { roleId: employeeRole.id });
      const changes = { status: 'HIRED', hiredDate: now, rejectDate: null, employeeId: employee.id, isActive: true, isArchived: false };
      Object.assign(row, changes, { updatedAt: now });
      // CandidateService.create({ id, …changes, employee }): save() answers what it was given, the rest null (organizationId too).
      const savedEmployee = { ...serialize('employee', employee, store, [], { virtuals: false }), tenant: { id: caller.tenantId }, tags: [] };
      return { body: { ...UNSET_COLUMNS, id, ...changes, tenantId: caller.tenantId, organizationId: null, tenant: { id: caller.tenantId }, employee: savedEmployee, updatedByUserId: caller.user.id, updatedAt: now } };
    }
    if (alreadyHired) throw handlerError(409, 'The candidate is already hired, you cannot reject it.');
    const changes = { status: 'REJECTED', rejectDate: row.rejectDate ?? now, hiredDate: null };
    Object.assign(row, changes, { updatedAt: now });
    const person = row.userId ? store.get('user', String(row.userId)) : undefined;
    recordEmail(store, caller, person?.email ?? null, 'reject-candidate', row.organizationId);
    // The candidate as read (with user and organization), merged with the change.
    return { body: { ...serialize(CANDIDATE, row, store, ['user']), organization: row.organizationId ? serialize('organization', store.get('organization', String(row.organizationId))!, store) : null, ...changes } };
  });

  registry.serve('DELETE', '/api/candidate/:id', (input) => {
    const caller = candidateCaller(input);
    const id = assertUuidParam(input.params.id);
    const row = scopedRows(input.store, CANDIDATE, caller, { withDeleted: true }).find((candidate) => candidate.id === id);
    if (!row) return { body: { raw: [], affected: 0 } };
    for (const [table, key] of CASCADES) for (const dependent of [...input.store.list(table)].filter((entry) => entry[key] === id)) input.store.remove(table, dependent.id);
    input.store.remove(CANDIDATE, id);
    return { body: { raw: [], affected: 1 } };
  });

  // RoleController.findOneRoleByOptions: an EMPLOYEE caller gets their own role, others the tenant's role of `name`
  // (default EMPLOYEE); any failure is a bare 403.
  registry.serve('GET', '/api/roles/options', (input) => {
    const caller = candidateCaller(input);
    if (caller.role.name === 'EMPLOYEE') return { body: serialize('role', caller.role, input.store) };
    const name = typeof input.query.name === 'string' ? input.query.name : 'EMPLOYEE';
    const role = roleNamed(input.store, caller.tenantId, name);
    // ForbiddenException(), rewrapped by the TransformInterceptor.
    if (!role) throw handlerError(403, 'Forbidden');
    return { body: serialize('role', role, input.store) };
  });

  // InviteService.createBulk: one invite per address, each emailed; `ignored` counts team invites already pending.
  registry.serve('POST', '/api/invite/emails', (input) => {
    const caller = candidateCaller(input);
    const store = input.store;
    const body = input.body;
    const messages: string[] = [];
    const organization = validateDto(body, { tenantOrganization: true, fields: {} }, { userId: String(caller.user.id), belongsToOrganization: (id) => belongsToOrganization(store, caller, id) });
    if (!organization.ok) messages.push(...organization.messages);
    const emailIds = body.emailIds;
    if (!Array.isArray(emailIds) || emailIds.length === 0) messages.push('emailIds should not be empty');
    const types = ['USER', 'EMPLOYEE', 'CANDIDATE', 'TEAM'];
    if (!types.includes(String(body.inviteType))) messages.push(`inviteType must be one of the following values: ${types.join(', ')}`);
    const roleId = body.roleId ?? (body.role as { id?: unknown } | undefined)?.id;
    const role = typeof roleId === 'string' && isUuid(roleId) ? store.get('role', roleId) : undefined;
    if (!roleId) messages.push('roleId should not be empty');
    else if (!role || role.tenantId !== caller.tenantId) messages.push(`RoleId ${String(roleId)} should be exist for this tenant.`);
    if (messages.length) throw badRequest(messages);
    const organizationId = String(body.organizationId);
    // Only a pending invite to the same teams is ignored (the service intersects the teams); other invites are made again.
    const teamIds = Array.isArray(body.teamIds) ? (body.teamIds as string[]) : [];
    const pending = new Set(store.list('invite').filter((invite) => invite.tenantId === caller.tenantId && invite.organizationId === organizationId && invite.status === 'INVITED'
      && ((invite.teamIds as string[] | undefined) ?? []).some((id) => teamIds.includes(id))).map((invite) => String(invite.email)));
    const days = Number(body.invitationExpirationPeriod ?? store.get('organization', organizationId)?.inviteExpiryPeriod) || 7;
    const items: Record<string, unknown>[] = [];
    let ignored = 0;
    for (const email of emailIds as string[]) {
      if (pending.has(String(email))) {
        ignored++;
        continue;
      }
      const invite = insertEntity(store, 'invite', {
        token: randomBytes(24).toString('hex'), email, roleId, invitedByUserId: caller.user.id, status: 'INVITED',
        expireDate: body.invitationExpirationPeriod === 'Never' ? null : new Date(Date.now() + days * 86_400_000).toISOString(),
        actionDate: body.startedWorkOn ?? body.appliedDate ?? null, code: randomBytes(4).toString('hex').toUpperCase(), fullName: body.fullName ?? null, teamIds,
      }, { tenantId: caller.tenantId, organizationId });
      recordEmail(store, caller, email, body.inviteType === 'USER' ? 'invite-user' : 'invite-employee', organizationId);
      // Gauzy answers the saved invites whole, token and code included.
      const { teamIds: _teams, ...saved } = invite;
      items.push({ ...saved, projects: [], teams: [], departments: [], organizationContacts: [], tenant: { id: caller.tenantId } });
    }
    return { body: { items, total: items.length, ignored } };
  });
}
