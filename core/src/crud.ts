import { z } from 'zod';
import { GauzyMcpError, isGauzyMcpError } from './errors.js';
import type { QueryInput, QueryValue } from './gauzy/query.js';
import { describeItem, entityResult, ok } from './results.js';
import type { EntityDefinition, SoftDeleteSpec } from './entity.js';
import { retiredTool } from './retired.js';
import { describedElsewhere } from './json-schema.js';
import { entityOutput, uuid } from './schema.js';
import { entityRelationsParam, type ToolBase } from './tool-base.js';
import { defineTool, type RouteRef, type ToolContext, type ToolDefinition, type ToolScope } from './tool.js';

/**
 * Declarative tools over one Gauzy entity. Most Gauzy areas are uniform CRUD; the entity is described once
 * (`defineEntity`) and each tool is a few lines of data (`crudTools` derives the standard ones). Only tools
 * with real logic are hand-written.
 */
/** What the factories read of an entity. */
export type EntitySpec = Pick<EntityDefinition, 'noun' | 'plural' | 'path' | 'include' | 'describe' | 'softDelete' | 'summaryRelations' | 'search' | 'ranges'> & { list?: EntityDefinition['list']; fieldNames?: EntityDefinition['fieldNames'] };

type Shape = z.ZodRawShape;
type Item = Record<string, unknown>;


/** The caller's employee id, for "my ..." tools; a clear error for users without an employee record. */
export function requireEmployeeId(ctx: ToolContext, tool: string): string {
  if (!ctx.scope.employeeId) throw new GauzyMcpError('GMCP_ERR_NO_EMPLOYEE', [tool]);
  return ctx.scope.employeeId;
}

const route = (method: string, path: string) => `${method} ${path}` as RouteRef;


/** Style A tenant/organization filter every Gauzy list validates. */
export function scopeWhere(scope: ToolScope, where: Record<string, QueryValue> = {}): Record<string, QueryValue> {
  return { ...where, organizationId: scope.organizationId, tenantId: scope.tenantId };
}

/**
 * Gauzy's inherited findAll and findById catch some failures (a relation the entity does not have, a
 * query TypeORM refuses) and answer them with 200 and a bare `{message}`. That is a refusal, not a record.
 */
export function refusalIn200(data: unknown): void {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  const keys = Object.keys(data);
  const message = (data as { message?: unknown }).message;
  if (keys.length === 1 && typeof message === 'string') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_REQUEST', [], { status: 200, gauzyMessages: [message] });
}

/** Gauzy answers lists as `{items,total}` or as a bare array, depending on the route. */
export function normalizePage(data: unknown): { items: Item[]; total: number; paged: boolean } {
  if (Array.isArray(data)) return { items: data as Item[], total: data.length, paged: false };
  refusalIn200(data);
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)) {
    const page = data as { items: Item[]; total?: number };
    return { items: page.items, total: typeof page.total === 'number' ? page.total : page.items.length, paged: true };
  }
  throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected a list']);
}

/** Removes undefined entries so optional filters do not become `where[x]=undefined`. */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

export interface GetToolSpec extends ToolBase {
  idField?: string;
  /**
   * How the pack reads one record when Gauzy's GET /:id will not do (it ignores `relations`, so the record is
   * read from /pagination with its relations joined): the routes that read calls, and the read. The tool then
   * takes the id alone.
   */
  read?: { routes: readonly RouteRef[]; one: (ctx: ToolContext, id: string) => Promise<Item> };
}

/** One record by id. */
export function getTool(entity: EntitySpec, spec: GetToolSpec): ToolDefinition {
  const idField = spec.idField ?? 'id';
  const relations = spec.read ? undefined : entityRelationsParam(entity);
  const input = z.object({ [idField]: uuid(), ...(relations ? { relations } : {}) });
  return defineTool({
    ...toolBase(spec),
    effect: 'read',
    input,
    output: entityOutput,
    routes: spec.read ? [...spec.read.routes] : [route('GET', `${entity.path}/:id`)],
    async handler(args, ctx) {
      const id = String((args as Item)[idField]);
      const item = spec.read ? await spec.read.one(ctx, id) : await fetchEntity(entity, ctx, id, (args as { relations?: string[] }).relations);
      return entityResult(item, 'Found', entity.noun, entity.describe);
    },
  });
}

