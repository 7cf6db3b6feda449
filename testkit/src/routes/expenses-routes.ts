import type { HandlerInput } from '../engine/context.js';
import { listRows, paginated } from '../engine/crud-engine.js';
import type { RouteRegistry } from '../engine/route-registry.js';
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

export function registerExpensesRoutes(registry: RouteRegistry): void {
  // ExpenseService.pagination: notes and purpose ILike, valueDate Between (both ends, else this month), tags by id (not modelled).
  servePaginationWithRange(registry, '/api/expense/pagination', 'expense', ['notes', 'purpose']);
}
