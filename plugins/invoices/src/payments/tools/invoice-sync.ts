import { dataQuery, GauzyMcpError, isGauzyMcpError, type RouteRef, type ToolContext } from '@gauzy-mcp/core';
import { readPayments } from './read.js';

type Item = Record<string, unknown>;

export const INVOICE_BY_ID: RouteRef = 'GET /api/invoices/:id';
/** The route Gauzy's web app moves an invoice's payment state with (UpdateInvoiceActionDTO: status, paid, alreadyPaid, amountDue). */
export const INVOICE_ACTION: RouteRef = 'PUT /api/invoices/:id/action';

const PAID_STATUSES = new Set(['PARTIALLY_PAID', 'FULLY_PAID', 'OVERPAID']);

const cents = (value: number) => Math.round(value * 100) / 100;

/** An invoice of the caller's organization; another organization's (GET /:id scopes by tenant only) is not found. */
export async function readInvoice(ctx: ToolContext, id: string, tool: string, field = 'invoiceId'): Promise<Item> {
  try {
    const invoice = await ctx.gauzy.get<Item>('/api/invoices/:id', { params: { id }, query: dataQuery({ findInput: { organizationId: ctx.scope.organizationId } }) });
    if (invoice && typeof invoice === 'object' && invoice.id === id && (!invoice.organizationId || invoice.organizationId === ctx.scope.organizationId)) return invoice;
  } catch (error) {
    if (!isGauzyMcpError(error) || error.code !== 'GMCP_ERR_GAUZY_NOT_FOUND') throw error;
  }
  throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message: `no invoice ${id} in this organization; list_invoices names them` }], fields: [field] });
}

/**
 * The status Gauzy's web app gives an invoice after its payments change (InvoicePaymentsComponent
 * .updateInvoiceStatus): partly paid, fully paid or overpaid by the sum of its payments. With nothing paid
 * the app sets VIEWED; here an invoice that was never paid keeps its status (DRAFT, SENT, VOID stay).
 */
export function paymentStatus(paid: number, total: number, current: unknown): string | undefined {
  if (paid <= 0) return PAID_STATUSES.has(String(current)) ? 'VIEWED' : (current as string | undefined);
  if (paid < total) return 'PARTIALLY_PAID';
  return paid === total ? 'FULLY_PAID' : 'OVERPAID';
}

export interface InvoiceSettlement {
  id: string;
  invoiceNumber?: unknown;
  currency?: unknown;
  totalValue: number;
  alreadyPaid: number;
  amountDue: number;
  paid: boolean;
  status?: string;
  /** null where Gauzy kept none (its demo seed leaves alreadyPaid empty on paid invoices). */
  previousAlreadyPaid: number | null;
  previousStatus?: string;
  /** The payments summed (at most 500 are read). */
  payments: number;
  changed: boolean;
}

/**
 * What Gauzy's web app does after a payment of an invoice is added, changed or deleted: sum the invoice's
 * payments and set its alreadyPaid, amountDue, paid and status through PUT /api/invoices/:id/action.
 */
export async function settleInvoice(ctx: ToolContext, invoiceId: string, known?: Item): Promise<InvoiceSettlement> {
  const invoice = known ?? (await readInvoice(ctx, invoiceId, 'the invoice update'));
  const { items } = await readPayments(ctx, { invoiceId });
  const alreadyPaid = cents(items.reduce((sum, payment) => sum + Number(payment.amount ?? 0), 0));
  const totalValue = Number(invoice.totalValue ?? 0);
  const amountDue = cents(Math.max(0, totalValue - alreadyPaid));
  const paid = alreadyPaid >= totalValue;
  const status = paymentStatus(alreadyPaid, totalValue, invoice.status);
  const previousAlreadyPaid = invoice.alreadyPaid === null || invoice.alreadyPaid === undefined ? null : Number(invoice.alreadyPaid);
  const changed = previousAlreadyPaid !== alreadyPaid || Number(invoice.amountDue ?? NaN) !== amountDue || Boolean(invoice.paid) !== paid || invoice.status !== status;
  if (changed) await ctx.gauzy.put('/api/invoices/:id/action', { ...(status ? { status } : {}), paid, alreadyPaid, amountDue }, { params: { id: invoiceId } });
  return {
    id: invoiceId, invoiceNumber: invoice.invoiceNumber, currency: invoice.currency, totalValue, alreadyPaid, amountDue, paid, status,
    previousAlreadyPaid, previousStatus: invoice.status as string | undefined, payments: items.length, changed,
  };
}

/** A settlement as a sentence: what the invoice now shows, and what it showed before. */
export function settlementText(settlement: InvoiceSettlement): string {
  const label = `Invoice #${String(settlement.invoiceNumber ?? '?')} (id ${settlement.id})`;
  const money = `${String(settlement.currency ?? '')} ${settlement.alreadyPaid}`.trim();
  const facts = `paid ${money} of ${settlement.totalValue} in ${settlement.payments} payment${settlement.payments === 1 ? '' : 's'}, due ${settlement.amountDue}, status ${String(settlement.status ?? '-')}`;
  if (!settlement.changed) return `${label} unchanged: ${facts}.`;
  return `${label} updated as Gauzy's app does: ${facts} (was paid ${settlement.previousAlreadyPaid ?? 'nothing recorded'}, status ${String(settlement.previousStatus ?? '-')}).`;
}

/**
 * Settles each invoice a payment change touched. A failure is reported beside the payment, which Gauzy has
 * already saved: the answer says so instead of hiding it or failing the whole call.
 */
export async function settleInvoices(ctx: ToolContext, invoiceIds: ReadonlyArray<unknown>): Promise<{ invoices: Array<InvoiceSettlement | { id: string; error: string }>; lines: string[] }> {
  const invoices: Array<InvoiceSettlement | { id: string; error: string }> = [];
  const lines: string[] = [];
  for (const id of new Set(invoiceIds.filter((value): value is string => typeof value === 'string' && value.length > 0))) {
    try {
      const settlement = await settleInvoice(ctx, id);
      invoices.push(settlement);
      lines.push(settlementText(settlement));
    } catch (error) {
      const message = isGauzyMcpError(error) ? [error.message, ...((error.details.gauzyMessages as string[] | undefined) ?? [])].join(' ') : 'unexpected error';
      invoices.push({ id, error: message });
      lines.push(`Invoice ${id} was NOT updated (${message}): its alreadyPaid and status may be stale.`);
    }
  }
  return { invoices, lines };
}
