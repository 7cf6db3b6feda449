import { z } from 'zod';
import { GauzyMcpError, isGauzyMcpError } from './errors.js';
import { dataQuery, type QueryInput, type QueryValue } from './gauzy/query.js';
import { describeItem, entityResult, listResult, ok, personName } from './results.js';
import type { EntityDefinition, SoftDeleteSpec } from './entity.js';
import { retiredTool } from './retired.js';
import { describedElsewhere } from './json-schema.js';
import { entityOutput, fields as fieldsParam, fieldsOf, isoDate, listOutput, pagination, relationsParam as includeParam, uuid } from './schema.js';
import { defineTool, type RouteRef, type ToolContext, type ToolDefinition, type ToolOutput, type ToolScope } from './tool.js';

/**
 * Declarative tools over one Gauzy entity. Most Gauzy areas are uniform CRUD; the entity is described once
 * (`defineEntity`) and each tool is a few lines of data (`crudTools` derives the standard ones). Only tools
 * with real logic are hand-written.
 */
/** What the factories read of an entity. */
export type EntitySpec = Pick<EntityDefinition, 'noun' | 'plural' | 'path' | 'include' | 'describe' | 'softDelete' | 'summaryRelations' | 'search' | 'ranges'> & { list?: EntityDefinition['list']; fieldNames?: EntityDefinition['fieldNames'] };

type Shape = z.ZodRawShape;
type Item = Record<string, unknown>;

interface ToolBase {
  name: string;
  title: string;
  description: string;
  toolset: string;
  aliases?: readonly string[];
  admin?: boolean;
}

/** The caller's employee id, for "my ..." tools; a clear error for users without an employee record. */
export function requireEmployeeId(ctx: ToolContext, tool: string): string {
  if (!ctx.scope.employeeId) throw new GauzyMcpError('GMCP_ERR_NO_EMPLOYEE', [tool]);
  return ctx.scope.employeeId;
}

const route = (method: string, path: string) => `${method} ${path}` as RouteRef;

