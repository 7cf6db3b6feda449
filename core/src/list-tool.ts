import { z } from 'zod';
import { type EntitySpec, defined, normalizePage, pick, requireEmployeeId, scopeWhere } from './crud.js';
import { entityRelationsParam, type ToolBase } from './tool-base.js';
import { dataQuery, gauzyReadsAsBoolean, type QueryInput, type QueryValue } from './gauzy/query.js';
import { listResult, recordLabel } from './results.js';
import { fields as fieldsParam, fieldsOf, isoDate, listOutput, pagination } from './schema.js';
import { defineTool, type RouteRef, type ToolContext, type ToolDefinition } from './tool.js';
import { entityRoute } from './entity.js';

/*
 * List tools: how a list reads Gauzy (query style, paging, search, relations joined for the text) and what
 * it filters itself when Gauzy cannot. The other CRUD tools are in crud.ts.
 */

type Shape = z.ZodRawShape;
type Item = Record<string, unknown>;

const route = (method: string, path: string) => `${method} ${path}` as RouteRef;

/** A joined relation the caller did not ask for, cut to what the text names: `{ id, name }` per record. */
export function compactRelations(item: Item, paths: readonly string[]): Item {
  const out: Item = { ...item };
  const ref = (value: unknown) => {
    if (!value || typeof value !== 'object') return value;
    const record = value as Item;
    return { id: record.id, name: recordLabel(record) };
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
  entityFilters?: boolean;
}

/** How many rows a list reads to filter them here, when Gauzy cannot (see `localFilters`). */
export const LOCAL_FILTER_ROWS = 500;


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
  const relations = entityRelationsParam(entity);
  const search = spec.entityFilters ? entity.search : undefined;
  const searchParam = search ? { [search.field]: z.string().trim().min(1).max(200).optional().describe('Contained, any case') } : {};
  const ranges = spec.entityFilters ? (entity.ranges ?? []) : [];
  const rangeParams = Object.fromEntries(ranges.flatMap((field) => [[`${field}From`, isoDate().optional()], [`${field}To`, isoDate().optional()]]));
  const input = z.object({ ...searchParam, ...rangeParams, ...(spec.filters ?? ({} as F)), ...pagination, fields: entityFieldsParam(entity), ...(relations ? { relations } : {}) });
  const path = spec.route ?? entity.path;
  // The route the entity's search operation is served on (checked against the route table with the entity).
  const searchPath = search ? entityRoute(entity, search.operation).slice('GET '.length) : path;
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
      const local = localFilters(all, ranges, search && needle ? { field: search.field, needle } : undefined);
      // A search Gauzy can run goes to /pagination (the plain list matches exactly); one it would misread is filtered here.
      const searched = Boolean(needle) && !local;
      if (searched) scoped[search!.field] = needle!;
      const summary = !all.relations?.length && entity.summaryRelations?.length ? entity.summaryRelations : undefined;
      const joined = all.relations?.length ? all.relations : summary;
      const join = joined ? { relations: [...joined] } : {};
      const order = spec.order ?? { createdAt: 'DESC' as const };
      const style = searched ? 'where' : (spec.query ?? entity.list?.query ?? 'where');
      // Without take and skip when the route reads neither (paging `none`): sending them would only mislead a reader of the log.
      const query = (take: number | undefined, skip: number | undefined): QueryInput =>
        style === 'data'
          ? dataQuery({ findInput: scoped, ...join, order, take, skip })
          : style === 'flat'
            ? { ...scoped, ...join, take, skip }
            : { where: scoped, ...join, order, take, skip };
      const params = spec.params?.(filterArgs, ctx);
      const fetch = async (take: number | undefined, skip: number | undefined) => normalizePage(await ctx.gauzy.get(searched ? searchPath : path, { query: query(take, skip), params }));
      const paging = searched ? 'page' : (spec.paging ?? (spec.route ? 'offset' : (entity.list?.paging ?? 'offset')));
      // Rows [skip, skip + take) whatever the route counts `skip` in.
      const rows = async (skip: number, take: number) =>
        paging === 'page' ? readRowWindow(fetch, skip, take)
        : paging === 'none' ? { ...(await fetch(undefined, undefined)), paged: false }
        : fetch(take, skip);
      const compact = (items: Item[]) => (summary ? items.map((item) => compactRelations(item, summary)) : items);
      const fields = withRelations(all.fields, all.relations);
      const noun = spec.noun ?? entity.plural;
      if (local) {
        const read = await readRows(rows, LOCAL_FILTER_ROWS);
        const result = listResult({ items: compact(read.items.filter(local.keep)), unpaged: true, skip: all.skip, take: all.take, fields, noun, describe: entity.describe });
        const note = `${local.why}, so ${read.items.length} of ${read.total} ${entity.plural} were read and filtered here${read.items.length < read.total ? '; later ones were not read' : ''}.`;
        return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
      }
      const page = await rows(all.skip, all.take);
      return listResult({ items: compact(page.items), total: page.total, unpaged: !page.paged, skip: all.skip, take: all.take, fields, noun, describe: entity.describe });
    },
  });
}

