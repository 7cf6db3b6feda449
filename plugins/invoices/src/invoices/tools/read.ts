import { defineTool, entityOutput, isoDate, listOutput, listResult, LOCAL_FILTER_ROWS, normalizePage, ok, pagination, type QueryValue, readRowWindow, refLabel, scopeWhere, type ToolContext, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeInvoice, describeInvoiceItem, INVOICE_STATUSES, invoiceEntity, INVOICES_TOOLSET as toolset } from '../entities.js';
import { HIGHEST, INVOICE_BY_ID, invalid, ITEMS, readInvoice, readItems } from '../gauzy.js';
import { invoiceMoney } from '../totals.js';

type Item = Record<string, unknown>;

const PAGINATION = '/api/invoices/pagination';
const FAR_PAST = '1970-01-01T00:00:00.000Z';
const FAR_FUTURE = '2999-12-31T23:59:59.000Z';

/**
 * The client joined as `{ id, name }`, as the line names it, and without the public-link token Gauzy sends with
 * every invoice (generate_invoice_link hands it out when asked).
 */
export const compactInvoice = (invoice: Item): Item => {
  const { token: _token, ...rest } = invoice;
  const contact = rest.toContact as Item | undefined;
  return contact ? { ...rest, toContact: { id: contact.id, name: contact.name ?? refLabel(contact) } } : rest;
};

/** What a listed invoice carries: what its line says and what a next call needs (a full row is some 1.5 KB). */
const LIST_FIELDS = [
  'id', 'invoiceNumber', 'isEstimate', 'status', 'invoiceDate', 'dueDate', 'currency', 'totalValue', 'paid', 'alreadyPaid', 'amountDue',
  'toContactId', 'toContact', 'isArchived', 'invoiceType',
] as const;
const listed = (invoice: Item): Item => Object.fromEntries(LIST_FIELDS.filter((key) => invoice[key] !== undefined).map((key) => [key, invoice[key]]));

