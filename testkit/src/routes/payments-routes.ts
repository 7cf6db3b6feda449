import { gauzyReadsAsBoolean } from '@gauzy-mcp/core';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { listRows, paginated } from '../engine/crud-engine.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { routeNotFound } from '../http-errors.js';

/*
 * The payments routes with logic of their own (packages/core/src/lib/payment/payment.service.ts), served only
 * to a sandbox taught the payment entity (the invoices pack's `./sandbox`); the other payment routes come from
 * the entity, and PUT /api/invoices/:id/action, which the payment tools settle an invoice with, from invoices-routes.ts.
 */

const PAYMENT = 'payment';

type Item = Record<string, unknown>;

function paymentsCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(PAYMENT)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

/** BaseQueryDTO's transform on one value: a leaf that parses as JSON becomes `Boolean(JSON.parse(v))`. */
const transformed = (value: unknown) => (typeof value === 'string' && gauzyReadsAsBoolean(value) ? Boolean(JSON.parse(value)) : value);

/** moment.utc(v).format('YYYY-MM-DD HH:mm:ss'): the bound to the second. */
const toSecond = (value: number) => Math.floor(value / 1000) * 1000;

/** The current month's first and last second, as PaymentService fills a missing side of the range. */
function monthBounds(): { start: number; end: number } {
  const now = new Date();
  return { start: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1), end: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1000 };
}

/** The payment's boolean columns (SQLite keeps them as 1 and 0). */
const BOOLEAN_COLUMNS = ['overdue', 'isActive', 'isArchived'];

export function registerPaymentsRoutes(registry: RouteRegistry): void {
  /**
   * GET /api/payments: `@UseValidationPipe()` without transform, so `where` values stay strings, and SQLite
   * compares a boolean column (1/0) with 'true' or 'false' as no match: seen on the real Gauzy, 202 and
   * `{items:[],total:0}` for where[overdue]=true or false. The rest is the generic list.
   */
  registry.serve('GET', '/api/payments', (input) => {
    paymentsCaller(input);
    const where = (input.query.where as Item | undefined) ?? {};
    const stringBoolean = BOOLEAN_COLUMNS.some((column) => typeof where[column] === 'string');
    const rows = listRows(input, PAYMENT, () => !stringBoolean);
    return paginated(input, PAYMENT, rows, false);
  });

  /**
   * PaymentService.pagination: `where[note]` as LIKE '%…%' (after the transform read it), `where[paymentDate]`
   * `{startDate, endDate}` as Between (a missing side is the current month's), the rest as equality.
   */
  registry.serve('GET', '/api/payments/pagination', (input) => {
    paymentsCaller(input);
    const where = { ...((input.query.where as Item | undefined) ?? {}) };
    const { note, paymentDate, tags: _tags, ...rest } = where;
    const checks: Array<(row: Item) => boolean> = [];
    if (note !== undefined && note !== '') {
      const needle = String(transformed(note)).toLowerCase();
      checks.push((row) => String(row.note ?? '').toLowerCase().includes(needle));
    }
    if (paymentDate && typeof paymentDate === 'object') {
      const range = paymentDate as { startDate?: string; endDate?: string };
      const month = monthBounds();
      const start = range.startDate ? toSecond(Date.parse(range.startDate)) : month.start;
      const end = range.endDate ? toSecond(Date.parse(range.endDate)) : month.end;
      checks.push((row) => {
        const at = Date.parse(String(row.paymentDate ?? ''));
        return at >= start && at <= end;
      });
    }
    const narrowed = { ...input, query: { ...input.query, where: rest } };
    return paginated(narrowed, PAYMENT, listRows(narrowed, PAYMENT, (row) => checks.every((check) => check(row))), true);
  });
}
