import { defineTool, entityOutput, fetchEntity, GauzyMcpError, isoDate, ok, updateEntity, uuid, type RouteRef, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describePayment, paymentEntity, paymentFields, PAYMENTS_TOOLSET as toolset } from '../entities.js';
import { INVOICE_ACTION, INVOICE_BY_ID, readInvoice, settleInvoices } from './invoice-sync.js';
import { PAYMENT_PAGINATION, readPayment } from './read.js';

type Item = Record<string, unknown>;

const PAYMENT_BY_ID: RouteRef = 'GET /api/payments/:id';
const PAYMENT_CREATE: RouteRef = 'POST /api/payments';
const PAYMENT_UPDATE: RouteRef = 'PUT /api/payments/:id';
const PAYMENT_DELETE: RouteRef = 'DELETE /api/payments/:id';
const PAYMENT_ARCHIVE: RouteRef = 'DELETE /api/payments/:id/soft';
/** Every payment write reads the invoice, sums its payments and moves its state. */
const SETTLE_ROUTES: RouteRef[] = [INVOICE_BY_ID, PAYMENT_PAGINATION, INVOICE_ACTION];

const invalid = (tool: string, field: string, message: string) =>
  new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message }], fields: [field] });

/** Gauzy's app marks a payment overdue when it is paid after the invoice's due date (compareDate). */
const paidLate = (paymentDate: unknown, dueDate: unknown) => Boolean(dueDate) && Date.parse(String(paymentDate)) > Date.parse(String(dueDate));

/**
 * What a payment of this invoice must be: an invoice, not an estimate, and in its currency (an invoice's
 * alreadyPaid is one sum, so a payment in another currency would make it wrong).
 */
function checkAgainst(tool: string, invoice: Item, currency: string | undefined): string {
  if (invoice.isEstimate) throw invalid(tool, 'invoiceId', `${String(invoice.id)} is an estimate, not an invoice: estimates are not paid; convert it to an invoice first`);
  const invoiceCurrency = typeof invoice.currency === 'string' ? invoice.currency : undefined;
  if (currency && invoiceCurrency && currency !== invoiceCurrency) {
    throw invalid(tool, 'currency', `invoice #${String(invoice.invoiceNumber ?? '?')} is in ${invoiceCurrency}; a payment of it must be too`);
  }
  const chosen = currency ?? invoiceCurrency;
  if (!chosen) throw invalid(tool, 'currency', 'required (the invoice has none)');
  return chosen;
}

/** The answer of a payment write: the payment's line, then what happened to its invoice(s). */
async function answer(ctx: ToolContext, verb: string, payment: Item, invoiceIds: unknown[]) {
  const { invoices, lines } = await settleInvoices(ctx, invoiceIds);
  // Read back with the invoice and client joined (and the invoice's new state); a removed one is shown as it was.
  const removed = verb === 'Deleted' || verb === 'Archived';
  const shown = removed ? payment : await readPayment(ctx, String(payment.id)).catch(() => payment);
  // Gauzy cannot restore an archived payment (the generic softRecover does not see soft-deleted rows).
  const removal = removed ? { deleted: true, recoverable: false } : {};
  const line = `${verb} payment${verb === 'Deleted' ? ' permanently' : verb === 'Archived' ? " (Gauzy's API cannot restore it)" : ''}: ${describePayment(shown)}`;
  return ok({ ...shown, ...removal, ...(invoices.length ? { invoices } : {}) }, [line, ...lines].join('\n'));
}

const { amount, currency, paymentMethod, note, overdue } = paymentFields;