/** A day given alone as `To` means the whole day. */
const endOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.000Z` : value);

/**
 * InvoiceService.pagination bounds invoiceDate and dueDate with `Between(startDate, endDate)` and, given only one
 * bound (or none), uses the current month: so both bounds are always sent.
 */
function dateRange(from: string | undefined, to: string | undefined): QueryValue | undefined {
  if (!from && !to) return undefined;
  return { startDate: from ?? FAR_PAST, endDate: to ? endOf(to) : FAR_FUTURE };
}

async function readPage(ctx: ToolContext, where: Record<string, QueryValue>, take: number, page: number) {
  return normalizePage(await ctx.gauzy.get(PAGINATION, { query: { where: scopeWhere(ctx.scope, where), relations: ['toContact'], order: { invoiceDate: 'DESC' }, take, skip: page } }));
}

/** Per currency: how much is invoiced and still due, over the listed rows. */
function sums(items: readonly Item[]): Record<string, { total: number; due: number }> {
  const out: Record<string, { total: number; due: number }> = {};
  for (const item of items) {
    const key = String(item.currency ?? '?');
    const entry = (out[key] ??= { total: 0, due: 0 });
    entry.total = Math.round((entry.total + Number(item.totalValue ?? 0)) * 100) / 100;
    if (!item.isEstimate) entry.due = Math.round((entry.due + Number(item.paid ? 0 : (item.amountDue ?? item.totalValue ?? 0))) * 100) / 100;
  }
  return out;
}

/**
 * Gauzy's /pagination matches status, isEstimate, paid, currency and the client exactly and bounds the dates;
 * its query transform turns any number in `where` into `true`, so an invoice number is matched here.
 */
export const listInvoices = defineTool({
  name: 'list_invoices',
  title: 'Find invoices',
  description: 'Find invoices and estimates (client, amount, status) by status, client, date, paid, overdue or number.',
  toolset,
  aliases: invoiceEntity.aliases?.list,
  effect: 'read',
  input: z.object({
    status: z.enum(INVOICE_STATUSES).optional(),
    isEstimate: z.boolean().optional().describe('true: estimates; false: invoices'),
    toContactId: uuid().optional().describe('Client'),
    paid: z.boolean().optional(),
    invoiceNumber: z.number().int().positive().optional(),
    invoiceDateFrom: isoDate().optional(),
    invoiceDateTo: isoDate().optional(),
    overdue: z.boolean().optional().describe('true: unpaid invoices past due'),
    ...pagination,
  }),
  output: listOutput,
  routes: [`GET ${PAGINATION}`],
  async handler(args, ctx) {
    const where: Record<string, QueryValue> = {};
    for (const key of ['status', 'isEstimate', 'toContactId', 'paid'] as const) if (args[key] !== undefined) where[key] = args[key];
    const invoiceDate = dateRange(args.invoiceDateFrom, args.invoiceDateTo);
    if (invoiceDate) where.invoiceDate = invoiceDate;
    // Overdue: an invoice (not an estimate) not marked paid whose due date has passed.
    if (args.overdue) Object.assign(where, { dueDate: { startDate: FAR_PAST, endDate: new Date().toISOString() }, paid: false, isEstimate: false });
    const noun = args.isEstimate ? 'estimates' : args.isEstimate === false ? 'invoices' : 'invoices and estimates';
    if (args.invoiceNumber === undefined) {
      const page = await readRowWindow((size, number) => readPage(ctx, where, size, number), args.skip, args.take);
      const items = page.items.map((row) => listed(compactInvoice(row)));
      const result = listResult({ items, total: page.total, skip: args.skip, take: args.take, noun, describe: describeInvoice });
      return withSums(result, (result.structured.items as Item[]) ?? []);
    }
    const kept: Item[] = [];
    let read = 0;
    let total = 0;
    for (let page = 1; read < LOCAL_FILTER_ROWS; page++) {
      const rows = await readPage(ctx, where, 100, page);
      read += rows.items.length;
      total = rows.total;
      kept.push(...rows.items.filter((row) => Number(row.invoiceNumber) === args.invoiceNumber).map((row) => listed(compactInvoice(row))));
      if (rows.items.length < 100 || read >= total) break;
    }
    const result = listResult({ items: kept, unpaged: true, skip: args.skip, take: args.take, noun, describe: describeInvoice });
    const note = `Gauzy cannot filter by invoice number, so ${read} of ${total} were read and matched here${read < total ? '; later ones were not read' : ''}.`;
    const withNote = { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
    return withSums(withNote, (result.structured.items as Item[]) ?? []);
  },
});

function withSums(result: { structured: Item; text: string }, items: readonly Item[]) {
  if (!items.length) return result;
  const byCurrency = sums(items);
  const line = Object.entries(byCurrency)
    .map(([code, sum]) => `${sum.total.toFixed(2)} ${code} (unpaid ${sum.due.toFixed(2)})`)
    .join('; ');
  return { structured: { ...result.structured, sums: byCurrency }, text: `${result.text}\nOn this page: ${line}.` };
}

const MAX_ITEM_LINES = 50;
const ITEM_FIELDS = ['id', 'description', 'price', 'quantity', 'totalValue', 'applyTax', 'applyDiscount', 'expenseId', 'employeeId', 'projectId', 'taskId', 'productId'] as const;
const itemFacts = (item: Item): Item => Object.fromEntries(ITEM_FIELDS.filter((key) => item[key] !== null && item[key] !== undefined).map((key) => [key, item[key]]));

/** The invoice's lines with its money worked out from them, and a warning when its stored total disagrees. */
export function invoiceDetail(invoice: Item, verb: string): { structured: Item; text: string } {
  const items = Array.isArray(invoice.invoiceItems) ? (invoice.invoiceItems as Item[]) : [];
  const money = invoiceMoney(items as never, invoice as never);
  // Up to 100 items of some 600 bytes each would pass 32 KB: each keeps what its line and a change need.
  const structured = { ...compactInvoice(invoice), invoiceItems: items.map(itemFacts), computed: money };
  const shown = items.slice(0, MAX_ITEM_LINES);
  const lines = [`${verb}: ${describeInvoice(structured)}`, ...shown.map((item) => `- ${describeInvoiceItem(item)}`)];
  if (items.length > shown.length) lines.push(`… and ${items.length - shown.length} more items in the structured result.`);
  lines.push(`Subtotal ${money.subtotal.toFixed(2)}, discount ${money.discount.toFixed(2)}, tax ${money.tax.toFixed(2)}.`);
  // A percent discount may be taken after tax (an organization setting, not read here): then no gap is flagged.
  if (items.length && Math.abs(money.total - Number(invoice.totalValue ?? 0)) > 0.01 && invoice.discountType !== 'PERCENT') {
    lines.push(`Warning: the items add up to ${money.total.toFixed(2)}, but the invoice's total is ${Number(invoice.totalValue ?? 0).toFixed(2)}.`);
  }
  return { structured, text: lines.join('\n') };
}

