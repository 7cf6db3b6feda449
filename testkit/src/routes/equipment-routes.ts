import { isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { listRows, paginated } from '../engine/crud-engine.js';
import { insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { serialize } from '../engine/serialize.js';
import { GauzyHttpError, handlerError, invalidUuid } from '../http-errors.js';
import type { Row } from '../store.js';

/*
 * The equipment routes with logic of their own (packages/core/src/lib/equipment/ and equipment-sharing/).
 * They are served only to a sandbox taught the equipment pack's entities (its `./sandbox`); GET /, GET /:id,
 * GET /count and PUT /:id of equipment, GET /, GET /:id and DELETE /:id of sharings and the policy routes come
 * from the entities.
 */

const EQUIPMENT = 'equipment';
const SHARING = 'equipmentSharing';

type Item = Record<string, unknown>;

const equipmentCaller = (input: HandlerInput): CallerContext => requireCaller(input);

const idParam = (input: HandlerInput): string => {
  // UUIDValidationPipe.
  if (!isUuid(input.params.id)) throw invalidUuid();
  return input.params.id!;
};

/** A TypeORM failure answered as the error itself (the query, the driver's code, no message), as the real Gauzy (SQLite) sends it. */
const queryFailed = (query: string, code: string) => new GauzyHttpError(400, { query, parameters: [], driverError: { code }, code });

/**
 * The RequestApproval Gauzy files beside a sharing (EquipmentSharingCreateHandler / UpdateHandler), named after
 * it: its name is NOT NULL, so a sharing without a name is saved and then the request fails (no transaction).
 */
function fileApproval(input: HandlerInput, caller: CallerContext, sharing: Row): void {
  if (!sharing.name) throw queryFailed('INSERT INTO "request_approval"(…) VALUES (…)', 'SQLITE_CONSTRAINT_NOTNULL');
  insertEntity(input.store, 'requestApproval', {
    requestId: sharing.id, requestType: 'EQUIPMENT_SHARING', status: sharing.status ?? 1, name: sharing.name ?? null, min_count: 1,
  }, { tenantId: caller.tenantId, organizationId: (sharing.organizationId as string | null | undefined) ?? null });
}

function dropApprovals(input: HandlerInput, id: string): void {
  for (const approval of [...input.store.list('requestApproval')]) if (approval.requestId === id) input.store.remove('requestApproval', approval.id);
}

/** TenantAwareCrudService.create → save of the sharing body: NOT NULL status, the employees' and teams' foreign keys. */
function saveSharing(input: HandlerInput, caller: CallerContext, body: Item, organizationId: string | null): Row {
  const spec = input.store.entities.get(SHARING)!;
  const data = spec.fromBody ? spec.fromBody(body) : { ...body };
  // An `id` and `createdAt` the body sends are saved as given (insertEntity lets data override the base columns).
  for (const key of ['tenantId', 'updatedAt', 'deletedAt', 'createdByUserId', 'organizationId']) delete data[key];
  if (typeof data.id !== 'string') delete data.id;
  if (typeof data.createdAt !== 'string') delete data.createdAt;
  if (data.status === undefined || data.status === null) throw queryFailed('INSERT INTO "equipment_sharing"(…) VALUES (…)', 'SQLITE_CONSTRAINT_NOTNULL');
  if (data.equipmentId && !input.store.get(EQUIPMENT, String(data.equipmentId))) throw queryFailed('INSERT INTO "equipment_sharing"(…) VALUES (…)', 'SQLITE_CONSTRAINT_FOREIGNKEY');
  if (((data.employeeIds as string[] | undefined) ?? []).some((employee) => !input.store.get('employee', employee))) {
    throw queryFailed('INSERT INTO "equipment_shares_employees"("equipmentSharingId", "employeeId") VALUES (?, ?)', 'SQLITE_CONSTRAINT_FOREIGNKEY');
  }
  return insertEntity(input.store, SHARING, data, { tenantId: caller.tenantId, organizationId, createdByUserId: String(caller.user.id) });
}

/** The saved entity as TypeORM's save returns it: the columns, the relations as sent, `tenant: {id}`. */
const savedAnswer = (input: HandlerInput, caller: CallerContext, row: Row) => ({
  ...serialize(SHARING, row, input.store, [], { virtuals: false }),
  ...(Array.isArray(input.body.employees) ? { employees: input.body.employees } : {}),
  ...(Array.isArray(input.body.teams) ? { teams: input.body.teams } : {}),
  tenant: { id: caller.tenantId },
});

export function registerEquipmentRoutes(registry: RouteRegistry): void {
  // Only a sandbox taught the pack's entities serves these: elsewhere Gauzy's equipment paths are another
  // entity's (the testkit's own tests describe bare ones) or unknown.
  if (!registry.store.entities.has(EQUIPMENT) || !registry.store.entities.has(SHARING)) return;
  // EquipmentService.pagination: `where[name]`, `where[type]` and `where[serialNumber]` become LIKE '%…%' (any
  // case on SQLite); the rest is the generic paginate (BaseQueryDTO, relations, skip a 1-based page).
  registry.serve('GET', '/api/equipment/pagination', (input) => {
    equipmentCaller(input);
    const where = { ...((input.query.where as Item | undefined) ?? {}) };
    const likes: Array<[string, string]> = [];
    for (const field of ['name', 'type', 'serialNumber']) {
      if (typeof where[field] === 'string' && where[field]) likes.push([field, String(where[field]).toLowerCase()]);
      if (field in where) delete where[field];
    }
    const narrowed = { ...input, query: { ...input.query, where } };
    const rows = listRows(narrowed, EQUIPMENT, (row) => likes.every(([field, needle]) => String(row[field] ?? '').toLowerCase().includes(needle)));
    return paginated(narrowed, EQUIPMENT, rows, true);
  });

  // POST /api/equipment: CreateEquipmentDTO, then EquipmentService.create (save). type, serialNumber and
  // autoApproveShare are NOT NULL without a default: the insert fails with the driver's error as the body.
  registry.serve('POST', '/api/equipment', (input) => {
    const caller = equipmentCaller(input);
    const spec = input.store.entities.get(EQUIPMENT)!;
    const body = validateBody(input.store, caller, input.body, spec.create!);
    const data = spec.fromBody ? spec.fromBody(body) : { ...body };
    for (const key of ['id', 'tenantId', 'createdAt', 'updatedAt', 'deletedAt']) delete data[key];
    for (const column of ['type', 'serialNumber', 'autoApproveShare']) {
      if (data[column] === undefined || data[column] === null) throw queryFailed('INSERT INTO "equipment"(…) VALUES (…)', 'SQLITE_CONSTRAINT_NOTNULL');
    }
    const row = insertEntity(input.store, EQUIPMENT, data, { tenantId: caller.tenantId, organizationId: (body.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
    return { body: { ...serialize(EQUIPMENT, row, input.store, [], { virtuals: false }), tenant: { id: caller.tenantId } } };
  });

  // The inherited tenant-aware delete (affected 0 for an id the tenant does not have); the equipment's sharings go
  // with it (equipment_sharing.equipmentId is ON DELETE CASCADE).
  registry.serve('DELETE', '/api/equipment/:id', (input) => {
    const caller = equipmentCaller(input);
    const id = idParam(input);
    const row = scopedRows(input.store, EQUIPMENT, caller, { withDeleted: true }).find((equipment) => equipment.id === id);
    if (!row || !input.store.remove(EQUIPMENT, id)) return { body: { raw: [], affected: 0 } };
    for (const sharing of [...input.store.list(SHARING)]) if (sharing.equipmentId === id) input.store.remove(SHARING, sharing.id);
    return { body: { raw: [], affected: 1 } };
  });

  // EquipmentSharingCreateHandler: the body saved under the organization of the path (no DTO validation), then a
  // RequestApproval with the sharing's status. 202.
  registry.serve('POST', '/api/equipment-sharing/organization/:id', (input) => {
    const caller = equipmentCaller(input);
    const organizationId = idParam(input);
    const row = saveSharing(input, caller, { ...input.body, id: undefined, createdAt: undefined }, organizationId);
    fileApproval(input, caller, row);
    return { body: savedAnswer(input, caller, row) };
  });

  // EquipmentSharingUpdateHandler: the sharing (tenant's, if any) and its RequestApproval deleted, the body saved
  // as a new record (its `id` and `createdAt` kept when sent; the caller becomes its creator), a new RequestApproval.
  registry.serve('PUT', '/api/equipment-sharing/:id', (input) => {
    const caller = equipmentCaller(input);
    const id = idParam(input);
    const current = scopedRows(input.store, SHARING, caller, { withDeleted: true }).find((row) => row.id === id);
    if (current) input.store.remove(SHARING, id);
    dropApprovals(input, id);
    const row = saveSharing(input, caller, input.body, (input.body.organizationId as string | undefined) ?? null);
    fileApproval(input, caller, row);
    return { body: savedAnswer(input, caller, row) };
  });

  // EquipmentSharingStatusHandler: the sharing and its RequestApproval looked up (404 without either), the
  // approval's status set, then EquipmentSharingService.update(id, { status }): the sharing is deleted and a bare
  // `{ status }` saved as a new record, with no organization, equipment, days or employees (seen on the real Gauzy).
  for (const [route, status] of [['/api/equipment-sharing/approval/:id', 2], ['/api/equipment-sharing/refuse/:id', 3]] as const) {
    registry.serve('PUT', route, (input) => {
      const caller = equipmentCaller(input);
      const id = idParam(input);
      const sharing = scopedRows(input.store, SHARING, caller).find((row) => row.id === id);
      if (!sharing) throw handlerError(404, 'The requested record was not found');
      const approval = input.store.list('requestApproval').find((entry) => entry.requestId === id);
      if (!approval) throw handlerError(404, 'Request Approval not found');
      approval.status = status;
      input.store.remove(SHARING, id);
      const row = insertEntity(input.store, SHARING, { status }, { tenantId: caller.tenantId, organizationId: null, createdByUserId: String(caller.user.id) });
      return { body: { ...serialize(SHARING, row, input.store, [], { virtuals: false }), tenant: { id: caller.tenantId } } };
    });
  }
}
