import { isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput, HandlerOutput } from '../engine/context.js';
import { insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { parseDataParam } from '../engine/query.js';
import { matchesWhere } from '../engine/query.js';
import { GauzyHttpError, handlerError, invalidUuid, routeNotFound } from '../http-errors.js';
import type { Row } from '../store.js';

/*
 * The goals pack's routes with logic of their own (packages/core/src/lib/goal, keyresult, keyresult-update,
 * goal-template). Served only to a sandbox taught the pack's entities; GET /api/goals (`?data=`), GET /:id,
 * DELETE of updates, GET /api/goal-kpi and POST /api/key-result-updates come from the entities.
 */

const GOAL = 'goal';
const KEY_RESULT = 'keyResult';
const UPDATE = 'keyResultUpdate';
const TEMPLATE = 'goalTemplate';

type Item = Record<string, unknown>;

function goalsCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(GOAL) || !input.store.entities.has(KEY_RESULT)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

const idParam = (input: HandlerInput): string => {
  // UUIDValidationPipe.
  if (!isUuid(input.params.id)) throw invalidUuid();
  return input.params.id!;
};

/** A failed TypeORM save that CrudService.create answers as `new BadRequestException(error)` (SQLite: the driver's code, no message). */
const queryFailed = (table: string, code: string) =>
  new GauzyHttpError(400, { query: `INSERT INTO "${table}"(…) VALUES (…)`, parameters: [], driverError: { code }, code });

/** The NOT NULL columns without a default, per table. */
const NOT_NULL: Record<string, readonly string[]> = {
  [GOAL]: ['name', 'description', 'deadline', 'level', 'progress'],
  [KEY_RESULT]: ['name', 'description', 'type', 'update', 'progress', 'deadline', 'status', 'ownerId'],
};

/** The foreign keys a save checks (SQLite enforces them): column → table. */
const FOREIGN_KEYS: Record<string, Record<string, string>> = {
  [GOAL]: { ownerEmployeeId: 'employee', ownerTeamId: 'organizationTeam', leadId: 'employee', alignedKeyResultId: KEY_RESULT },
  [KEY_RESULT]: { ownerId: 'employee', leadId: 'employee', goalId: GOAL, projectId: 'organizationProject', taskId: 'task', kpiId: 'goalKpi' },
};

const TABLE: Record<string, string> = { [GOAL]: 'goal', [KEY_RESULT]: 'key_result' };

/** What the save would fail on, for a row as it would be stored: a NOT NULL column missing, or a foreign key to no row. */
function saveFailure(input: HandlerInput, entity: string, row: Item): GauzyHttpError | undefined {
  if (NOT_NULL[entity]!.some((column) => row[column] === undefined || row[column] === null)) return queryFailed(TABLE[entity]!, 'SQLITE_CONSTRAINT_NOTNULL');
  for (const [column, table] of Object.entries(FOREIGN_KEYS[entity]!)) {
    const value = row[column];
    if (typeof value === 'string' && !input.store.get(table, value)) return queryFailed(TABLE[entity]!, 'SQLITE_CONSTRAINT_FOREIGNKEY');
  }
  return undefined;
}

/** The body as stored: the DTO checked, relation objects as their ids, server-set keys dropped. */
function bodyData(input: HandlerInput, caller: CallerContext, entity: string, which: 'create' | 'update'): Item {
  const spec = input.store.entities.get(entity)!;
  const dto = spec[which];
  const body = dto ? validateBody(input.store, caller, input.body, dto) : input.body;
  const data = spec.fromBody ? spec.fromBody(body) : { ...body };
  for (const key of ['id', 'tenantId', 'createdAt', 'updatedAt', 'deletedAt', 'createdByUserId']) delete data[key];
  return data;
}

function create(input: HandlerInput, entity: string): HandlerOutput {
  const caller = goalsCaller(input);
  const data = bodyData(input, caller, entity, 'create');
  const spec = input.store.entities.get(entity)!;
  const failed = saveFailure(input, entity, { ...spec.defaults(), ...data });
  if (failed) throw failed;
  const row = insertEntity(input.store, entity, data, { tenantId: caller.tenantId, organizationId: (data.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
  return { body: { ...serialize(entity, row, input.store, [], { virtuals: false }), tenant: { id: caller.tenantId } } };
}

/**
 * The goal and key result PUTs call `service.create({ id, ...body })`: TypeORM's save updates the row with that
 * id (what is not sent stays) or inserts one when there is none, and answers the saved fields. The goal's
 * controller catches a failed save and answers 202 with no body; the key result's lets the 400 through.
 */
function save(input: HandlerInput, entity: string, swallowFailure: boolean): HandlerOutput {
  const caller = goalsCaller(input);
  const id = idParam(input);
  const data = bodyData(input, caller, entity, 'update');
  // TypeORM's save looks the id up by primary key alone (no tenant), then updates or inserts; the service has set the caller's tenant.
  const row = input.store.get(entity, id) as Row | undefined;
  const spec = input.store.entities.get(entity)!;
  const merged = row ? { ...row, ...data } : { ...spec.defaults(), ...data };
  const failed = saveFailure(input, entity, merged);
  if (failed) {
    if (swallowFailure) return { body: undefined };
    throw failed;
  }
  const now = new Date().toISOString();
  if (row) Object.assign(row, data, { tenantId: caller.tenantId, updatedAt: now, updatedByUserId: caller.user.id });
  else insertEntity(input.store, entity, { ...data, id }, { tenantId: caller.tenantId, organizationId: (data.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
  return { body: { ...input.body, ...data, id, tenant: { id: caller.tenantId }, tenantId: caller.tenantId, updatedAt: now } };
}

/** The rows of `entity` in the caller's tenant matching `where` (equality), each with `relations`. */
function listed(input: HandlerInput, caller: CallerContext, entity: string, where: Item, relations: string[]): HandlerOutput {
  const rows = scopedRows(input.store, entity, caller).filter((row) => matchesWhere(entity, row, where, input.store));
  return { body: { items: rows.map((row) => serialize(entity, row, input.store, relations)), total: rows.length } };
}

/**
 * TenantAwareCrudService.delete: the tenant's row with that id (affected 0 when none). The key results of a goal
 * go with it, and their updates with them (ON DELETE CASCADE); a goal aligned to one of the key results blocks
 * the delete (alignedKeyResultId has no cascade), which the service answers as NotFoundException.
 */
function remove(input: HandlerInput, entity: string): HandlerOutput {
  const caller = goalsCaller(input);
  const id = idParam(input);
  const row = scopedRows(input.store, entity, caller, { withDeleted: true }).find((candidate) => candidate.id === id);
  if (!row) return { body: { raw: [], affected: 0 } };
  const keyResults = entity === GOAL ? input.store.list(KEY_RESULT).filter((keyResult) => keyResult.goalId === id) : [row];
  const keyResultIds = new Set(keyResults.map((keyResult) => keyResult.id));
  if (input.store.list(GOAL).some((goal) => typeof goal.alignedKeyResultId === 'string' && keyResultIds.has(goal.alignedKeyResultId) && goal.id !== id)) {
    throw handlerError(404, 'The record was not found');
  }
  for (const update of input.store.list(UPDATE).filter((candidate) => keyResultIds.has(String(candidate.keyResultId)))) input.store.remove(UPDATE, update.id);
  for (const keyResult of keyResults) input.store.remove(KEY_RESULT, keyResult.id);
  if (entity === GOAL) input.store.remove(GOAL, id);
  return { body: { raw: [], affected: 1 } };
}

export function registerGoalsRoutes(registry: RouteRegistry): void {
  registry.serve('POST', '/api/goals', (input) => create(input, GOAL));
  registry.serve('PUT', '/api/goals/:id', (input) => save(input, GOAL, true));
  registry.serve('DELETE', '/api/goals/:id', (input) => remove(input, GOAL));
  registry.serve('POST', '/api/key-results', (input) => create(input, KEY_RESULT));
  registry.serve('PUT', '/api/key-results/:id', (input) => save(input, KEY_RESULT, false));
  registry.serve('DELETE', '/api/key-results/:id', (input) => remove(input, KEY_RESULT));

  // KeyResultController.getAll: `findAll({ where: { id }, relations: [updates, goal, lead, owner] })`, no UUID pipe:
  // an unknown id (and /count, /pagination, which this route is declared before) answers an empty list.
  registry.serve('GET', '/api/key-results/:id', (input) => {
    const caller = goalsCaller(input);
    return listed(input, caller, KEY_RESULT, { id: input.params.id }, ['updates', 'goal', 'lead', 'owner']);
  });

  // KeyResultUpdateController.getAll: the updates of the key result with that id, with the key result.
  registry.serve('GET', '/api/key-result-updates/:id', (input) => {
    const caller = goalsCaller(input);
    return listed(input, caller, UPDATE, { keyResultId: input.params.id }, ['keyResult']);
  });

  // GoalTemplateController.findAll: `findAll({ relations: [keyResults, keyResults.kpi], where: findInput })`.
  registry.serve('GET', '/api/goal-templates', (input) => {
    const caller = goalsCaller(input);
    if (!input.store.entities.has(TEMPLATE)) throw routeNotFound(input.request.method, input.request.url);
    const { findInput } = parseDataParam(input.query.data);
    const { tenantId: _tenant, ...where } = (findInput ?? {}) as Item;
    const out = listed(input, caller, TEMPLATE, where, normalizeRelations(['keyResults']));
    const body = out.body as { items: Item[]; total: number };
    return { body: { ...body, items: body.items.map((template) => ({ ...template, keyResults: (template.keyResults as Item[]).map((keyResult) => ({ ...keyResult, kpi: null })) })) } };
  });
}
