import { gauzyReadsAsBoolean } from '@gauzy-mcp/core';
import { isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { refuseUnknownRelation } from '../engine/crud-engine.js';
import { insertEntity, scopedRows, validateBaseQuery } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { forbiddenResource, GauzyHttpError, handlerError, invalidUuid, routeNotFound } from '../http-errors.js';

/*
 * The time-off routes with logic of their own (packages/core/src/lib/time-off-request/ and time-off-policy/).
 * They are served only to a sandbox taught the time-off entities (the time-off pack's `./sandbox`); the
 * inherited GET /:id, DELETE /:id and GET /count of requests and GET /api/time-off-policy come from the entities.
 */

const REQUEST = 'timeOffRequest';
const POLICY = 'timeOffPolicy';

type Item = Record<string, unknown>;

/** The time-off routes exist only where the time-off entities do; elsewhere the path is unknown, as before the pack. */
function timeOffCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(REQUEST) || !input.store.entities.has(POLICY)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

const idParam = (input: HandlerInput): string => {
  // UUIDValidationPipe.
  if (!isUuid(input.params.id)) throw invalidUuid();
  return input.params.id!;
};

/** BaseQueryDTO's transform (convertNativeParameters): every leaf that parses as JSON becomes `Boolean(JSON.parse(v))`. */
function transformed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(transformed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, transformed(item)]));
  return typeof value === 'string' && gauzyReadsAsBoolean(value) ? Boolean(JSON.parse(value)) : value;
}

/** @gauzy/utils isNotEmpty: `false`, 0, '', null, 'null', empty arrays and objects are empty. */
function notEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(notEmpty);
  if (value && typeof value === 'object') return Object.values(value).some((item) => item !== null && item !== undefined && item !== '');
  return !!value && !['null', 'undefined'].includes(String(value).toLowerCase());
}

/** moment.utc(v).format('YYYY-MM-DD HH:mm:ss'): the bound to the second, as Postgres compares it with the stored timestamp. */
const toSecond = (value: unknown) => Math.floor(Date.parse(String(value)) / 1000) * 1000;

/**
 * A TypeORM query failure the service answered as `new BadRequestException(error)`: the error's own
 * enumerable properties are the body (the query, its parameters, the driver's code; no message), as the
 * real Gauzy (SQLite) sends it.
 */
const queryFailed = (query: string, code: string) => new GauzyHttpError(400, { query, parameters: [], driverError: { code }, code });

/** The status a request's RequestApproval row gets (StatusTypesMapRequestApprovalEnum). */
const APPROVAL_STATUS: Record<string, number> = { REQUESTED: 1, APPROVED: 2, DENIED: 3 };

