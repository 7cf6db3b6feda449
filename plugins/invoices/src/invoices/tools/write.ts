import { crudToolList, currencyCode, defineTool, entityOutput, GauzyMcpError, isGauzyMcpError, isoDate, MAX_BULK_ITEMS, ok, pick, type RefusalHint, runBulk, type ToolContext, uuid, withRefusalHints } from '@gauzy-mcp/core';
import { z } from 'zod';
import { DISCOUNT_TAX_TYPES, INVOICE_BODY_FIELDS, INVOICE_STATUSES, INVOICE_TYPES, invoiceEntity, invoiceItemFields, INVOICES_BULK_TOOLSET, INVOICES_TOOLSET as toolset } from '../entities.js';
import { discountsAfterTax, highestInvoiceNumber, HIGHEST, INVOICE_BY_ID, INVOICES, invalid, ITEMS_BULK, ORGANIZATION, readInvoice } from '../gauzy.js';
import { invoiceMoney, itemTotal, type InvoiceMoney } from '../totals.js';
import { invoiceDetail } from './read.js';

type Item = Record<string, unknown>;

const ESTIMATE_ONLY = new Set(['ACCEPTED', 'REJECTED']);
const INVOICE_ONLY = new Set(['FULLY_PAID', 'PARTIALLY_PAID', 'OVERPAID']);

/** One line of an invoice. Amounts are not negative (Gauzy's form refuses them too). */
const itemInput = z.strictObject({
  description: z.string().optional(),
  price: invoiceItemFields.price,
  quantity: invoiceItemFields.quantity,
  expenseId: invoiceItemFields.expenseId,
  employeeId: invoiceItemFields.employeeId,
  projectId: invoiceItemFields.projectId,
  taskId: invoiceItemFields.taskId,
  productId: invoiceItemFields.productId,
  applyTax: z.boolean().optional(),
});
type ItemInput = z.output<typeof itemInput>;

const percentAtMost100 = (value: Item, key: 'discountValue' | 'tax' | 'tax2', type: 'discountType' | 'taxType' | 'tax2Type') =>
  value[type] !== 'PERCENT' || Number(value[key] ?? 0) <= 100;

const moneyTerms = {
  discountValue: z.number().nonnegative().optional(),
  discountType: z.enum(DISCOUNT_TAX_TYPES).optional(),
  tax: z.number().nonnegative().optional(),
  taxType: z.enum(DISCOUNT_TAX_TYPES).optional(),
  tax2: z.number().nonnegative().optional(),
  tax2Type: z.enum(DISCOUNT_TAX_TYPES).optional(),
};

const invoiceShape = {
  toContactId: uuid().describe('Client'),
  invoiceDate: isoDate(),
  dueDate: isoDate(),
  currency: currencyCode(),
  items: z.array(itemInput).min(1).max(100).optional(),
  isEstimate: z.boolean().optional(),
  status: z.enum(['DRAFT', 'SENT']).optional(),
  invoiceNumber: z.number().int().positive().optional().describe('Default: next'),
  ...moneyTerms,
  terms: z.string().optional(),
};

/** Checks the whole invoice's arguments; zod refinements would be lost in the published schema. */
function checkInvoice(tool: string, args: Item): void {
  const issues: Array<{ field: string; message: string }> = [];
  if (Date.parse(String(args.dueDate)) < Date.parse(String(args.invoiceDate))) issues.push({ field: 'dueDate', message: 'must not be before invoiceDate' });
  for (const [key, type] of [['discountValue', 'discountType'], ['tax', 'taxType'], ['tax2', 'tax2Type']] as const) {
    if (!percentAtMost100(args, key, type)) issues.push({ field: key, message: 'a percentage must be at most 100' });
  }
  issues.push(...statusIssues(args));
  if (issues.length) throw invalid(tool, issues);
}

/** Gauzy takes either list's statuses on both; an estimate is not paid and an invoice is not accepted. */
function statusIssues(args: Item): Array<{ field: string; message: string }> {
  const status = args.status as string | undefined;
  if (status && args.isEstimate && INVOICE_ONLY.has(status)) return [{ field: 'status', message: `${status} is an invoice status, not an estimate's` }];
  if (status && !args.isEstimate && ESTIMATE_ONLY.has(status)) return [{ field: 'status', message: `${status} is an estimate status; set isEstimate true` }];
  return [];
}

/** What the items bill, when they all bill one kind of thing (InvoiceTypeEnum); else detailed items. */
function typeOf(items: readonly ItemInput[]): (typeof INVOICE_TYPES)[number] {
  const kinds: Array<[keyof ItemInput, (typeof INVOICE_TYPES)[number]]> = [
    ['expenseId', 'BY_EXPENSES'], ['employeeId', 'BY_EMPLOYEE_HOURS'], ['projectId', 'BY_PROJECT_HOURS'], ['taskId', 'BY_TASK_HOURS'], ['productId', 'BY_PRODUCTS'],
  ];
  for (const [key, type] of kinds) if (items.length && items.every((item) => item[key])) return type;
  return 'DETAILED_ITEMS';
}

