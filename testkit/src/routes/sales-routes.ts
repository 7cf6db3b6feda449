import { isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { findScoped } from '../engine/crud-engine.js';
import { insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { GauzyHttpError, handlerError, invalidUuid, routeNotFound } from '../http-errors.js';
import type { Row, SandboxStore } from '../store.js';

/*
 * The sales routes with logic of their own (packages/core/src/lib/deal/ and pipeline/). They are served only to a
 * sandbox taught the sales entities (the sales pack's `./sandbox`); GET /, GET /:id and DELETE /:id of deals and
 * GET /, /pagination and /:id of pipelines come from the entities.
 */

const DEAL = 'deal';
const PIPELINE = 'pipeline';
const STAGE = 'pipelineStage';

type Item = Record<string, unknown>;

function salesCaller(input: HandlerInput): CallerContext {
  if (![DEAL, PIPELINE, STAGE].every((entity) => input.store.entities.has(entity))) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

const idParam = (input: HandlerInput, name = 'id'): string => {
  // UUIDValidationPipe.
  if (!isUuid(input.params[name])) throw invalidUuid();
  return input.params[name]!;
};

/** A failed TypeORM query, as CrudService answers it with `new BadRequestException(error)`: the error's own properties. */
const queryFailed = (query: string, code: string) => new GauzyHttpError(400, { query, parameters: [], driverError: { code }, code });

/** The foreign keys of a deal row (SQLite checks them whatever the tenant). */
function missingReference(store: SandboxStore, data: Item): boolean {
  if (data.stageId !== undefined && data.stageId !== null && !store.get(STAGE, String(data.stageId))) return true;
  return data.clientId !== undefined && data.clientId !== null && !store.get('organizationContact', String(data.clientId));
}

/** Deleting a stage deletes its deals (Deal.stage ON DELETE CASCADE). */
function removeStage(store: SandboxStore, stageId: string): void {
  for (const deal of store.list(DEAL).filter((row) => row.stageId === stageId)) store.remove(DEAL, deal.id);
  store.remove(STAGE, stageId);
}

const STAGE_KEYS = ['name', 'description', 'tenantId', 'organizationId'] as const;

export function registerSalesRoutes(registry: RouteRegistry): void {
  // DealService.create: CreateDealDTO (whitelist), the tenant set, saved; any failure becomes 400 "Error occurred
  // while creating deal: <the error's message>" (a stageId or clientId no row has: the foreign key).
  registry.serve('POST', '/api/deals', (input) => {
    const caller = salesCaller(input);
    const spec = input.store.entities.get(DEAL)!;
    const body = validateBody(input.store, caller, input.body, spec.create!);
    const { id: _id, tenant: _tenant, organization: _organization, ...data } = body;
    if (missingReference(input.store, data)) throw handlerError(400, 'Error occurred while creating deal: SqliteError: FOREIGN KEY constraint failed');
    const row = insertEntity(input.store, DEAL, data, { tenantId: caller.tenantId, organizationId: (data.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
    return { body: { ...serialize(DEAL, row, input.store, [], { virtuals: false }), tenant: { id: caller.tenantId } } };
  });

  // CrudController.update → TenantAwareCrudService.update: the deal looked up in the tenant (404), then TypeORM's
  // update of what is sent, unvalidated; a foreign key failure is the query error as the 400 body. UpdateResult.
  registry.serve('PUT', '/api/deals/:id', (input) => {
    const caller = salesCaller(input);
    const row = findScoped(input, DEAL, idParam(input));
    const { id: _id, tenant: _tenant, organization: _organization, createdAt: _createdAt, ...data } = input.body;
    if (missingReference(input.store, data)) throw queryFailed('UPDATE "deal" SET … WHERE "id" IN (?)', 'SQLITE_CONSTRAINT_FOREIGNKEY');
    Object.assign(row, data, { updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
    return { body: { generatedMaps: [], raw: [], affected: 1 } };
  });

  // PipelineService.getPipelineDeals: the deals whose stage is in the pipeline (tenant; `where[organizationId]`
  // when given), ordered by the stage's index, every one (no paging), `relations` joined.
  registry.serve('GET', '/api/pipelines/:pipelineId/deals', (input) => {
    const caller = salesCaller(input);
    const pipelineId = idParam(input, 'pipelineId');
    const where = (input.query.where ?? {}) as Item;
    const relations = normalizeRelations(input.query.relations);
    const stages = new Map(scopedRows(input.store, STAGE, caller).filter((stage) => stage.pipelineId === pipelineId).map((stage) => [stage.id, stage]));
    const rows = scopedRows(input.store, DEAL, caller)
      .filter((deal) => stages.has(String(deal.stageId)) && (!where.organizationId || deal.organizationId === where.organizationId))
      .sort((a, b) => Number(stages.get(String(a.stageId))!.index) - Number(stages.get(String(b.stageId))!.index));
    return { body: { items: rows.map((row) => serialize(DEAL, row, input.store, relations)), total: rows.length } };
  });

  // PipelineService.create (TenantAwareCrudService): CreatePipelineDTO; the stages inserted with it (cascade
  // insert), numbered 1.. in the order sent (PipelineSubscriber.beforeEntityCreate). The answer is the saved entity.
  registry.serve('POST', '/api/pipelines', (input) => {
    const caller = salesCaller(input);
    const spec = input.store.entities.get(PIPELINE)!;
    const body = validateBody(input.store, caller, input.body, spec.create!);
    const { id: _id, tenant: _tenant, organization: _organization, stages, ...data } = body;
    const row = insertEntity(input.store, PIPELINE, data, { tenantId: caller.tenantId, organizationId: (data.organizationId as string | undefined) ?? null, createdByUserId: String(caller.user.id) });
    const saved = (Array.isArray(stages) ? (stages as Item[]) : []).map((stage, position) => insertStage(input.store, row.id, stage, position, caller));
    return { body: { ...serialize(PIPELINE, row, input.store, [], { virtuals: false }), tenant: { id: caller.tenantId }, stages: saved.map((stage) => serialize(STAGE, stage, input.store)) } };
  });

  // PipelineService.update: UpdatePipelineDTO (name and the organization required); in a transaction the
  // pipeline is looked up in the tenant, the stages sent with an id are saved, those without inserted, every
  // other stage of the pipeline deleted (with its deals), all renumbered 1.. in the order sent. Any failure (an
  // unknown id) is caught, rolled back and answered 202 with no body.
  registry.serve('PUT', '/api/pipelines/:id', (input) => {
    const caller = salesCaller(input);
    const id = idParam(input);
    const spec = input.store.entities.get(PIPELINE)!;
    const body = validateBody(input.store, caller, input.body, spec.update!);
    const row = input.store.list(PIPELINE).find((candidate) => candidate.id === id && candidate.tenantId === caller.tenantId && !candidate.deletedAt);
    if (!row) return { body: undefined };
    const { id: _id, tenant: _tenant, organization: _organization, stages, createdAt: _createdAt, ...data } = body;
    const sent = Array.isArray(stages) ? (stages as Item[]) : [];
    const kept = new Set(sent.map((stage) => stage.id).filter((stageId): stageId is string => typeof stageId === 'string'));
    for (const stage of input.store.list(STAGE).filter((candidate) => candidate.pipelineId === id && candidate.tenantId === caller.tenantId)) {
      if (!kept.has(stage.id)) removeStage(input.store, stage.id);
    }
    sent.forEach((stage, position) => {
      const existing = typeof stage.id === 'string' ? input.store.get(STAGE, stage.id) : undefined;
      if (!existing) return void insertStage(input.store, id, stage, position, caller);
      for (const key of STAGE_KEYS) if (key in stage) existing[key] = stage[key];
      Object.assign(existing, { index: position + 1, pipelineId: id, updatedAt: new Date().toISOString() });
    });
    // PipelineSubscriber sorts a loaded pipeline's stages by index: stored in that order, they are joined in it.
    for (const stage of input.store.list(STAGE).filter((candidate) => candidate.pipelineId === id).sort((a, b) => Number(a.index) - Number(b.index))) {
      input.store.remove(STAGE, stage.id);
      input.store.insert(STAGE, stage);
    }
    Object.assign(row, data, { updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
    // The entity it saved: what was sent, without the stages, with its id and the tenant (seen on the real Gauzy).
    return { body: { ...data, id, tenantId: caller.tenantId } };
  });

  // PipelineController.delete → TenantAwareCrudService.delete; the stages go with it and their deals with them
  // (ON DELETE CASCADE). A missing id is affected 0.
  registry.serve('DELETE', '/api/pipelines/:id', (input) => {
    const caller = salesCaller(input);
    const id = idParam(input);
    const row = scopedRows(input.store, PIPELINE, caller, { withDeleted: true }).find((candidate) => candidate.id === id);
    if (!row) return { body: { raw: [], affected: 0 } };
    for (const stage of input.store.list(STAGE).filter((candidate) => candidate.pipelineId === id)) removeStage(input.store, stage.id);
    input.store.remove(PIPELINE, id);
    return { body: { raw: [], affected: 1 } };
  });
}

/** A stage saved with its pipeline: what was sent of it, its pipeline and its place (1-based). */
function insertStage(store: SandboxStore, pipelineId: string, stage: Item, position: number, caller: CallerContext): Row {
  const data = Object.fromEntries(STAGE_KEYS.filter((key) => key in stage).map((key) => [key, stage[key]]));
  const row = insertEntity(store, STAGE, { ...data, index: position + 1, pipelineId, ...(typeof stage.id === 'string' ? { id: stage.id } : {}) }, {
    tenantId: (stage.tenantId as string | undefined) ?? null,
    organizationId: (stage.organizationId as string | undefined) ?? null,
    createdByUserId: String(caller.user.id),
  });
  return row;
}