/** Up to `limit` rows of a list, a page of 100 at a time, in the list's own order. */
async function readRows(rows: (skip: number, take: number) => Promise<FetchedPage>, limit: number): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let total = 0;
  while (items.length < limit) {
    const page = await rows(items.length, 100);
    // A route that answers every row at once (not paged) has answered them all.
    if (!page.paged) return { items: page.items.slice(0, limit), total: page.items.length };
    items.push(...page.items);
    total = page.total;
    if (page.items.length < 100 || items.length >= total) break;
  }
  return { items, total };
}

interface LocalFilter {
  keep: (item: Item) => boolean;
  /** Why Gauzy could not filter, for the answer's note. */
  why: string;
}

/**
 * What Gauzy cannot filter for a list, to be done here: a date range on a field (no list route bounds one
 * together with the other filters; /api/tasks/filter-by-date takes no status or priority), or a search
 * Gauzy would misread. When the rows are filtered here, a search is too. `To` given as a date includes that whole day.
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
  if (search && gauzyReadsAsBoolean(search.needle)) reasons.push(`Gauzy reads "${search.needle}" as a boolean in its search`);
  if (reasons.length === 0) return undefined;
  if (search) {
    const wanted = search.needle.toLowerCase();
    checks.push((item) => String(item[search.field] ?? '').toLowerCase().includes(wanted));
  }
  return { keep: (item) => checks.every((check) => check(item)), why: reasons.join(', and ') };
}

/**
 * Reads every page of a style-A list route (row-offset paging), up to `maxPages` pages, for tools that
 * aggregate. `partial` says when the cap stopped it before `total`.
 */
export async function readAllPages(
  ctx: ToolContext,
  path: string,
  where: Record<string, QueryValue>,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<{ items: Item[]; total: number; partial: boolean }> {
  const pageSize = options.pageSize ?? 100;
  const items: Item[] = [];
  let total = 0;
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const result = normalizePage(await ctx.gauzy.get(path, { query: { where: scopeWhere(ctx.scope, where), take: pageSize, skip: page * pageSize, order: { createdAt: 'ASC' } } }));
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


const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date range as Gauzy's expense, income and payment services read `where[<date>]`: `{ startDate, endDate }`
 * to a `Between`, where one end alone falls back to the current month. So an open end is filled with the widest
 * one, and a plain day as `endDate` counts that whole day. Undefined when neither end is given.
 */
export function betweenWhere(startDate?: string, endDate?: string): { startDate: string; endDate: string } | undefined {
  if (!startDate && !endDate) return undefined;
  return {
    startDate: startDate ?? '1970-01-01T00:00:00.000Z',
    endDate: endDate ? (DAY_ONLY.test(endDate) ? `${endDate}T23:59:59.999Z` : endDate) : '9999-12-31T23:59:59.999Z',
  };
}
