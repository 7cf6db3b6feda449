import { gauzyReadsAsBoolean } from '@gauzy-mcp/core';
import type { DtoSpec } from '../dto-validation.js';
import type { EntityOperation } from '@gauzy-mcp/core';
import type { EntitySpec } from '../entity-specs.js';
import { badRequestMessage, GauzyHttpError, handlerError, recordNotFound } from '../http-errors.js';
import type { Row } from '../store.js';
import type { HandlerInput, HandlerOutput, RouteHandler } from './context.js';
import { applyOrder, matchesWhere, page, parseDataParam, toInt } from './query.js';
import { assertUuidParam, insertEntity, scopedRows, validateBaseQuery, validateBody, whereWithoutTenant } from './records.js';
import { requireCaller, type RouteRegistry } from './route-registry.js';
import { normalizeRelations, serialize, unknownRelation } from './serialize.js';

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
export function refuseUnknownRelation(input: HandlerInput, entity: string, relations: readonly string[], paged: boolean): HandlerOutput | undefined {
  const unknown = unknownRelation(input.store, entity, relations);
  if (!unknown) return undefined;
  if (unknown.unloaded) {
    // Not Gauzy's answer: the test asked for a relation of a table whose entity it did not load.
    throw new GauzyHttpError(500, { statusCode: 500, message: `Sandbox: relation "${unknown.property}" of ${unknown.entityClass} is unknown because the sandbox was not given the ${unknown.entityClass} entity (createSandbox({ entities }))` });
  }
  if (paged) return { status: 400, body: {} };
  return { status: 200, body: { message: `Property "${unknown.property}" was not found in "${unknown.entityClass}". Make sure your query is correct.` } };
}

/** `{items,total}` with `skip` as row offset (findAll) or 1-based page (pagination & custom paged routes). */
export function paginated(input: HandlerInput, entity: string, rows: Row[], skipIsPage: boolean): HandlerOutput {
  const relations = normalizeRelations(input.query.relations);
  const refused = refuseUnknownRelation(input, entity, relations, skipIsPage);
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

function operationHandler(spec: EntitySpec & { entity: NonNullable<EntitySpec['entity']> }, op: EntityOperation): RouteHandler {
  const entity = spec.name;
  const idOf = (input: HandlerInput) => assertUuidParam(input.params.id);
  switch (op) {
    case 'findAll':
      return (input) => {
        const listed = listInput(input, spec.entity.list.query);
        const paging = spec.entity.list.paging;
        // A route that ignores paging answers every row, as Gauzy's does.
        const unpaged = paging === 'none' ? { ...listed, query: { ...listed.query, take: undefined, skip: undefined } } : listed;
        return paginated(unpaged, entity, listRows(unpaged, entity), paging === 'page');
      };
    case 'pagination':
      return (input) => {
        const search = spec.entity.search;
        const where = input.query.where as Record<string, unknown> | undefined;
        const value = search && where && typeof where[search.field] === 'string' ? String(where[search.field]) : undefined;
        if (!search || value === undefined) return paginated(input, entity, listRows(input, entity), true);
        // As Gauzy's service: LIKE '%value%' in any case, after BaseQueryDTO's transform read the value as JSON when it parses.
        const { [search.field]: _searched, ...rest } = where!;
        const needle = (gauzyReadsAsBoolean(value) ? String(Boolean(JSON.parse(value))) : value).toLowerCase();
        const narrowed = { ...input, query: { ...input.query, where: rest } };
        return paginated(narrowed, entity, listRows(narrowed, entity, (row) => String(row[search.field] ?? '').toLowerCase().includes(needle)), true);
      };
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
        // A style B entity's findById takes its relations in `?data=` too (ParseJsonPipe).
        const relations = normalizeRelations(input.query.relations ?? (spec.entity.list.query === 'data' ? parseDataParam(input.query.data).relations : undefined));
        const refused = refuseUnknownRelation(input, entity, relations, false);
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
      return (input) => softDelete(input, spec, idOf(input));
    case 'recover':
      return (input) => recover(input, spec, idOf(input));
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

function softDelete(input: HandlerInput, spec: EntitySpec, id: string): HandlerOutput {
  const entity = spec.name;
  const caller = requireCaller(input);
  const overridden = spec.softDelete === 'withDeleted';
  const row = overridden
    ? inRequestOrganization(input, entity, id, validateBody(input.store, caller, input.query, ORGANIZATION_DTO).organizationId, false)
    : scopedRows(input.store, entity, caller).find((r) => r.id === id);
  if (!row) throw overridden ? badRequestMessage(SOFT_REMOVE_FAILED) : handlerError(404, SOFT_REMOVE_FAILED);
  Object.assign(row, { deletedAt: new Date().toISOString(), deletedByUserId: caller.user.id });
  return { body: serialize(entity, row, input.store) };
}

function recover(input: HandlerInput, spec: EntitySpec, id: string): HandlerOutput {
  const entity = spec.name;
  const caller = requireCaller(input);
  if (spec.softDelete === 'withDeleted') {
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


/**
 * Registers every operation the entity declares, at the routes its description names; the route table
 * decides status codes, permissions and validation.
 */
export function serveEntity(registry: RouteRegistry, spec: EntitySpec & { entity: NonNullable<EntitySpec['entity']> }): void {
  for (const operation of spec.entity.operations) {
    const route = spec.entity.routes[operation];
    if (!route) continue;
    const [method, path] = route.split(' ') as [string, string];
    registry.serve(method, path, operationHandler(spec, operation));
  }
}

/**
 * The list query in style A's terms. Style B (`?data={"findInput":…,"relations":…}`) and flat parameters
 * are read into `where`, `relations`, `take`, `skip` and `order`; `where` is then not validated as
 * BaseQueryDTO (those routes take other DTOs).
 */
function listInput(input: HandlerInput, style: 'where' | 'data' | 'flat'): HandlerInput {
  if (style === 'where') return input;
  const source = style === 'data' ? parseDataParam(input.query.data) : input.query;
  const { findInput, where, relations, take, skip, order, withDeleted, data: _data, ...flat } = source as Record<string, unknown>;
  const filter = style === 'data' ? (findInput ?? where ?? {}) : (where ?? flat);
  return {
    ...input,
    route: { ...input.route, validation: '' },
    query: { where: filter, relations, take: take ?? input.query.take, skip: skip ?? input.query.skip, order, withDeleted },
  };
}

