import type { DtoSpec } from '../dto-validation.js';
import { ENTITY_SPECS } from '../entity-specs.js';
import { badRequestMessage, handlerError, recordNotFound } from '../http-errors.js';
import type { Row } from '../store.js';
import type { HandlerInput, HandlerOutput, RouteHandler } from './context.js';
import { applyOrder, matchesWhere, page, toInt } from './query.js';
import { assertUuidParam, insertEntity, scopedRows, validateBaseQuery, validateBody, whereWithoutTenant } from './records.js';
import { requireCaller, type RouteRegistry } from './route-registry.js';
import { normalizeRelations, serialize, unknownRelation } from './serialize.js';

/** The generic operations a resource can expose; each maps to one Gauzy route shape. */
export type CrudOperation = 'findAll' | 'pagination' | 'count' | 'findById' | 'create' | 'update' | 'delete' | 'softDelete' | 'recover';

/** DATA describing one REST resource. Tool packs add entries like this rather than handler code. */
export interface ResourceRoutes {
  entity: string;
  basePath: string;
  operations: readonly CrudOperation[];
  /** Name of the `:id` param in Gauzy's template (almost always `id`). */
  idParam?: string;
}

const isTrue = (v: unknown) => v === true || v === 'true' || v === '1';

/** Style A list: validated `where` (when the route validates), tenant/employee scoping, equality filter, order. */
export function listRows(input: HandlerInput, entity: string, extraFilter?: (row: Row) => boolean): Row[] {
  const caller = requireCaller(input);
  if (input.route.validation) validateBaseQuery(input.store, caller, input.query);
  const where = whereWithoutTenant(input.query.where);
  const rows = scopedRows(input.store, entity, caller, { withDeleted: isTrue(input.query.withDeleted) })
    .filter((row) => matchesWhere(entity, row, where, input.store))
    .filter((row) => (extraFilter ? extraFilter(row) : true));
  return applyOrder(rows, input.query.order);
}

/**
 * What Gauzy answers for a relation its entity does not have. TypeORM throws, and the services answer
 * differently: the inherited findAll and findById return the error as a 200 body `{message}`, while the
 * paged routes (`/pagination`, `/me`, `/team`) fail with 400 and an empty body. Checked against a
 * running Gauzy.
 */
function refuseUnknownRelation(entity: string, relations: readonly string[], paged: boolean): HandlerOutput | undefined {
  const unknown = unknownRelation(entity, relations);
  if (!unknown) return undefined;
  if (paged) return { status: 400, body: {} };
  return { status: 200, body: { message: `Property "${unknown.property}" was not found in "${unknown.entityClass}". Make sure your query is correct.` } };
}

/** `{items,total}` with `skip` as row offset (findAll) or 1-based page (pagination & custom paged routes). */
export function paginated(input: HandlerInput, entity: string, rows: Row[], skipIsPage: boolean): HandlerOutput {
  const relations = normalizeRelations(input.query.relations);
  const refused = refuseUnknownRelation(entity, relations, skipIsPage);
  if (refused) return refused;
  const items = page(rows, toInt(input.query.take), toInt(input.query.skip), skipIsPage).map((r) => serialize(entity, r, input.store, relations));
  return { body: { items, total: rows.length } };
}

export function findScoped(input: HandlerInput, entity: string, id: string, withDeleted = false): Row {
  const caller = requireCaller(input);
  const row = scopedRows(input.store, entity, caller, { withDeleted }).find((r) => r.id === id);
  if (!row) throw recordNotFound();
  return row;
}