/** A joined relation the caller did not ask for, cut to what the text names: `{ id, name }` per record. */
export function compactRelations(item: Item, paths: readonly string[]): Item {
  const out: Item = { ...item };
  const ref = (value: unknown) => {
    if (!value || typeof value !== 'object') return value;
    const record = value as Item;
    return { id: record.id, name: record.user ? personName(record) : (record.name ?? record.title ?? personName(record)) };
  };
  for (const key of new Set(paths.map((path) => path.split('.')[0]!))) {
    const value = item[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? value.map(ref) : ref(value);
  }
  return out;
}

/** The `fields` parameter of an entity's lists: its field names as an enum, so a model cannot ask for one that does not exist. */
export function entityFieldsParam(entity: Pick<EntitySpec, 'fieldNames'>) {
  return entity.fieldNames?.length ? fieldsOf(entity.fieldNames) : fieldsParam;
}

/** `fields` picks columns; the relations a caller asked for are kept beside them, or asking for both would drop the relations. */
export function withRelations(fields: readonly string[] | undefined, relations: readonly string[] | undefined): string[] | undefined {
  if (!fields?.length) return undefined;
  return [...new Set([...fields, ...(relations ?? []).map((path) => path.split('.')[0]!)])];
}

function relationsParam(entity: EntitySpec) {
  return entity.include.length ? includeParam(entity.include) : undefined;
}

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

export interface ListToolSpec<F extends Shape> extends ToolBase {
  /** Route to call; defaults to the entity's base path. */
  route?: string;
  /** Filters exposed to the model. */
  filters?: F;
  /** Turns filter arguments into `where` (default: each defined filter as an equality). */
  where?: (args: z.output<z.ZodObject<F>>, ctx: ToolContext) => Record<string, QueryValue> | Promise<Record<string, QueryValue>>;
  /** Path parameters for routes like `/api/tasks/employee/:id`. */
  params?: (args: z.output<z.ZodObject<F>>, ctx: ToolContext) => Record<string, string>;
  /**
   * How the route reads `skip`: `offset` for plain GET /resource (skip = rows), `page` for routes whose
   * service computes `take * (skip - 1)` (the `/pagination` routes, `/api/tasks/me`, `/api/tasks/team`).
   * The tool's own `skip` is always rows: {@link readRowWindow} turns it into pages.
   */
  paging?: 'offset' | 'page' | 'none';
  /** How the route reads its query (default: the entity's list style). */
  query?: 'where' | 'data' | 'flat';
  order?: Record<string, 'ASC' | 'DESC'>;
  /** The route answers only for a user with an employee record (a "my …" list). */
  requiresEmployee?: boolean;
  /** What the result's text calls the items (default: the entity's plural). */
  noun?: string;
  /** Offer the entity's `search` field as a part-of filter and its `ranges` as From/To bounds (the entity's plain list). */
  search?: boolean;
}

/** How many rows a list reads to filter them here, when Gauzy cannot (see {@link filterLocally}). */
export const LOCAL_SEARCH_ROWS = 500;

/**
 * Routes with `transform: true` read every where value through `Boolean(JSON.parse(v))` (BaseQueryDTO), so
 * a search for "2024" or "true" would match the text "true". Such a search is filtered here instead.
 */
const gauzyRewritesSearch = (value: string) => {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
};

type FetchedPage = ReturnType<typeof normalizePage>;

/**
 * Rows `[skip, skip + take)` from a route whose `skip` is a 1-based page of `take` rows. A window that
 * starts on a page boundary is one request; any other straddles two pages, and both are read, so a
 * model's `skip` always means rows, whatever the route counts in.
 */
export async function readRowWindow(fetchPage: (take: number, page: number) => Promise<FetchedPage>, skip: number, take: number): Promise<FetchedPage> {
  const first = Math.floor(skip / take) + 1;
  const offset = skip % take;
  const page = await fetchPage(take, first);
  if (offset === 0 || page.items.length < take) return { ...page, items: page.items.slice(offset) };
  const next = await fetchPage(take, first + 1);
  return { ...page, items: [...page.items, ...next.items].slice(offset, offset + take) };
}

/** A paged list over a list route, in the query style the route reads (see `ListStyle`). */
export function listTool<F extends Shape = Record<string, never>>(entity: EntitySpec, spec: ListToolSpec<F>): ToolDefinition {
  const relations = relationsParam(entity);
  const search = spec.search ? entity.search : undefined;
  const searchParam = search ? { [search.field]: z.string().trim().min(1).max(200).optional().describe('Contained, any case') } : {};
  const ranges = spec.search ? (entity.ranges ?? []) : [];
  const rangeParams = Object.fromEntries(ranges.flatMap((field) => [[`${field}From`, isoDate().optional()], [`${field}To`, isoDate().optional()]]));
  const input = z.object({ ...searchParam, ...rangeParams, ...(spec.filters ?? ({} as F)), ...pagination, fields: entityFieldsParam(entity), ...(relations ? { relations } : {}) });
  const path = spec.route ?? entity.path;
  const searchPath = `${entity.path}/pagination`;
  return defineTool({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    toolset: spec.toolset,
    aliases: spec.aliases,
    admin: spec.admin,
    effect: 'read',
    input,
    output: listOutput,
    routes: search ? [route('GET', path), route('GET', searchPath)] : [route('GET', path)],
    async handler(args, ctx) {
      const all = args as Record<string, unknown> & { take: number; skip: number; fields?: string[]; relations?: string[] };
      const needle = search ? (all[search.field] as string | undefined) : undefined;
      const filterArgs = pick(all, Object.keys(spec.filters ?? {})) as z.output<z.ZodObject<F>>;
      const where = spec.where ? await spec.where(filterArgs, ctx) : (defined(filterArgs) as Record<string, QueryValue>);
      if (spec.requiresEmployee) requireEmployeeId(ctx, spec.name);
      const scoped = scopeWhere(ctx.scope, where);
      const local = localFilters(all, ranges, search && needle && gauzyRewritesSearch(needle) ? { field: search.field, needle } : undefined);
      if (local) return filterLocally(entity, spec.noun, ctx, { ...where }, local, all);
      if (search && needle) scoped[search.field] = needle;
      const summary = !all.relations?.length && entity.summaryRelations?.length ? entity.summaryRelations : undefined;
      const joined = all.relations?.length ? all.relations : summary;
      const relations = joined ? { relations: [...joined] } : {};
      const order = spec.order ?? { createdAt: 'DESC' as const };
      const style = spec.query ?? entity.list?.query ?? 'where';
      // Without take and skip when the route reads neither (paging `none`): sending them would only mislead a reader of the log.
      const query = (take: number | undefined, skip: number | undefined): QueryInput =>
        style === 'data'
          ? dataQuery({ findInput: scoped, ...relations, order, take, skip })
          : style === 'flat'
            ? { ...scoped, ...relations, take, skip }
            : { where: scoped, ...relations, order, take, skip };
      const params = spec.params?.(filterArgs, ctx);
      // A search goes to /pagination: the plain list matches exactly. That route reads `where` and pages by page number.
      const queryOf = needle ? (take: number | undefined, skip: number | undefined): QueryInput => ({ where: scoped, ...relations, order, take, skip }) : query;
      const fetch = async (take: number | undefined, skip: number | undefined) => normalizePage(await ctx.gauzy.get(needle ? searchPath : path, { query: queryOf(take, skip), params }));
      const paging = needle ? 'page' : (spec.paging ?? (spec.route ? 'offset' : (entity.list?.paging ?? 'offset')));
      const page =
        paging === 'page' ? await readRowWindow(fetch, all.skip, all.take)
        : paging === 'none' ? { ...(await fetch(undefined, undefined)), paged: false }
        : await fetch(all.take, all.skip);
      if (summary) page.items = page.items.map((item) => compactRelations(item, summary));
      return listResult({ items: page.items, total: page.total, unpaged: !page.paged, skip: all.skip, take: all.take, fields: withRelations(all.fields, all.relations), noun: spec.noun ?? entity.plural, describe: entity.describe });
    },
  });
}

interface LocalFilter {
  keep: (item: Item) => boolean;
  /** Why Gauzy could not filter, for the answer's note. */
  why: string;
}

/**
 * What Gauzy cannot filter for a list, to be done here: a date range on a field (no list route bounds one
 * together with the other filters; /api/tasks/filter-by-date takes no status or priority), or a search
 * Gauzy would misread. `To` given as a date includes that whole day.
 */
function localFilters(args: Record<string, unknown>, ranges: readonly string[], search?: { field: string; needle: string }): LocalFilter | undefined {
  const checks: Array<(item: Item) => boolean> = [];
  const reasons: string[] = [];
  for (const field of ranges) {
    const from = args[`${field}From`] as string | undefined;
    const to = args[`${field}To`] as string | undefined;
    if (!from && !to) continue;
    const start = from ? Date.parse(from) : -Infinity;
    const end = to ? Date.parse(to) + (/^\d{4}-\d{2}-\d{2}$/.test(to) ? 86_400_000 - 1 : 0) : Infinity;
    checks.push((item) => {
      const at = typeof item[field] === 'string' ? Date.parse(item[field] as string) : NaN;
      return at >= start && at <= end;
    });
    reasons.push(`Gauzy's lists cannot bound ${field}`);
  }
  if (search) {
    const wanted = search.needle.toLowerCase();
    checks.push((item) => String(item[search.field] ?? '').toLowerCase().includes(wanted));
    reasons.push(`Gauzy reads "${search.needle}" as a boolean in its search`);
  }
  return checks.length ? { keep: (item) => checks.every((check) => check(item)), why: reasons.join(', and ') } : undefined;
}

/** A filter Gauzy cannot apply: up to {@link LOCAL_SEARCH_ROWS} rows read and filtered here, and the answer says so. */
async function filterLocally(entity: EntitySpec, noun: string | undefined, ctx: ToolContext, where: Record<string, QueryValue>, filter: LocalFilter, args: { take: number; skip: number; fields?: string[] }): Promise<ToolOutput> {
  const summary = entity.summaryRelations ?? [];
  const read = await readAllPages(ctx, entity.path, where, { maxPages: LOCAL_SEARCH_ROWS / 100, relations: summary });
  // Read oldest first (stable paging while reading); answered newest first, as the list does.
  const items = read.items.filter(filter.keep).reverse().map((item) => (summary.length ? compactRelations(item, summary) : item));
  const result = listResult({ items, unpaged: true, skip: args.skip, take: args.take, fields: args.fields, noun: noun ?? entity.plural, describe: entity.describe });
  const note = `${filter.why}, so ${read.items.length} of ${read.total} ${entity.plural} were read and filtered here${read.partial ? '; later ones were not read' : ''}.`;
  return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
}

/**
 * Reads every page of a style-A list route (row-offset paging), up to `maxPages` pages, for tools that
 * aggregate. `partial` says when the cap stopped it before `total`.
 */
export async function readAllPages(
  ctx: ToolContext,
  path: string,
  where: Record<string, QueryValue>,
  options: { pageSize?: number; maxPages?: number; relations?: readonly string[] } = {},
): Promise<{ items: Item[]; total: number; partial: boolean }> {
  const pageSize = options.pageSize ?? 100;
  const items: Item[] = [];
  let total = 0;
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const result = normalizePage(await ctx.gauzy.get(path, { query: { where: scopeWhere(ctx.scope, where), ...(options.relations?.length ? { relations: [...options.relations] } : {}), take: pageSize, skip: page * pageSize, order: { createdAt: 'ASC' } } }));
    total = result.total;
    items.push(...result.items);
    if (result.items.length < pageSize || items.length >= total) break;
  }
  return { items, total, partial: items.length < total };
}

