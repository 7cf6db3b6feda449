import { crudServiceCannotRecover, currencyCode, defineEntity, formatValue, isoDate, personName, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const PAYMENTS_TOOLSET = 'payments';

/** Gauzy's PaymentMethodEnum (@gauzy/contracts payment.model.ts). */
export const PaymentMethod = z.enum(['BANK_TRANSFER', 'CASH', 'CHEQUE', 'CREDIT_CARD', 'DEBIT', 'ONLINE']);

type Item = Record<string, unknown>;

/**
 * The payment's columns a caller sets (Payment entity, CreatePaymentDTO): amount is the one the DTO requires
 * (IsNumber without IsOptional); currency is NOT NULL in the table though the DTO marks it optional;
 * paymentDate has no validator at all and a nullable column. Gauzy takes any number: amounts here are positive, as its web app
 * (Validators.min(1)) keeps them.
 */
export const paymentFields = {
  amount: z.number().positive(),
  currency: currencyCode().describe('ISO 4217, e.g. USD'),
  paymentDate: isoDate().optional(),
  paymentMethod: PaymentMethod.optional(),
  note: z.string().max(2000).optional(),
  overdue: z.boolean().optional(),
  invoiceId: uuid().nullable().optional(),
  organizationContactId: uuid().nullable().optional().describe('Client'),
  projectId: uuid().nullable().optional(),
};

/** A related record as `{ id, name }` (an employee by their user's name). */
function refOf(value: unknown): Item | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Item;
  const name = (record.user ? personName(record) : undefined) ?? (typeof record.name === 'string' ? record.name : undefined);
  return { id: record.id, ...(name ? { name } : {}) };
}

/** The invoice a payment is against, cut to what a person reads about it. */
function invoiceRef(value: unknown): Item | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const invoice = value as Item;
  const keep = ['id', 'invoiceNumber', 'status', 'totalValue', 'alreadyPaid', 'currency', 'dueDate'];
  return Object.fromEntries(keep.filter((key) => invoice[key] !== undefined).map((key) => [key, invoice[key]]));
}

/**
 * A payment as the tools answer it: its columns with the invoice, client, project and recorder cut to
 * `{ id, name }` (the invoice to its number, status, total and due date); tags as their names.
 */
export function compactPayment(payment: Item): Item {
  const { invoice, organizationContact, project, employee, tags, tenant: _tenant, organization: _organization, ...rest } = payment;
  return {
    ...rest,
    ...(invoice !== undefined ? { invoice: invoiceRef(invoice) ?? null } : {}),
    ...(organizationContact !== undefined ? { organizationContact: refOf(organizationContact) ?? null } : {}),
    ...(project !== undefined ? { project: refOf(project) ?? null } : {}),
    ...(employee !== undefined ? { employee: refOf(employee) ?? null } : {}),
    ...(Array.isArray(tags) ? { tags: tags.map((tag) => refOf(tag)) } : {}),
  };
}

const named = (ref: unknown, fallbackId: unknown, noun: string) => {
  if (ref && typeof ref === 'object') {
    const record = ref as Item;
    return `${noun} ${String(record.name ?? '(unnamed)')} (id ${String(record.id)})`;
  }
  return fallbackId ? `${noun} ${String(fallbackId)}` : '';
};

/** The invoice on a payment's line: its number, total and status when joined, else its id. */
function invoiceLabel(payment: Item): string {
  const invoice = payment.invoice as Item | null | undefined;
  if (invoice && typeof invoice === 'object') {
    const total = typeof invoice.totalValue === 'number' ? ` of ${String(invoice.currency ?? '')} ${invoice.totalValue}`.replace('  ', ' ') : '';
    return `invoice #${String(invoice.invoiceNumber ?? '?')}${total}${invoice.status ? ` [${String(invoice.status)}]` : ''} (id ${String(invoice.id)})`;
  }
  return payment.invoiceId ? `invoice ${String(payment.invoiceId)}` : 'no invoice';
}

/**
 * A payment on one line: amount with currency, method, date, the invoice (number, total, status), the client
 * and project by name, overdue or not, the note, and its id.
 */
export function describePayment(payment: Item): string {
  const money = `${String(payment.currency ?? '')} ${String(payment.amount ?? '?')}`.trim();
  const method = payment.paymentMethod ? ` by ${String(payment.paymentMethod)}` : '';
  const facts = [
    invoiceLabel(payment),
    named(payment.organizationContact, payment.organizationContactId, 'client'),
    named(payment.project, payment.projectId, 'project'),
    payment.overdue ? 'overdue' : '',
    payment.note ? `"${String(payment.note)}"` : '',
  ].filter(Boolean);
  return `${money}${method} on ${formatValue(payment.paymentDate)} (id ${String(payment.id)}) · ${facts.join(' · ')}`;
}

/**
 * Gauzy's payment (packages/core/src/lib/payment): every route needs ORG_PAYMENT_VIEW (lists, reports) or
 * ORG_PAYMENT_ADD_EDIT (the rest, GET /:id and /count included), which Gauzy's EMPLOYEE role has neither of.
 * GET / answers 202 with `{items,total}` (no transform: `where` values stay strings); /pagination reads
 * `where[note]` as LIKE, `where[paymentDate][startDate|endDate]` as a range and the rest as equality; GET /:id
 * joins nothing. PUT /:id is the service's create (TypeORM save of `{ id, ...body }`) under UpdatePaymentDTO,
 * whose amount is required: update merges. Soft-deleted payments cannot be recovered (generic softRecover).
 */
export const paymentEntity = defineEntity({
  name: 'payment',
  gauzyClass: 'Payment',
  noun: 'payment',
  plural: 'payments',
  path: '/api/payments',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  // TenantAwareCrudService limits a user without CHANGE_SELECTED_EMPLOYEE to rows with their employeeId.
  employeeScoped: true,
  fields: paymentFields,
  columns: ['employeeId'],
  update: {
    mode: 'merge',
    bodyFields: ['amount', 'currency', 'paymentDate', 'paymentMethod', 'note', 'overdue', 'invoiceId', 'organizationContactId', 'projectId'],
  },
  relations: {
    invoice: { kind: 'manyToOne', entity: 'invoice', key: 'invoiceId' },
    organizationContact: { kind: 'manyToOne', entity: 'organizationContact', key: 'organizationContactId' },
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
  },
  // The tools join what the line names themselves (GET /:id ignores relations): no relations parameter.
  include: [],
  search: { field: 'note', operation: 'pagination' },
  softDelete: crudServiceCannotRecover('payments'),
  aliases: {
    list: ['get_payments', 'get_payment_count', 'get_payments_by_invoice', 'get_payments_by_client', 'search_payments'],
    get: ['get_payment'],
  },
  describe: describePayment,
});

/** What the payment answers join: the line names the invoice and the client. */
export const PAYMENT_RELATIONS = ['invoice', 'organizationContact'] as const;
