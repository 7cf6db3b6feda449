import { currencyCode, defineEntity, formatMoney, isoDate, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const INVOICES_TOOLSET = 'invoices';
export const INVOICES_BULK_TOOLSET = 'invoices-bulk';

type Item = Record<string, unknown>;

/**
 * InvoiceDTO's status IsEnum is Object.assign(InvoiceStatusTypesEnum, EstimateStatusTypesEnum)
 * (@gauzy/contracts invoice.model.ts): an invoice's statuses and an estimate's in one list.
 */
export const INVOICE_STATUSES = ['DRAFT', 'SENT', 'VIEWED', 'FULLY_PAID', 'PARTIALLY_PAID', 'OVERPAID', 'VOID', 'ACCEPTED', 'REJECTED'] as const;
/** InvoiceTypeEnum: what the items point at. */
export const INVOICE_TYPES = ['BY_EMPLOYEE_HOURS', 'BY_PROJECT_HOURS', 'BY_TASK_HOURS', 'BY_PRODUCTS', 'BY_EXPENSES', 'DETAILED_ITEMS'] as const;
/** DiscountTaxTypeEnum: PERCENT = 'PERCENT', FLAT_VALUE = 'FLAT'. */
export const DISCOUNT_TAX_TYPES = ['PERCENT', 'FLAT'] as const;

const money = (item: Item, value: unknown) => formatMoney(value, item.currency);
const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : value instanceof Date ? value.toISOString().slice(0, 10) : '-');

/** The client an invoice is sent to: its joined contact's name, else the id. */
export function clientLabel(invoice: Item): string {
  const contact = invoice.toContact as Item | undefined;
  const name = contact && typeof contact.name === 'string' ? contact.name : undefined;
  const id = (invoice.toContact as Item | undefined)?.id ?? invoice.toContactId;
  return name ? `${name}${id ? ` (id ${String(id)})` : ''}` : id ? `client ${String(id)}` : 'no client';
}

/** An invoice on one line: number, id, client by name, total with currency, status, dates, what is paid. */
export function describeInvoice(invoice: Item): string {
  const kind = invoice.isEstimate ? 'Estimate' : 'Invoice';
  const paid = invoice.isEstimate ? '' : invoice.paid ? 'paid' : Number(invoice.alreadyPaid ?? 0) > 0 ? `paid ${money(invoice, invoice.alreadyPaid)}, due ${money(invoice, invoice.amountDue)}` : 'unpaid';
  const facts = [
    clientLabel(invoice),
    money(invoice, invoice.totalValue),
    String(invoice.status ?? '-'),
    `dated ${day(invoice.invoiceDate)}`,
    `due ${day(invoice.dueDate)}`,
    paid,
    invoice.isArchived ? 'archived' : '',
  ].filter(Boolean);
  return `${kind} #${String(invoice.invoiceNumber ?? '?')} (id ${String(invoice.id)}) · ${facts.join(' · ')}`;
}

/** An item's line: description, quantity × price = total, what it bills. */
export function describeInvoiceItem(item: Item): string {
  const refs = (['expenseId', 'employeeId', 'projectId', 'taskId', 'productId'] as const)
    .filter((key) => item[key])
    .map((key) => `${key.replace(/Id$/, '')} ${String(item[key])}`);
  return `${String(item.description ?? '(no description)')} (id ${String(item.id)}) · ${String(item.quantity ?? 0)} × ${Number(item.price ?? 0).toFixed(2)} = ${Number(item.totalValue ?? 0).toFixed(2)}${refs.length ? ` · ${refs.join(', ')}` : ''}`;
}

const nonNegative = () => z.number().nonnegative();

/** The invoice's columns a caller sets (Invoice entity + InvoiceDTO, TaxInvoiceDTO, DiscountInvoiceDTO). */
/** invoiceNumber and status are IsNotEmpty in InvoiceDTO, but the create tool fills them (highest + 1, DRAFT). */
export const invoiceFields = {
  invoiceNumber: z.number().int().positive().optional(),
  invoiceDate: isoDate(),
  dueDate: isoDate(),
  status: z.enum(INVOICE_STATUSES).optional(),
  currency: currencyCode(),
  toContactId: uuid().describe('Client (organization contact)'),
  isEstimate: z.boolean().optional(),
  invoiceType: z.enum(INVOICE_TYPES).optional(),
  discountValue: nonNegative().optional(),
  discountType: z.enum(DISCOUNT_TAX_TYPES).optional(),
  tax: nonNegative().optional(),
  taxType: z.enum(DISCOUNT_TAX_TYPES).optional(),
  tax2: nonNegative().optional(),
  tax2Type: z.enum(DISCOUNT_TAX_TYPES).optional(),
  terms: z.string().max(2000).optional(),
  internalNote: z.string().max(2000).optional(),
  sentTo: z.string().optional(),
  paid: z.boolean().optional(),
  alreadyPaid: nonNegative().optional(),
  amountDue: nonNegative().optional(),
  isAccepted: z.boolean().optional(),
  isArchived: z.boolean().optional(),
};