export function registerTimeOffRoutes(registry: RouteRegistry): void {
  // TimeOffRequestService.pagination (TypeORM branch): tenant, `where.organizationId`, the requests that START OR
  // END between where.startDate and where.endDate (both given; else the current month, UTC), `isHoliday` (a true
  // one keeps the non-holidays), `includeArchived` (a true one keeps the archived), status, description LIKE;
  // `relations` joined; skip a 1-based page of take (default 10); no order. As on the real Gauzy: a `join` (the web
  // client's) fails with 400 `{}`, and so does the policy-name filter; the employee and employee-name filters,
  // whose alias the query lacks, fail with 400 `{"code":"SQLITE_ERROR"}`.
  registry.serve('GET', '/api/time-off-request/pagination', (input) => {
    const caller = timeOffCaller(input);
    validateBaseQuery(input.store, caller, input.query);
    const where = transformed(input.query.where ?? {}) as Item;
    if (input.query.join !== undefined || notEmpty((where.policy as Item | undefined)?.name)) return { status: 400, body: {} };
    if (notEmpty(where.employeeIds) || notEmpty((where.user as Item | undefined)?.name)) return { status: 400, body: { code: 'SQLITE_ERROR' } };
    const relations = normalizeRelations(input.query.relations);
    const refused = refuseUnknownRelation(input, REQUEST, relations, true);
    if (refused) return refused;
    const now = new Date();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const monthEnd = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1000;
    const [from, to] = notEmpty(where.startDate) && notEmpty(where.endDate) ? [toSecond(where.startDate), toSecond(where.endDate)] : [monthStart, monthEnd];
    const within = (value: unknown) => {
      const at = Date.parse(String(value));
      return at >= from && at <= to;
    };
    const like = (value: unknown, needle: unknown) => String(value ?? '').toLowerCase().includes(String(needle).toLowerCase());
    const rows = scopedRows(input.store, REQUEST, caller).filter((row) => {
      if (notEmpty(where.organizationId) && row.organizationId !== where.organizationId) return false;
      if (!(within(row.start) || within(row.end))) return false;
      if (notEmpty(where.isHoliday) && row.isHoliday) return false;
      if (notEmpty(where.includeArchived) && !row.isArchived) return false;
      if (notEmpty(where.status) && row.status !== where.status) return false;
      return !notEmpty(where.description) || like(row.description, where.description);
    });
    const take = Number.parseInt(String(input.query.take ?? ''), 10) || 10;
    const page = Number.parseInt(String(input.query.skip ?? ''), 10) || 0;
    const items = rows.slice(page ? take * (page - 1) : 0, (page ? take * (page - 1) : 0) + take).map((row) => serialize(REQUEST, row, input.store, relations));
    return { body: { items, total: rows.length } };
  });

  // TimeOffRequestService.create: the body assigned onto a new entity and saved (no DTO validation), then a
  // RequestApproval row for it; the NOT NULL columns without a default fail the save, which CrudService.save
  // answers as `new BadRequestException(error)`, and so does an employee id no employee has (the join table's
  // foreign key; the save is rolled back). The answer is the body as saved: the employees as sent, `tenant: {id}`.
  registry.serve('POST', '/api/time-off-request', (input) => {
    const caller = timeOffCaller(input);
    const spec = input.store.entities.get(REQUEST)!;
    const data = spec.fromBody ? spec.fromBody(input.body) : { ...input.body };
    for (const key of ['id', 'tenantId', 'createdAt', 'updatedAt', 'deletedAt']) delete data[key];
    const insert = 'INSERT INTO "time_off_request"(…) VALUES (…)';
    for (const column of ['start', 'end', 'requestDate', 'status', 'policyId']) {
      if (data[column] === undefined || data[column] === null) throw queryFailed(insert, 'SQLITE_CONSTRAINT_NOTNULL');
    }
    if (!input.store.get(POLICY, String(data.policyId))) throw queryFailed(insert, 'SQLITE_CONSTRAINT_FOREIGNKEY');
    const employeeIds = (data.employeeIds as string[] | undefined) ?? [];
    if (employeeIds.some((id) => !input.store.get('employee', id))) {
      throw queryFailed('INSERT INTO "time_off_request_employee"("employeeId", "timeOffRequestId") VALUES (?, ?)', 'SQLITE_CONSTRAINT_FOREIGNKEY');
    }
    const row = insertEntity(input.store, REQUEST, data, { tenantId: caller.tenantId, organizationId: (data.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
    insertEntity(input.store, 'requestApproval', {
      requestId: row.id, requestType: 'TIME_OFF', status: APPROVAL_STATUS[String(row.status)] ?? 1, name: 'Request time off', min_count: 1,
    }, { tenantId: caller.tenantId, organizationId: row.organizationId as string | null });
    return { body: { ...serialize(REQUEST, row, input.store, [], { virtuals: false }), ...(Array.isArray(input.body.employees) ? { employees: input.body.employees } : {}), tenant: { id: caller.tenantId } } };
  });

  // TimeOffRequestService.updateTimeOffByAdmin: the tenant's request by id, then `save({ id, ...body })` (what is
  // not sent stays); any failure is rewrapped as `new BadRequestException(error)`, the NotFoundException itself as the body.
  registry.serve('PUT', '/api/time-off-request/:id', (input) => {
    const caller = timeOffCaller(input);
    const id = idParam(input);
    const row = scopedRows(input.store, REQUEST, caller).find((request) => request.id === id);
    if (!row) {
      const message = 'The requested record was not found';
      throw new GauzyHttpError(400, { response: { message, error: 'Not Found', statusCode: 404 }, status: 404, options: {}, message, name: 'NotFoundException' });
    }
    const spec = input.store.entities.get(REQUEST)!;
    const data = spec.fromBody ? spec.fromBody(input.body) : { ...input.body };
    for (const key of ['id', 'tenantId', 'createdAt', 'deletedAt', 'createdByUserId']) delete data[key];
    const updatedAt = new Date().toISOString();
    Object.assign(row, data, { updatedAt, updatedByUserId: caller.user.id });
    return { body: { id, ...input.body, updatedAt } };
  });

  // TimeOffStatusHandler (PUT approval/:id, denied/:id): RoleGuard SUPER_ADMIN or ADMIN; the request found by id
  // alone; its status set whatever it was (a request already approved is approved again), and its RequestApproval's.
  for (const [route, status] of [['/api/time-off-request/approval/:id', 'APPROVED'], ['/api/time-off-request/denied/:id', 'DENIED']] as const) {
    registry.serve('PUT', route, (input) => {
      const caller = timeOffCaller(input);
      if (!['SUPER_ADMIN', 'ADMIN'].includes(String(caller.role.name))) throw forbiddenResource();
      const id = idParam(input);
      const row = input.store.list(REQUEST).find((request) => request.id === id && !request.deletedAt);
      if (!row) throw handlerError(404, 'Request time off not found');
      Object.assign(row, { status, updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
      const approval = input.store.list('requestApproval').find((entry) => entry.requestId === id);
      if (approval) approval.status = APPROVAL_STATUS[status];
      return { body: serialize(REQUEST, row, input.store) };
    });
  }

  // TimeOffPolicyService.create: name, requiresApproval and paid copied (NOT NULL, no default), the employees the
  // body names by id looked up in the organization (others are left out; without `employees` the lookup's
  // `In(undefined)` throws); failures are HttpException 400s in the real Gauzy's (SQLite's) words.
  registry.serve('POST', '/api/time-off-policy', (input) => {
    const caller = timeOffCaller(input);
    const body = input.body;
    const failed = (why: string) => handlerError(400, `Error while creating time-off policy: ${why}`);
    if (!Array.isArray(body.employees)) throw failed('parameterValue.value is not iterable');
    for (const column of ['name', 'requiresApproval', 'paid']) {
      if (body[column] === undefined || body[column] === null) throw failed(`SqliteError: NOT NULL constraint failed: time_off_policy.${column}`);
    }
    const organizationId = (body.organizationId as string | undefined) ?? null;
    const wanted = (body.employees as unknown[]).map((entry) => String(entry && typeof entry === 'object' ? (entry as Item).id : entry));
    const employeeIds = wanted.filter((id) => {
      const employee = input.store.get('employee', id);
      return !!employee && employee.tenantId === caller.tenantId && employee.organizationId === organizationId;
    });
    const row = insertEntity(input.store, POLICY, { name: body.name, requiresApproval: body.requiresApproval, paid: body.paid, employeeIds }, { tenantId: caller.tenantId, organizationId, createdByUserId: String(caller.user.id) });
    return { body: { ...serialize(POLICY, row, input.store, ['employees', 'employees.user'], { virtuals: false }), tenant: { id: caller.tenantId } } };
  });

  // The inherited delete (TenantAwareCrudService): affected 0 for an id the tenant does not have; the requests
  // filed under the policy go with it (time_off_request.policyId is ON DELETE CASCADE), as do its employee links.
  registry.serve('DELETE', '/api/time-off-policy/:id', (input) => {
    const caller = timeOffCaller(input);
    const id = idParam(input);
    const row = scopedRows(input.store, POLICY, caller, { withDeleted: true }).find((policy) => policy.id === id);
    if (!row || !input.store.remove(POLICY, id)) return { body: { raw: [], affected: 0 } };
    for (const request of [...input.store.list(REQUEST)]) if (request.policyId === id) input.store.remove(REQUEST, request.id);
    return { body: { raw: [], affected: 1 } };
  });
}