export async function fetchEntity(entity: EntitySpec, ctx: ToolContext, id: string, relations?: readonly string[]): Promise<Item> {
  const query: QueryInput = { tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId, ...(relations?.length ? { relations: [...relations] } : {}) };
  const item = await ctx.gauzy.get<Item>(`${entity.path}/:id`, { params: { id }, query });
  refusalIn200(item);
  return item;
}

export interface CountToolSpec<F extends Shape> extends ToolBase {
  filters?: F;
}

/** A count over `/count` (flat query: the filters plus tenant and organization). */
export function countTool<F extends Shape = Record<string, never>>(entity: EntitySpec, spec: CountToolSpec<F>): ToolDefinition {
  return defineTool({
    ...toolBase(spec),
    effect: 'read',
    input: z.object({ ...(spec.filters ?? ({} as F)) }),
    output: z.object({ count: z.number() }),
    routes: [route('GET', `${entity.path}/count`)],
    async handler(args, ctx) {
      const count = await ctx.gauzy.get<number>(`${entity.path}/count`, {
        query: { ...(defined(args as Item) as QueryInput), tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId },
      });
      if (typeof count !== 'number') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['count was not a number']);
      return ok({ count }, `${count} ${entity.plural}.`);
    },
  });
}

export interface CreateToolSpec<S extends Shape> extends ToolBase {
  fields: S;
  /** Builds the request body; defaults to the arguments plus tenant and organization. */
  body?: (args: z.output<z.ZodObject<S>>, ctx: ToolContext) => Item | Promise<Item>;
}

export function createTool<S extends Shape>(entity: EntitySpec, spec: CreateToolSpec<S>): ToolDefinition {
  return defineTool({
    ...toolBase(spec),
    effect: 'write',
    input: z.object(spec.fields),
    output: entityOutput,
    routes: [route('POST', entity.path)],
    async handler(args, ctx) {
      const created = await createEntity(entity, spec, args as z.output<z.ZodObject<S>>, ctx);
      return entityResult(created, 'Created', entity.noun, entity.describe);
    },
  });
}

export async function createEntity<S extends Shape>(entity: EntitySpec, spec: Pick<CreateToolSpec<S>, 'body'>, args: z.output<z.ZodObject<S>>, ctx: ToolContext): Promise<Item> {
  const body = spec.body ? await spec.body(args, ctx) : { ...defined(args as Item) };
  return ctx.gauzy.post<Item>(entity.path, { ...body, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId });
}

export interface UpdateToolSpec<S extends Shape> extends ToolBase {
  /** Changeable fields (all optional in the tool). */
  fields: S;
  /**
   * The update DTO's fields. Gauzy validates the whole DTO on PUT, so the tool reads the record,
   * overlays the changes and sends these fields complete.
   */
  bodyFields: readonly string[];
  /** Maps the merged record to the request body where a field needs reshaping (e.g. members → [{id}]). */
  body?: (merged: Item, changes: Item, current: Item, ctx: ToolContext) => Item;
  relations?: readonly string[];
}

export function updateTool<S extends Shape>(entity: EntitySpec, spec: UpdateToolSpec<S>): ToolDefinition {
  const optional = Object.fromEntries(Object.entries(spec.fields).map(([key, schema]) => [key, (schema as z.ZodType).optional()]));
  return defineTool({
    ...toolBase(spec),
    effect: 'write',
    idempotent: true,
    input: z.object({ id: uuid(), ...optional }),
    output: entityOutput,
    routes: [route('GET', `${entity.path}/:id`), route('PUT', `${entity.path}/:id`)],
    async handler(args, ctx) {
      const { id, ...changes } = args as Item & { id: string };
      return entityResult(await updateEntity(entity, spec, id, changes, ctx), 'Updated', entity.noun, entity.describe);
    },
  });
}