/** Items as InvoiceItemDTO takes them: every one with its invoice, organization, and its total worked out. */
function itemBodies(items: readonly Item[], invoiceId: string, ctx: ToolContext): Item[] {
  return items.map((item) => ({
    ...pick(item, ['description', 'expenseId', 'employeeId', 'projectId', 'taskId', 'productId']),
    price: Number(item.price),
    quantity: Number(item.quantity),
    totalValue: itemTotal(item as never),
    applyTax: item.applyTax !== false,
    applyDiscount: true,
    invoiceId,
    organizationId: ctx.scope.organizationId,
    tenantId: ctx.scope.tenantId,
  }));
}

/** The organization's discount-after-tax setting matters only to a percent discount on a taxed invoice. */
async function moneyOf(ctx: ToolContext, items: readonly Item[], terms: Item): Promise<InvoiceMoney> {
  const matters = terms.discountType === 'PERCENT' && (Number(terms.tax ?? 0) > 0 || Number(terms.tax2 ?? 0) > 0);
  return invoiceMoney(items as never, terms, matters ? await discountsAfterTax(ctx) : false);
}

const HINTS: readonly RefusalHint[] = [
  { match: /FOREIGN KEY|foreign key/i, hint: 'An id given (expense, employee, project, task or product) does not exist in Gauzy: check it with the matching list tool.' },
];

/**
 * A save of the invoice that its database refuses (a taken invoice number: unique over all of Gauzy; a client
 * id no contact has) answers 400 with only the driver's code (`{"driverError":{"code":"SQLITE_CONSTRAINT_UNIQUE"}}`,
 * seen on the real Gauzy) and no message, so the hint names both causes.
 */
const BARE_REFUSAL =
  "Gauzy's database refused the invoice without a message: the invoice number is taken (numbers are unique across Gauzy; leave invoiceNumber out to get the next) or toContactId is no client (check it with the contacts tools).";

async function saving<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await withRefusalHints(call, HINTS);
  } catch (error) {
    const messages = isGauzyMcpError(error) ? (error.details.gauzyMessages as unknown[] | undefined) : undefined;
    if (isGauzyMcpError(error) && error.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && !messages?.length && !error.details.hint) error.details.hint = BARE_REFUSAL;
    throw error;
  }
}

/**
 * Creates one invoice as Gauzy's web app does: POST /api/invoices with the total worked out from the items,
 * then POST /api/invoice-item/bulk/:invoiceId with the items (InvoiceItemDTO needs the invoice's id). When the
 * items are refused, the invoice is deleted again, so no invoice is left whose total its items do not make.
 */
async function createInvoice(ctx: ToolContext, args: z.output<z.ZodObject<typeof invoiceShape>>, number?: () => Promise<number>): Promise<Item> {
  checkInvoice('create_invoice', args);
  const { items = [], ...fields } = args;
  const money = await moneyOf(ctx, items, fields);
  const invoiceNumber = fields.invoiceNumber ?? (number ? await number() : (await highestInvoiceNumber(ctx)) + 1);
  const body = {
    ...fields,
    invoiceNumber,
    status: fields.status ?? 'DRAFT',
    isEstimate: fields.isEstimate ?? false,
    invoiceType: typeOf(items),
    discountValue: fields.discountValue ?? 0,
    tax: fields.tax ?? 0,
    tax2: fields.tax2 ?? 0,
    // Invoice.terms is a NOT NULL column that InvoiceDTO leaves optional.
    terms: fields.terms ?? '',
    organizationContactId: fields.toContactId,
    fromOrganizationId: ctx.scope.organizationId,
    totalValue: money.total,
    paid: false,
    alreadyPaid: 0,
    amountDue: money.total,
    isArchived: false,
    organizationId: ctx.scope.organizationId,
    tenantId: ctx.scope.tenantId,
  };
  const created = await saving(() => ctx.gauzy.post<Item>(INVOICES, body));
  const id = String(created.id);
  try {
    if (items.length) await saving(() => ctx.gauzy.post(ITEMS_BULK, itemBodies(items, id, ctx), { params: { invoiceId: id } }));
  } catch (error) {
    await ctx.gauzy.delete(INVOICE_BY_ID, { params: { id } }).catch(() => undefined);
    throw error;
  }
  return { ...created, id, invoiceNumber, totalValue: money.total, computed: money };
}