/** Counts items by the string value of one field ("none" when absent). */
export function tally(items: readonly Item[], key: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const value = typeof item[key] === 'string' && item[key] ? String(item[key]) : 'none';
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

export interface GetToolSpec extends ToolBase {
  idField?: string;
}

/** One record by id. */
export function getTool(entity: EntitySpec, spec: GetToolSpec): ToolDefinition {
  const idField = spec.idField ?? 'id';
  const relations = relationsParam(entity);
  const input = z.object({ [idField]: uuid(), ...(relations ? { relations } : {}) });
  return defineTool({
    ...toolBase(spec),
    effect: 'read',
    input,
    output: entityOutput,
    routes: [route('GET', `${entity.path}/:id`)],
    async handler(args, ctx) {
      const item = await fetchEntity(entity, ctx, String((args as Item)[idField]), (args as { relations?: string[] }).relations);
      return entityResult(item, 'Found', entity.noun);
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
      return entityResult(created, 'Created', entity.noun);
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
      return entityResult(await updateEntity(entity, spec, id, changes, ctx), 'Updated', entity.noun);
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
      return entityResult(item, 'Recovered', entity.noun);
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
  options: { concurrency?: number; noun: string; verb: string },
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
        outcomes[index] = { index, ok: true, id: typeof result.id === 'string' ? result.id : undefined, label: describeItem(result) };
      } catch (error) {
        const coded = isGauzyMcpError(error) ? error : new GauzyMcpError('GMCP_ERR_INTERNAL', [options.verb]);
        const gauzyMessages = Array.isArray(coded.details.gauzyMessages) ? (coded.details.gauzyMessages as string[]) : undefined;
        outcomes[index] = { index, ok: false, error: { code: coded.code, message: coded.message, ...(gauzyMessages ? { gauzyMessages } : {}) } };
      }
      done++;
      await ctx.progress(done, items.length, `${options.verb} ${done}/${items.length} ${options.noun}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, items.length) }, worker));
  const succeeded = outcomes.filter((outcome) => outcome.ok).length;
  const failed = outcomes.length - succeeded;
  const lines = outcomes.map((outcome) =>
    outcome.ok ? `- #${outcome.index + 1} ok: ${outcome.label ?? outcome.id}` : `- #${outcome.index + 1} failed: ${outcome.error?.gauzyMessages?.join('; ') || outcome.error?.message}`,
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