/** Read, overlay the changes, send the complete DTO, and return the updated record. */
export async function updateEntity<S extends Shape>(
  entity: EntitySpec,
  spec: Pick<UpdateToolSpec<S>, 'name' | 'fields' | 'bodyFields' | 'body' | 'relations'>,
  id: string,
  rawChanges: Item,
  ctx: ToolContext,
  /** The record as just read (with `spec.relations`), when the caller already has it. */
  known?: Item,
): Promise<Item> {
  const changes = defined(rawChanges);
  if (Object.keys(changes).length === 0) {
    throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [spec.name], { issues: [{ field: '(arguments)', message: `give at least one field to change: ${Object.keys(spec.fields).join(', ')}` }] });
  }
  const current = known ?? (await fetchEntity(entity, ctx, id, spec.relations));
  const merged: Item = { ...pick(current, spec.bodyFields), ...changes };
  const body = spec.body ? spec.body(merged, changes, current, ctx) : merged;
  const answer = await ctx.gauzy.put<Item>(`${entity.path}/:id`, { ...body, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id } });
  // Inherited CRUD routes answer a TypeORM UpdateResult instead of the entity.
  return answer && typeof answer === 'object' && 'id' in answer ? answer : fetchEntity(entity, ctx, id);
}

export interface DeleteToolSpec extends ToolBase {
  /** `hard` = DELETE /:id; `soft` = DELETE /:id/soft (recoverable). */
  mode: 'hard' | 'soft';
  /**
   * Look the record up first. Needed where Gauzy answers 204 without a body, which would otherwise
   * report an unknown id as deleted.
   */
  confirmExists?: boolean;
}

export function deleteTool(entity: EntitySpec, spec: DeleteToolSpec): ToolDefinition {
  const recoverable = spec.mode === 'soft' && softDeleteOf(entity, spec.name).recover;
  return defineTool({
    ...toolBase(spec),
    effect: 'delete',
    input: z.object({ id: uuid() }),
    output: z.object({ id: z.string(), deleted: z.boolean(), recoverable: z.boolean() }),
    routes: deleteRoutes(entity, spec),
    async handler(args, ctx) {
      const id = String((args as Item).id);
      await deleteEntity(entity, spec, id, ctx);
      const text =
        spec.mode === 'hard'
          ? `Deleted ${entity.noun} ${id} permanently.`
          : `Archived (soft-deleted) ${entity.noun} ${id}: ${recoverable ? 'it can be restored' : "it leaves lists, and Gauzy's API cannot restore it"}.`;
      return ok({ id, deleted: true, recoverable }, text);
    },
  });
}

const deletePath = (entity: EntitySpec, spec: DeleteToolSpec) => (spec.mode === 'soft' ? `${entity.path}/:id/soft` : `${entity.path}/:id`);

function deleteRoutes(entity: EntitySpec, spec: DeleteToolSpec): RouteRef[] {
  return [...(spec.confirmExists ? [route('GET', `${entity.path}/:id`)] : []), route('DELETE', deletePath(entity, spec))];
}

export async function deleteEntity(entity: EntitySpec, spec: DeleteToolSpec, id: string, ctx: ToolContext): Promise<Item> {
  if (spec.confirmExists) await fetchEntity(entity, ctx, id);
  const answer = await ctx.gauzy.delete<Item | null>(deletePath(entity, spec), { params: { id }, query: { tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId } });
  // A tenant-aware delete of an unknown id succeeds with affected 0: report it as not found.
  if (answer && typeof answer === 'object' && 'affected' in answer && !answer.affected) {
    throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', [], { gauzyMessages: [`No ${entity.noun} ${id} in this organization; nothing was deleted`], status: 404 });
  }
  return { id };
}

/** What the entity says about soft delete; a pack that soft-deletes or restores must state it. */
function softDeleteOf(entity: EntitySpec, tool: string): SoftDeleteSpec {
  if (!entity.softDelete) {
    throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [tool, `the ${entity.noun} entity spec does not say whether Gauzy can recover soft-deleted ${entity.plural} (softDelete)`]);
  }
  return entity.softDelete;
}

/**
 * A create or update tool answered from the record read back after the write: Gauzy's POST answers relations
 * as bare `{id}`s and its PUT an UpdateResult or the body as sent (unsent columns null), so a line built from
 * the write's own answer would misname what was saved. `read` fetches one record as the pack's get does.
 */
