import { gauzyReadsAsBoolean } from '@gauzy-mcp/core/internal';
import { validateDto, isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { listRows, paginated } from '../engine/crud-engine.js';
import { belongsToOrganization, scopedRows } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { badRequest, GauzyHttpError, invalidUuid, routeNotFound } from '../http-errors.js';

/*
 * The payments routes with logic of their own (packages/core/src/lib/payment/payment.service.ts) and the
 * invoice route Gauzy's web app moves an invoice's payment state with. They are served only to a sandbox
 * taught the payment entity (the invoices pack's `./sandbox`); the other payment routes come from the entity.
 */

const PAYMENT = 'payment';
const INVOICE = 'invoice';

type Item = Record<string, unknown>;

function paymentsCaller(input: HandlerInput, entity = PAYMENT): CallerContext {
  if (!input.store.entities.has(entity)) throw routeNotFound(input.request.method, input.request.url);
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

/** UpdateInvoiceActionDTO (whitelist): the invoice's payment state and a few flags, each optional. */
const INVOICE_ACTION_DTO = {
  fields: {
    status: { type: 'any' as const, enum: ['DRAFT', 'SENT', 'VIEWED', 'FULLY_PAID', 'PARTIALLY_PAID', 'OVERPAID', 'VOID', 'ACCEPTED', 'REJECTED'] },
    isEstimate: { type: 'boolean' as const },
    internalNote: { type: 'string' as const },
    isArchived: { type: 'boolean' as const },
    paid: { type: 'boolean' as const },
    alreadyPaid: { type: 'number' as const },
    amountDue: { type: 'number' as const },
  },
  whitelist: true,
};

export function registerPaymentsRoutes(registry: RouteRegistry): void {
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

  /**
   * PUT /api/invoices/:id/action: InvoiceUpdateCommand saves `{ id, ...body }` with the service's create
   * (TypeORM save), which answers what it saved. An id of no invoice would be inserted and fail the NOT NULL
   * columns; the tools never send one.
   */
  registry.serve('PUT', '/api/invoices/:id/action', (input) => {
    const caller = paymentsCaller(input, INVOICE);
    if (!isUuid(input.params.id)) throw invalidUuid();
    const result = validateDto(input.body, INVOICE_ACTION_DTO, { userId: String(caller.user.id), belongsToOrganization: (id) => belongsToOrganization(input.store, caller, id) });
    if (!result.ok) throw badRequest(result.messages);
    const row = scopedRows(input.store, INVOICE, caller).find((candidate) => candidate.id === input.params.id);
    if (!row) throw new GauzyHttpError(400, { query: 'INSERT INTO "invoice"', parameters: [], driverError: { code: 'SQLITE_CONSTRAINT' }, code: 'SQLITE_CONSTRAINT' });
    const updatedAt = new Date().toISOString();
    Object.assign(row, result.value, { updatedAt, updatedByUserId: caller.user.id });
    return { body: { ...result.value, id: row.id, updatedAt } };
  });
}