/**
 * Every column UpdateInvoiceDTO (= InvoiceDTO + tax + discount + tags) validates: invoiceNumber, invoiceDate,
 * dueDate, status and currency are IsNotEmpty, so PUT /api/invoices/:id needs them each time; the update
 * command saves with `create({ id, ...body })`, so what is sent is what is kept.
 */
export const INVOICE_BODY_FIELDS = [
  'invoiceNumber', 'invoiceDate', 'dueDate', 'status', 'currency', 'totalValue', 'toContactId', 'organizationContactId', 'isEstimate', 'invoiceType',
  'discountValue', 'discountType', 'tax', 'taxType', 'tax2', 'tax2Type', 'terms', 'internalNote', 'sentTo', 'paid', 'alreadyPaid', 'amountDue',
  'isAccepted', 'isArchived',
] as const;

/**
 * Gauzy's invoice (packages/core/src/lib/invoice): every route needs INVOICES_VIEW or INVOICES_EDIT, which
 * Gauzy's seeded EMPLOYEE role holds too, and nothing narrows an employee to their own invoices. Lists read
 * /pagination (InvoiceService.pagination turns where[toContact] into In, dates into Between, totalValue into
 * min/max); `skip` there is a page. Estimates are invoices with isEstimate true. POST saves nested
 * `invoiceItems` only with their `invoiceId`, so items are saved after the invoice, as the web app does, through
 * POST /api/invoice-item/bulk/:invoiceId.
 */
export const invoiceEntity = defineEntity({
  name: 'invoice',
  gauzyClass: 'Invoice',
  noun: 'invoice',
  plural: 'invoices',
  path: '/api/invoices',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'where', paging: 'page' },
  scope: 'organization',
  fields: invoiceFields,
  columns: ['totalValue', 'organizationContactId', 'fromOrganizationId', 'token'],
  update: { mode: 'merge', bodyFields: INVOICE_BODY_FIELDS },
  relations: {
    toContact: { kind: 'manyToOne', entity: 'organizationContact', key: 'toContactId' },
    invoiceItems: { kind: 'oneToMany', entity: 'invoiceItem', key: 'invoiceId' },
  },
  // The tools join the client and items themselves (GET /:id reads relations from `?data=`): no relations parameter is offered.
  include: [],
  aliases: {
    list: ['get_invoices', 'get_invoice_count'],
    get: ['get_invoice'],
  },
  describe: describeInvoice,
});

/** One item's columns (InvoiceItemDTO: price, quantity, totalValue and invoiceId IsNotEmpty; the rest optional). */
export const invoiceItemFields = {
  description: z.string().max(1000).optional(),
  price: nonNegative(),
  quantity: nonNegative(),
  expenseId: uuid().optional(),
  employeeId: uuid().optional(),
  projectId: uuid().optional(),
  taskId: uuid().optional(),
  productId: uuid().optional(),
  applyTax: z.boolean().optional(),
  applyDiscount: z.boolean().optional(),
};

/**
 * Gauzy's invoice item (packages/core/src/lib/invoice-item): GET /api/invoice-item reads `?data=
 * {"findInput":…,"relations":…}` behind TenantPermissionGuard only; POST /bulk/:invoiceId (INVOICES_EDIT)
 * deletes the invoice's items and saves the list given.
 */
export const invoiceItemEntity = defineEntity({
  name: 'invoiceItem',
  gauzyClass: 'InvoiceItem',
  noun: 'invoice item',
  plural: 'invoice items',
  path: '/api/invoice-item',
  operations: ['findAll', 'count', 'findById'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: invoiceItemFields,
  columns: ['invoiceId', 'totalValue'],
  // TenantAwareCrudService narrows a caller without CHANGE_SELECTED_EMPLOYEE to items with their employeeId.
  employeeScoped: true,
  relations: { invoice: { kind: 'manyToOne', entity: 'invoice', key: 'invoiceId' } },
  include: [],
  describe: describeInvoiceItem,
});