export function answerReadBack(
  tool: ToolDefinition,
  options: { verb: string; noun: string; describe: (item: Item) => string; routes: readonly RouteRef[]; read: (ctx: ToolContext, id: string) => Promise<Item> },
): ToolDefinition {
  return defineTool({
    ...tool,
    routes: [...new Set([...tool.routes, ...options.routes])],
    async handler(args, ctx) {
      const answer = await tool.handler(args, ctx);
      const id = (answer.structured as Item | undefined)?.id;
      if (typeof id !== 'string') return answer;
      return entityResult(await options.read(ctx, id), options.verb, options.noun, options.describe);
    },
  });
}

/**
 * The restore tool for an entity, derived from its spec: a listed tool over `PUT /:id/recover` where Gauzy
 * can restore, otherwise a retired name that answers GMCP_ERR_TOOL_RETIRED with the spec's reason.
 */
export function recoverTool(entity: EntitySpec, spec: ToolBase): ToolDefinition {
  const softDelete = softDeleteOf(entity, spec.name);
  if (!softDelete.recover) return retiredTool({ name: spec.name, title: spec.title, toolset: spec.toolset, aliases: spec.aliases, reason: softDelete.reason });
  return defineTool({
    ...toolBase(spec),
    effect: 'write',
    idempotent: true,
    input: z.object({ id: uuid().describe(`The soft-deleted ${entity.noun}'s id`) }),
    output: entityOutput,
    routes: [route('PUT', `${entity.path}/:id/recover`)],
    async handler(args, ctx) {
      const id = String((args as Item).id);
      const answer = await ctx.gauzy.put<Item>(`${entity.path}/:id/recover`, { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id } });
      const item = answer && typeof answer === 'object' && 'id' in answer ? answer : { id };
      return entityResult(item, 'Recovered', entity.noun, entity.describe);
    },
  });
}

export const MAX_BULK_ITEMS = 50;

export interface BulkOutcome {
  index: number;
  ok: boolean;
  id?: string;
  label?: string;
  error?: { code: string; message: string; gauzyMessages?: string[] };
}

/**
 * Runs one operation per item with bounded concurrency and reports every item's outcome: a failure in
 * item 5 neither hides items 1-4 nor stops items 6-10.
 */