function operationHandler(resource: ResourceRoutes, op: CrudOperation): RouteHandler {
  const { entity } = resource;
  const spec = ENTITY_SPECS[entity];
  if (!spec) throw new Error(`Unknown entity spec ${entity}`);
  const idOf = (input: HandlerInput) => assertUuidParam(input.params[resource.idParam ?? 'id']);
  switch (op) {
    case 'findAll':
      return (input) => paginated(input, entity, listRows(input, entity), false);
    case 'pagination':
      return (input) => paginated(input, entity, listRows(input, entity), true);
    case 'count':
      return (input) => {
        const caller = requireCaller(input);
        // CountQueryDTO is flat (`?organizationId=`); the `where[...]` form is accepted too.
        const flat = { ...input.query } as Record<string, unknown>;
        const where = whereWithoutTenant(flat.where ?? flat);
        for (const k of ['where', 'relations', 'take', 'skip', 'order', 'withDeleted', 'data']) delete where[k];
        const count = scopedRows(input.store, entity, caller).filter((r) => matchesWhere(entity, r, where, input.store)).length;
        return { body: count };
      };
    case 'findById':
      return (input) => {
        const id = idOf(input);
        const relations = normalizeRelations(input.query.relations);
        const refused = refuseUnknownRelation(entity, relations, false);
        if (refused) return refused;
        const row = scopedRows(input.store, entity, requireCaller(input), { withDeleted: isTrue(input.query.withDeleted) }).find((r) => r.id === id);
        if (!row) throw spec.findByIdFailure ? handlerError(spec.findByIdFailure.status, `${spec.findByIdFailure.prefix}${NOT_FOUND}`) : recordNotFound();
        return { body: serialize(entity, row, input.store, relations) };
      };
    case 'create':
      return (input) => {
        const caller = requireCaller(input);
        const body = input.route.validation && spec.create ? validateBody(input.store, caller, input.body, spec.create) : input.body;
        const organizationId = (body.organizationId as string | undefined) ?? (body.organization as { id?: string } | undefined)?.id ?? null;
        const data = spec.fromBody ? spec.fromBody(body) : { ...body };
        for (const k of ['id', 'tenantId', 'tenant', 'organization', 'createdAt', 'updatedAt', 'deletedAt']) delete data[k];
        if (spec.employeeScoped && caller.selfScoped) data.employeeId = caller.employee?.id ?? null;
        const row = insertEntity(input.store, entity, data, { tenantId: caller.tenantId, organizationId, createdByUserId: String(caller.user.id) });
        spec.onCreate?.(row, { employeeId: caller.employee?.id, isEmployeeRole: caller.role.name === 'EMPLOYEE' }, input.store);
        const answer = spec.createAnswer;
        const relations = answer?.relations ?? Object.keys(spec.relations ?? {}).filter((r) => r === 'members' && spec.relations?.[r]?.kind === 'manyToManyIds');
        const created = serialize(entity, row, input.store, relations, { virtuals: answer?.virtuals });
        return { body: answer?.tenant ? { ...created, tenant: { id: caller.tenantId } } : created };
      };
    case 'update':
      return (input) => {
        const caller = requireCaller(input);
        const row = findScoped(input, entity, idOf(input));
        const body = input.route.validation && spec.update ? validateBody(input.store, caller, input.body, spec.update) : input.body;
        const data = spec.fromBody ? spec.fromBody(body) : { ...body };
        for (const k of ['id', 'tenantId', 'tenant', 'organization', 'createdAt', 'deletedAt', 'createdByUserId']) delete data[k];
        Object.assign(row, data, { updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
        // Inherited CrudController PUT answers TypeORM's UpdateResult, custom handlers the entity.
        if (/UpdateResult/.test(input.route.returns)) return { body: { generatedMaps: [], raw: [], affected: 1 } };
        return { body: serialize(entity, row, input.store) };
      };
    case 'delete':
      return (input) => {
        const caller = requireCaller(input);
        const id = idOf(input);
        // Tenant-aware delete: a missing (or foreign) id is not an error, just affected: 0.
        const row = scopedRows(input.store, entity, caller, { withDeleted: true }).find((r) => r.id === id);
        const affected = row && input.store.remove(entity, id) ? 1 : 0;
        return { body: { raw: [], affected } };
      };
    case 'softDelete':
      return (input) => softDelete(input, entity, idOf(input));
    case 'recover':
      return (input) => recover(input, entity, idOf(input));
  }
}

// CrudService.findOneByIdString's NotFoundException; softRemove / softRecover wrap it.
const NOT_FOUND = 'The requested record was not found';
const SOFT_REMOVE_FAILED = `An error occurred during soft removal: ${NOT_FOUND}`;
const RESTORE_FAILED = `An error occurred during restoring entity: ${NOT_FOUND}`;
/** TenantOrganizationBaseDTO under `whitelist: true`, as the overriding controllers take it. */
const ORGANIZATION_DTO: DtoSpec = { tenantOrganization: true, whitelist: true, fields: {} };

/** The service override's lookup (EmployeeService): the row in the organization the request names. */
function inRequestOrganization(input: HandlerInput, entity: string, id: string, organizationId: unknown, withDeleted: boolean): Row | undefined {
  return scopedRows(input.store, entity, requireCaller(input), { withDeleted }).find((row) => row.id === id && row.organizationId === organizationId);
}

function softDelete(input: HandlerInput, entity: string, id: string): HandlerOutput {
  const caller = requireCaller(input);
  const overridden = ENTITY_SPECS[entity]?.softDelete === 'withDeleted';
  const row = overridden
    ? inRequestOrganization(input, entity, id, validateBody(input.store, caller, input.query, ORGANIZATION_DTO).organizationId, false)
    : scopedRows(input.store, entity, caller).find((r) => r.id === id);
  if (!row) throw overridden ? badRequestMessage(SOFT_REMOVE_FAILED) : handlerError(404, SOFT_REMOVE_FAILED);
  Object.assign(row, { deletedAt: new Date().toISOString(), deletedByUserId: caller.user.id });
  return { body: serialize(entity, row, input.store) };
}

function recover(input: HandlerInput, entity: string, id: string): HandlerOutput {
  const caller = requireCaller(input);
  if (ENTITY_SPECS[entity]?.softDelete === 'withDeleted') {
    const { organizationId } = validateBody(input.store, caller, input.body, ORGANIZATION_DTO);
    const row = inRequestOrganization(input, entity, id, organizationId, true);
    if (!row) throw badRequestMessage(RESTORE_FAILED);
    Object.assign(row, { deletedAt: null, deletedByUserId: null, updatedAt: new Date().toISOString() });
    return { body: serialize(entity, row, input.store) };
  }
  // The generic lookup skips soft-deleted rows: only a live row is found, and recovering it changes nothing.
  const row = scopedRows(input.store, entity, caller).find((r) => r.id === id);
  if (!row) throw handlerError(404, RESTORE_FAILED);
  return { body: serialize(entity, row, input.store) };
}


const OPERATION_ROUTES: Record<CrudOperation, { method: string; suffix: (idParam: string) => string }> = {
  findAll: { method: 'GET', suffix: () => '' },
  pagination: { method: 'GET', suffix: () => '/pagination' },
  count: { method: 'GET', suffix: () => '/count' },
  findById: { method: 'GET', suffix: (p) => `/:${p}` },
  create: { method: 'POST', suffix: () => '' },
  update: { method: 'PUT', suffix: (p) => `/:${p}` },
  delete: { method: 'DELETE', suffix: (p) => `/:${p}` },
  softDelete: { method: 'DELETE', suffix: (p) => `/:${p}/soft` },
  recover: { method: 'PUT', suffix: (p) => `/:${p}/recover` },
};

/** Registers every operation of a resource; the route table decides status codes, permissions and validation. */
export function serveResource(registry: RouteRegistry, resource: ResourceRoutes): void {
  for (const op of resource.operations) {
    const { method, suffix } = OPERATION_ROUTES[op];
    registry.serve(method, `${resource.basePath}${suffix(resource.idParam ?? 'id')}`, operationHandler(resource, op));
  }
}