const WRITE_ROUTES = [`GET ${HIGHEST}`, `GET ${ORGANIZATION}`, `POST ${INVOICES}`, `POST ${ITEMS_BULK}`, `DELETE ${INVOICE_BY_ID}`, `GET ${INVOICE_BY_ID}`] as const;

export const createInvoiceTool = defineTool({
  name: 'create_invoice',
  title: 'Create an invoice',
  description: 'Create an invoice or estimate for a client from items (price, quantity, what each bills); the total is worked out.',
  toolset,
  effect: 'write',
  input: z.object(invoiceShape),
  output: entityOutput,
  routes: [...WRITE_ROUTES],
  async handler(args, ctx) {
    const created = await createInvoice(ctx, args);
    const detail = invoiceDetail(await readInvoice(ctx, String(created.id)), 'Created');
    return ok(detail.structured, detail.text);
  },
});

export const bulkCreateInvoices = defineTool({
  name: 'bulk_create_invoices',
  title: 'Create several invoices',
  description: `Create up to ${MAX_BULK_ITEMS} invoices, each as create_invoice takes it; reports each (number, or Gauzy's reason).`,
  toolset: INVOICES_BULK_TOOLSET,
  effect: 'write',
  input: z.object({ invoices: z.array(z.strictObject(invoiceShape)).min(1).max(MAX_BULK_ITEMS) }),
  // Each invoice is create_invoice's arguments, validated as there; publishing that schema again would double its bytes.
  inputJsonSchema: {
    type: 'object',
    properties: {
      invoices: { type: 'array', minItems: 1, maxItems: MAX_BULK_ITEMS, items: { type: 'object', description: "create_invoice's arguments" } },
      organizationId: { type: 'string', format: 'uuid' },
    },
    required: ['invoices'],
    additionalProperties: false,
  },
  output: z.looseObject({ succeeded: z.number(), failed: z.number() }),
  routes: [...WRITE_ROUTES],
  async handler({ invoices }, ctx) {
    // One at a time, so the numbers Gauzy has not given out yet are handed out in order.
    let next: number | undefined;
    const number = async () => {
      next = Math.max(next ?? 0, (await highestInvoiceNumber(ctx)) + 1);
      return next++;
    };
    const one = async (invoice: (typeof invoices)[number]): Promise<Item> => {
      try {
        const created = await createInvoice(ctx, invoice, number);
        const kind = invoice.isEstimate ? 'Estimate' : 'Invoice';
        return { id: created.id, title: `${kind} #${String(created.invoiceNumber)} · ${Number(created.totalValue).toFixed(2)} ${invoice.currency}`, status: created.status };
      } catch (error) {
        // The per-invoice line shows Gauzy's messages, not the hint: the hint joins them.
        const hint = isGauzyMcpError(error) ? error.details.hint : undefined;
        if (isGauzyMcpError(error) && typeof hint === 'string') error.details.gauzyMessages = [...((error.details.gauzyMessages as string[] | undefined) ?? []), hint];
        throw error;
      }
    };
    return runBulk(invoices, ctx, one, { noun: 'invoices', verb: 'Created', concurrency: 1 });
  },
});

const ACTION = '/api/invoices/:id/action';
const ESTIMATE = '/api/invoices/:id/estimate';
/** UpdateInvoiceActionDTO's columns a caller sets here (the money ones are left to the payments half). */
const ACTION_FIELDS = ['status', 'isArchived', 'internalNote'] as const;

/**
 * Three routes change an invoice. PUT /:id validates the whole UpdateInvoiceDTO and saves what it is sent, so
 * for a change of client, dates, money or items the invoice is read with its items, the change laid over it,
 * and its total worked out again from the items (new ones given, or those it has); amountDue follows as
 * total − alreadyPaid, as the edit form computes it. New items replace the old (POST /api/invoice-item/bulk
 * deletes them first); if Gauzy refuses them, the invoice is put back. A change of status, archive flag or note
 * alone goes to PUT /:id/action (whitelisted, no whole body), and accepting an estimate to PUT /:id/estimate.
 */