export async function runBulk<T>(
  items: readonly T[],
  ctx: ToolContext,
  operation: (item: T, index: number) => Promise<Item>,
  options: { concurrency?: number; noun: string; verb: string; label?: (result: Item, index: number) => string | undefined },
) {
  const outcomes: BulkOutcome[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      if (ctx.signal.aborted) {
        outcomes[index] = { index, ok: false, error: { code: 'GMCP_ERR_CANCELLED', message: 'cancelled before this item ran' } };
        continue;
      }
      try {
        const result = await operation(items[index] as T, index);
        outcomes[index] = { index, ok: true, id: typeof result.id === 'string' ? result.id : undefined, label: options.label?.(result, index) ?? describeItem(result) };
      } catch (error) {
        const coded = isGauzyMcpError(error) ? error : new GauzyMcpError('GMCP_ERR_INTERNAL', [options.verb]);
        const gauzyMessages = Array.isArray(coded.details.gauzyMessages) ? (coded.details.gauzyMessages as string[]) : undefined;
        // An item that names its record (an update or delete) keeps that id on its failure, so the model knows which one.
        const item = items[index] as unknown;
        const given = typeof item === 'string' ? item : (item as { id?: unknown } | null)?.id;
        outcomes[index] = { index, ok: false, ...(typeof given === 'string' ? { id: given } : {}), error: { code: coded.code, message: coded.message, ...(gauzyMessages ? { gauzyMessages } : {}) } };
      }
      done++;
      await ctx.progress(done, items.length, `${options.verb} ${done}/${items.length} ${options.noun}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, items.length) }, worker));
  const succeeded = outcomes.filter((outcome) => outcome.ok).length;
  const failed = outcomes.length - succeeded;
  const lines = outcomes.map((outcome) =>
    outcome.ok
      ? `- #${outcome.index + 1} ok: ${outcome.label ?? outcome.id}`
      : `- #${outcome.index + 1}${outcome.id ? ` (id ${outcome.id})` : ''} failed: ${outcome.error?.gauzyMessages?.join('; ') || outcome.error?.message}`,
  );
  return ok(
    { succeeded, failed, total: items.length, results: outcomes },
    [`${options.verb} ${succeeded} of ${items.length} ${options.noun}${failed ? `; ${failed} failed` : ''}.`, ...lines].join('\n'),
  );
}

/**
 * What a model acts on in a bulk result. The result also carries `total` (the number of items sent) and
 * each outcome's `label`; the objects are loose, and those two are left out here because every bulk tool
 * repeats this schema in tools/list.
 */
export const bulkOutput = z.looseObject({
  succeeded: z.number(),
  failed: z.number(),
  results: z.array(
    z.looseObject({
      index: z.number(),
      ok: z.boolean(),
      id: z.string().optional(),
      error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

/**
 * The single-record tool whose input a bulk tool's items repeat (`create_task` for `bulk_create_tasks`): the
 * bulk tool's items are published without their field descriptions and point there instead.
 */
const singleRecordTool = (verb: 'create' | 'update', entity: EntitySpec) => `${verb}_${entity.noun.replace(/\s+/g, '_')}`;

export interface BulkCreateToolSpec<S extends Shape> extends CreateToolSpec<S> {
  /** Name of the array argument, e.g. "tasks". */
  itemsField: string;
}

/** Creates several records, one request each (Gauzy has no bulk route for most entities). */
export function bulkCreateTool<S extends Shape>(entity: EntitySpec, spec: BulkCreateToolSpec<S>): ToolDefinition {
  return defineTool({
    ...toolBase(spec),
    effect: 'write',
    input: z.object({
      [spec.itemsField]: describedElsewhere(z.array(z.strictObject(spec.fields)).min(1).max(MAX_BULK_ITEMS).describe(`The ${entity.plural} to create, each with the fields of ${singleRecordTool('create', entity)}`)),
    }),
    output: bulkOutput,
    routes: [route('POST', entity.path)],
    async handler(args, ctx) {
      const items = (args as Record<string, Array<z.output<z.ZodObject<S>>>>)[spec.itemsField] ?? [];
      return runBulk(items, ctx, (item) => createEntity(entity, spec, item, ctx), { noun: entity.plural, verb: 'Created' });
    },
  });
}

/** Updates several records, each read-merged-written like {@link updateTool}. */
export function bulkUpdateTool<S extends Shape>(entity: EntitySpec, spec: UpdateToolSpec<S> & { itemsField: string }): ToolDefinition {
  const optional = Object.fromEntries(Object.entries(spec.fields).map(([key, schema]) => [key, (schema as z.ZodType).optional()]));
  const item = z.strictObject({ id: uuid(), ...optional });
  return defineTool({
    ...toolBase(spec),
    effect: 'write',
    idempotent: true,
    input: z.object({
      [spec.itemsField]: describedElsewhere(z.array(item).min(1).max(MAX_BULK_ITEMS).describe(`Per ${entity.noun}: id and fields to change, as in ${singleRecordTool('update', entity)}`)),
    }),
    output: bulkOutput,
    routes: [route('GET', `${entity.path}/:id`), route('PUT', `${entity.path}/:id`)],
    async handler(args, ctx) {
      const items = (args as Record<string, Array<Item & { id: string }>>)[spec.itemsField] ?? [];
      return runBulk(items, ctx, ({ id, ...changes }) => updateEntity(entity, spec, id, changes, ctx), { noun: entity.plural, verb: 'Updated' });
    },
  });
}

/** Deletes several records by id, reporting each one. */
export function bulkDeleteTool(entity: EntitySpec, spec: DeleteToolSpec): ToolDefinition {
  return defineTool({
    ...toolBase(spec),
    effect: 'delete',
    input: z.object({ ids: z.array(uuid()).min(1).max(MAX_BULK_ITEMS).describe(`Ids of the ${entity.plural} to delete (1-${MAX_BULK_ITEMS})`) }),
    output: bulkOutput,
    routes: deleteRoutes(entity, spec),
    async handler(args, ctx) {
      return runBulk((args as { ids: string[] }).ids, ctx, (id) => deleteEntity(entity, spec, id, ctx), { noun: entity.plural, verb: 'Deleted' });
    },
  });
}

function toolBase(spec: ToolBase) {
  return { name: spec.name, title: spec.title, description: spec.description, toolset: spec.toolset, aliases: spec.aliases, admin: spec.admin };
}

export function pick(source: Item, keys: readonly string[]): Item {
  const out: Item = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