export const createPayment = defineTool({
  name: 'create_payment',
  title: 'Record a payment',
  description:
    "Record a payment received. With invoiceId it defaults to the invoice's currency and client, and sets the invoice's alreadyPaid and status (PARTIALLY_PAID, FULLY_PAID...) as Gauzy's app does.",
  toolset,
  effect: 'write',
  input: z.object({
    amount,
    currency: currency.optional().describe("ISO 4217, e.g. USD; default: the invoice's"),
    paymentDate: isoDate().optional().describe('Default: today'),
    paymentMethod,
    invoiceId: uuid().optional(),
    organizationContactId: uuid().optional().describe('Client'),
    projectId: uuid().optional(),
    overdue: overdue.describe('Default: paid after the invoice was due'),
    note,
  }),
  output: entityOutput,
  routes: [PAYMENT_CREATE, ...SETTLE_ROUTES],
  async handler(args, ctx) {
    const paymentDate = args.paymentDate ?? new Date().toISOString().slice(0, 10);
    const invoice = args.invoiceId ? await readInvoice(ctx, args.invoiceId, 'create_payment') : undefined;
    const chosen = invoice ? checkAgainst('create_payment', invoice, args.currency) : args.currency;
    if (!chosen) throw invalid('create_payment', 'currency', 'required when the payment is not of an invoice');
    const created = await ctx.gauzy.post<Item>(paymentEntity.path, {
      amount: args.amount,
      currency: chosen,
      paymentDate,
      ...(args.paymentMethod ? { paymentMethod: args.paymentMethod } : {}),
      ...(args.note ? { note: args.note } : {}),
      overdue: args.overdue ?? (invoice ? paidLate(paymentDate, invoice.dueDate) : false),
      ...(invoice ? { invoiceId: invoice.id } : {}),
      ...((args.organizationContactId ?? invoice?.toContactId) ? { organizationContactId: args.organizationContactId ?? invoice?.toContactId } : {}),
      ...(args.projectId ? { projectId: args.projectId } : {}),
      organizationId: ctx.scope.organizationId,
      tenantId: ctx.scope.tenantId,
    });
    return answer(ctx, 'Recorded', created, [invoice?.id]);
  },
});

const updateSpec = {
  name: 'update_payment',
  fields: paymentFields,
  bodyFields: paymentEntity.update!.bodyFields,
};

export const updatePayment = defineTool({
  name: 'update_payment',
  title: 'Change a payment',
  description: 'Change fields of a payment (invoiceId null detaches it); the invoices it was and is of are updated to match, as in Gauzy\'s app.',
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({
    id: uuid(),
    ...Object.fromEntries(Object.entries(paymentFields).map(([key, schema]) => [key, (schema as z.ZodType).optional()])),
  }) as z.ZodObject<{ id: ReturnType<typeof uuid> } & { [K in keyof typeof paymentFields]: z.ZodOptional<(typeof paymentFields)[K]> }>,
  output: entityOutput,
  routes: [PAYMENT_BY_ID, PAYMENT_UPDATE, ...SETTLE_ROUTES],
  async handler({ id, ...changes }, ctx) {
    const given: Item = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0) throw invalid('update_payment', '(arguments)', `give at least one field to change: ${Object.keys(paymentFields).join(', ')}`);
    const current = await fetchEntity(paymentEntity, ctx, id);
    const invoiceId = 'invoiceId' in given ? (given.invoiceId as string | null) : (current.invoiceId as string | null | undefined);
    if (invoiceId && (given.invoiceId || given.currency || given.paymentDate)) {
      const invoice = await readInvoice(ctx, invoiceId, 'update_payment');
      checkAgainst('update_payment', invoice, String(given.currency ?? current.currency ?? '') || undefined);
      if (given.overdue === undefined) given.overdue = paidLate(given.paymentDate ?? current.paymentDate, invoice.dueDate);
    }
    const saved = await updateEntity(paymentEntity, updateSpec, id, given, ctx, current);
    return answer(ctx, 'Updated', { ...current, ...saved, id }, [current.invoiceId, invoiceId]);
  },
});

/** Delete or archive: the payment is read first (Gauzy's delete does not say which invoice it was of). */
function removalTool(mode: 'delete' | 'archive') {
  const archive = mode === 'archive';
  return defineTool({
    name: `${mode}_payment`,
    title: archive ? 'Archive (soft-delete) a payment' : 'Delete a payment',
    description: archive
      ? "Soft-delete one payment: it leaves lists and its invoice's paid sum, stays in Gauzy's database, and cannot be restored through the API."
      : "Permanently delete one payment by id; its invoice's alreadyPaid and status are updated to match.",
    toolset,
    effect: 'delete',
    input: z.object({ id: uuid() }),
    output: entityOutput,
    routes: [PAYMENT_PAGINATION, archive ? PAYMENT_ARCHIVE : PAYMENT_DELETE, ...SETTLE_ROUTES],
    async handler({ id }, ctx) {
      const current = await readPayment(ctx, id);
      const query = { tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId };
      await ctx.gauzy.delete(archive ? `${paymentEntity.path}/:id/soft` : `${paymentEntity.path}/:id`, { params: { id }, query });
      return answer(ctx, archive ? 'Archived' : 'Deleted', { ...current, ...(archive ? { deletedAt: new Date().toISOString() } : {}) }, [current.invoiceId]);
    },
  });
}

export const deletePayment = removalTool('delete');
export const archivePayment = removalTool('archive');