export const updateInvoice = defineTool({
  name: 'update_invoice',
  title: 'Update an invoice',
  description: 'Change an invoice or estimate (client, dates, money, items: replace all, status, archived, note, isAccepted); the total follows.',
  toolset,
  aliases: ['update_invoice_action', 'update_estimate_status'],
  effect: 'write',
  idempotent: true,
  input: z.object({
    id: uuid(),
    toContactId: uuid().optional(),
    invoiceDate: isoDate().optional(),
    dueDate: isoDate().optional(),
    currency: currencyCode().optional(),
    items: z.array(itemInput).min(1).max(100).optional(),
    ...moneyTerms,
    terms: z.string().optional(),
    status: z.enum(INVOICE_STATUSES).optional(),
    isArchived: z.boolean().optional(),
    internalNote: z.string().optional(),
    isAccepted: z.boolean().optional(),
  }),
  output: entityOutput,
  routes: [`GET ${INVOICE_BY_ID}`, `PUT ${INVOICE_BY_ID}`, `POST ${ITEMS_BULK}`, `GET ${ORGANIZATION}`, `PUT ${ACTION}`, `PUT ${ESTIMATE}`],
  async handler({ id, items, isAccepted, ...changes }, ctx) {
    const given: Item = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (!items && isAccepted === undefined && Object.keys(given).length === 0) {
      throw invalid('update_invoice', [{ field: '(arguments)', message: 'give at least one field to change' }]);
    }
    const current = await readInvoice(ctx, id, ['invoiceItems']);
    const issues = statusIssues({ ...current, ...given });
    if (isAccepted !== undefined && !current.isEstimate) issues.push({ field: 'isAccepted', message: `invoice #${String(current.invoiceNumber)} is not an estimate` });
    if (issues.length) throw invalid('update_invoice', issues);
    const whole = Boolean(items) || Object.keys(given).some((key) => !(ACTION_FIELDS as readonly string[]).includes(key));
    if (whole) await putWhole(ctx, id, current, given, items);
    else if (Object.keys(given).length) await ctx.gauzy.put(ACTION, given, { params: { id } });
    if (isAccepted !== undefined) await ctx.gauzy.put(ESTIMATE, { isAccepted }, { params: { id } });
    const detail = invoiceDetail(await readInvoice(ctx, id), 'Updated');
    return ok(detail.structured, detail.text);
  },
});

/**
 * POST /api/invoice-item/bulk deletes the old items with TenantAwareCrudService.delete, which for a caller without
 * CHANGE_SELECTED_EMPLOYEE (Gauzy's EMPLOYEE role) reaches only items billed to their own employee: the others
 * would stay beside the new ones and the total would not be theirs (seen on the real Gauzy). So an employee may
 * replace the items only when every old one is theirs.
 */
function checkReplaceable(ctx: ToolContext, current: Item): void {
  if (ctx.scope.role !== 'EMPLOYEE') return;
  const others = ((current.invoiceItems as Item[] | undefined) ?? []).filter((item) => item.employeeId !== ctx.scope.employeeId);
  if (!others.length) return;
  throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_invoice'], {
    fields: ['items'],
    issues: [{ field: 'items', message: `Gauzy lets an employee delete only the items billed to their own employee, so ${others.length} of this invoice's items would stay beside the new ones; ask an admin to replace them, or change the other fields only` }],
  });
}

async function putWhole(ctx: ToolContext, id: string, current: Item, given: Item, items: ItemInput[] | undefined): Promise<void> {
  if (items) checkReplaceable(ctx, current);
  const before = pick(current, INVOICE_BODY_FIELDS);
  const merged: Item = { ...before, ...given };
  checkInvoice('update_invoice', merged);
  const lines: Item[] = items ?? ((current.invoiceItems as Item[] | undefined) ?? []);
  const money = await moneyOf(ctx, lines, merged);
  const alreadyPaid = Number(current.alreadyPaid ?? 0);
  const scope = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
  const body = {
    ...merged,
    ...(given.toContactId ? { organizationContactId: given.toContactId } : {}),
    terms: merged.terms ?? '',
    totalValue: money.total,
    amountDue: Math.max(0, Math.round((money.total - alreadyPaid) * 100) / 100),
    ...scope,
  };
  await saving(() => ctx.gauzy.put(INVOICE_BY_ID, body, { params: { id } }));
  if (!items) return;
  try {
    await saving(() => ctx.gauzy.post(ITEMS_BULK, itemBodies(items, id, ctx), { params: { invoiceId: id } }));
  } catch (error) {
    // createBulk deletes the old items before it inserts the new ones, without a transaction: both are put back.
    await ctx.gauzy.put(INVOICE_BY_ID, { ...before, ...scope }, { params: { id } }).catch(() => undefined);
    const old = (current.invoiceItems as Item[] | undefined) ?? [];
    if (old.length) await ctx.gauzy.post(ITEMS_BULK, itemBodies(old, id, ctx).map((item, index) => ({ ...item, applyTax: old[index]!.applyTax, applyDiscount: old[index]!.applyDiscount })), { params: { invoiceId: id } }).catch(() => undefined);
    throw error;
  }
}

const derivedDelete = crudToolList(invoiceEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: false,
    update: false,
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
    delete: {
      description: 'Permanently delete an invoice or estimate; its items and payments stay, unlinked.',
    },
  },
});

// Its answer (id, deleted, recoverable) is published as the plain entity answer: every field of a hard delete's is the same.
export const deleteInvoiceTools = derivedDelete.map((tool) => defineTool({ ...tool, output: entityOutput }));