export const getInvoice = defineTool({
  name: 'get_invoice_by_id',
  title: 'Get an invoice',
  description: 'One invoice or estimate by id with its client, items and subtotal, discount and tax.',
  toolset,
  aliases: invoiceEntity.aliases?.get,
  effect: 'read',
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: [`GET ${INVOICE_BY_ID}`],
  async handler({ id }, ctx) {
    const detail = invoiceDetail(await readInvoice(ctx, id), 'Found');
    return ok(detail.structured, detail.text);
  },
});

/**
 * GET /api/invoice-item is TenantAwareCrudService.findAll: for a caller without CHANGE_SELECTED_EMPLOYEE (Gauzy's
 * EMPLOYEE role) it keeps only items whose employeeId is theirs, so an employee sees almost none (seen on the
 * real Gauzy: an invoice's 4 items for the admin, none for the employee). An invoice's items are read through
 * the invoice instead (a joined relation is not narrowed); only the expense search needs the item route.
 */
export const getInvoiceItems = defineTool({
  name: 'get_invoice_items',
  title: 'Find invoice items',
  description: "An invoice's items, or those billing an expense (was it invoiced?).",
  toolset,
  effect: 'read',
  input: z.object({ invoiceId: uuid().optional(), expenseId: uuid().optional() }),
  output: listOutput,
  routes: [`GET ${ITEMS}`, `GET ${INVOICE_BY_ID}`],
  async handler({ invoiceId, expenseId }, ctx) {
    if (!invoiceId && !expenseId) {
      throw invalid('get_invoice_items', [{ field: 'invoiceId', message: 'give invoiceId or expenseId' }]);
    }
    if (invoiceId) {
      const invoice = await readInvoice(ctx, invoiceId, ['invoiceItems']);
      const items = ((invoice.invoiceItems as Item[] | undefined) ?? []).filter((item) => !expenseId || item.expenseId === expenseId);
      return listResult({ items, unpaged: true, skip: 0, take: 100, noun: 'invoice items', describe: describeInvoiceItem });
    }
    const items = await readItems(ctx, { expenseId });
    const result = listResult({ items, unpaged: true, skip: 0, take: 100, noun: 'invoice items', describe: describeInvoiceItem });
    if (ctx.scope.role !== 'EMPLOYEE') return result;
    const note = "Gauzy shows an employee only the items billed to their own employee, so an expense may be invoiced on an item not listed here.";
    return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

export const getHighestInvoiceNumber = defineTool({
  name: 'get_highest_invoice_number',
  title: 'Highest invoice number',
  description: 'Highest invoice number in Gauzy; create_invoice takes the next.',
  toolset,
  effect: 'read',
  input: z.object({}),
  routes: [`GET ${HIGHEST}`],
  async handler(_args, ctx) {
    const answer = await ctx.gauzy.get<{ max?: unknown } | null>(HIGHEST);
    const max = Number(answer?.max ?? 0);
    return ok({ max, next: max + 1 }, `The highest invoice number is ${max}; the next is ${max + 1}.`);
  },
});
