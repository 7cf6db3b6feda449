import type { HandlerInput } from '../engine/context.js';
import { listRows, paginated } from '../engine/crud-engine.js';
import { assertUuidParam, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { routeNotFound } from '../http-errors.js';
import type { Row } from '../store.js';

/*
 * The expense routes with logic of their own (packages/core/src/lib/expense/). Served only to a sandbox taught
 * the expense entity (the expenses pack's `./sandbox`); the other expense routes come from the entity.
 */

type Item = Record<string, unknown>;

/** moment.utc(v).format('YYYY-MM-DD HH:mm:ss'): the bound to the second. */
const toSecond = (value: unknown) => Math.floor(Date.parse(String(value)) / 1000) * 1000;

/**
 * `where[valueDate]` as ExpenseService.pagination and IncomeService.pagination read it: Between startDate and
 * endDate when both are given, else the current month (UTC).
 */
export function valueDateWithin(range: unknown): (row: Row) => boolean {
  const { startDate, endDate } = (range && typeof range === 'object' ? range : {}) as Item;
  const now = new Date();
  const [from, to] = startDate && endDate
    ? [toSecond(startDate), toSecond(endDate)]
    : [Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1), Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1000];
  return (row) => {
    const at = Date.parse(String(row.valueDate));
    return at >= from && at <= to;
  };
}

/**
 * A `/pagination` route whose service turns some `where` keys into LIKE '%…%' (any case) and `valueDate` into
 * a range before TenantAwareCrudService.paginate; the other keys are matched exactly.
 */
export function servePaginationWithRange(registry: RouteRegistry, path: string, entity: string, likeFields: readonly string[]): void {
  registry.serve('GET', path, (input: HandlerInput) => {
    if (!input.store.entities.has(entity)) throw routeNotFound(input.request.method, input.request.url);
    const where = input.query.where && typeof input.query.where === 'object' ? { ...(input.query.where as Item) } : input.query.where;
    const checks: Array<(row: Row) => boolean> = [];
    if (where && typeof where === 'object') {
      const fields = where as Item;
      if ('valueDate' in fields) {
        checks.push(valueDateWithin(fields.valueDate));
        delete fields.valueDate;
      }
      for (const field of likeFields) {
        if (!(field in fields)) continue;
        const needle = String(fields[field]).toLowerCase();
        checks.push((row) => String(row[field] ?? '').toLowerCase().includes(needle));
        delete fields[field];
      }
    }
    const narrowed = { ...input, query: { ...input.query, where } };
    return paginated(narrowed, entity, listRows(narrowed, entity, (row) => checks.every((check) => check(row))), true);
  });
}

/** NotFoundException as `new BadRequestException(error)` serializes it (seen on the real Gauzy, status 400). */
const WRAPPED_NOT_FOUND = {
  response: { message: 'The requested record was not found', error: 'Not Found', statusCode: 404 },
  status: 404, options: {}, message: 'The requested record was not found', name: 'NotFoundException',
};

/**
 * PUT /:id of expenses and incomes (ExpenseUpdateHandler, IncomeUpdateHandler): the whole DTO validated
 * (`whitelist: true`), then findOneByIdString (an unknown id: its NotFoundException wrapped in a 400), then
 * `service.create({ id, ...body })`, TypeORM's save of a fresh instance: the columns sent change, the others
 * stay, and the answer is that instance, every column not sent as null (seen on the real Gauzy).
 */
export function serveSaveUpdate(registry: RouteRegistry, path: string, entity: string): void {
  registry.serve('PUT', path, (input: HandlerInput) => {
    const spec = input.store.entities.get(entity);
    if (!spec) throw routeNotFound(input.request.method, input.request.url);
    const caller = requireCaller(input);
    const id = assertUuidParam(input.params.id);
    const body = spec.update ? validateBody(input.store, caller, input.body, spec.update) : input.body;
    const row = scopedRows(input.store, entity, caller).find((candidate) => candidate.id === id);
    if (!row) return { status: 400, body: WRAPPED_NOT_FOUND };
    const data = spec.fromBody ? spec.fromBody(body) : { ...body };
    for (const key of ['id', 'tenantId', 'tenant', 'organization', 'createdAt', 'deletedAt', 'createdByUserId']) delete data[key];
    const updatedAt = new Date().toISOString();
    Object.assign(row, data, { updatedAt, updatedByUserId: caller.user.id });
    const unsent = Object.fromEntries(Object.keys(spec.defaults()).filter((key) => !(key in data)).map((key) => [key, null]));
    return {
      body: {
        id, tenantId: caller.tenantId, organizationId: body.organizationId ?? null, ...data, tenant: { id: caller.tenantId }, updatedByUserId: caller.user.id,
        createdByUserId: null, deletedByUserId: null, isActive: null, isArchived: null, archivedAt: null, ...unsent, updatedAt,
      },
    };
  });
}

export function registerExpensesRoutes(registry: RouteRegistry): void {
  serveSaveUpdate(registry, '/api/expense/:id', 'expense');
  // ExpenseService.pagination: notes and purpose ILike, valueDate Between (both ends, else this month), tags by id (not modelled).
  servePaginationWithRange(registry, '/api/expense/pagination', 'expense', ['notes', 'purpose']);
}
