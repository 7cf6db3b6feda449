import { defineTool, isoDate, ok } from '@gauzy-mcp/core';
import { z } from 'zod';
import { PAYMENTS_TOOLSET as toolset } from '../entities.js';
import { PAYMENT_PAGINATION, paymentFilters, paymentWhere, READ_LIMIT, readPayments } from './read.js';

type Item = Record<string, unknown>;

interface Sum { count: number; amount: number }
interface Entry extends Sum { key: string; currency: string; id?: string; name?: string }

const cents = (value: number) => Math.round(value * 100) / 100;

/** Sums per key and currency: amounts in different currencies are never added together. */
class Tally {
  private readonly entries = new Map<string, Entry>();

  add(key: string, currency: string, amount: number, label?: { id?: string; name?: string }): void {
    const id = `${key}\u0000${currency}`;
    const entry = this.entries.get(id) ?? { key, currency, count: 0, amount: 0, ...(label ?? {}) };
    entry.count += 1;
    entry.amount = cents(entry.amount + amount);
    this.entries.set(id, entry);
  }

  list(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.currency.localeCompare(b.currency) || b.amount - a.amount);
  }
}

const money = (entry: Entry) => `${entry.currency} ${entry.amount} (${entry.count})`;

/** The text names the largest groups; the structured result has them all. */
const SHOWN = 10;
const hidden = (entries: Entry[]) => Math.max(0, entries.length - SHOWN);
const shown = (entries: Entry[], line: (entry: Entry) => string) =>
  `${entries.slice(0, SHOWN).map(line).join('; ')}${entries.length > SHOWN ? `; and ${entries.length - SHOWN} more in the structured result` : ''}`;
const { organizationContactId, projectId, currency, invoiceId } = paymentFilters;

/**
 * Gauzy has no payment statistics route (GET /api/payments/statistics would be read as /:id), and its
 * /report groups one way at a time and adds amounts of different currencies together. So the payments of
 * the period are read from /pagination (which bounds paymentDate) and summed here: per currency, per
 * method, per client, overdue, and how many are of no invoice.
 */
export const getPaymentStatistics = defineTool({
  name: 'get_payment_statistics',
  title: 'Payment statistics',
  description: 'Money received from startDate to endDate: totals per currency, method and client, overdue and without an invoice.',
  toolset,
  effect: 'read',
  // The period is required: a sum needs one, and list_payments is the tool for the payments themselves.
  input: z.object({ startDate: isoDate(), endDate: isoDate().describe('Included'), organizationContactId, projectId, invoiceId, currency }),
  output: z.looseObject({ payments: z.number() }),
  routes: [PAYMENT_PAGINATION],
  async handler(filters, ctx) {
    const read = await readPayments(ctx, paymentWhere(filters));
    const totals = new Tally();
    const byMethod = new Tally();
    const byClient = new Tally();
    const overdue = new Tally();
    let withoutInvoice = 0;
    for (const payment of read.items) {
      const code = String(payment.currency ?? 'none');
      const amount = Number(payment.amount ?? 0);
      totals.add(code, code, amount);
      byMethod.add(String(payment.paymentMethod ?? 'none'), code, amount);
      const client = payment.organizationContact as Item | null | undefined;
      const clientId = String(client?.id ?? payment.organizationContactId ?? 'none');
      byClient.add(clientId, code, amount, { id: client?.id ? String(client.id) : undefined, name: client ? String(client.name ?? 'unnamed') : 'no client' });
      if (payment.overdue) overdue.add('overdue', code, amount);
      if (!payment.invoiceId) withoutInvoice += 1;
    }
    const period = { startDate: filters.startDate, endDate: filters.endDate };
    const cut = read.items.length < read.total ? `Only the first ${read.items.length} of ${read.total} payments were read (at most ${READ_LIMIT}); narrow the period.` : '';
    const structured = {
      period,
      payments: read.items.length,
      matched: read.total,
      totals: totals.list(),
      byMethod: byMethod.list(),
      byClient: byClient.list(),
      overdue: overdue.list(),
      withoutInvoice,
      ...(hidden(byMethod.list()) || hidden(byClient.list()) ? { notInText: { byMethod: hidden(byMethod.list()), byClient: hidden(byClient.list()) } } : {}),
      ...(cut ? { note: cut } : {}),
    };
    const when = ` from ${filters.startDate} to ${filters.endDate}`;
    const text = read.items.length
      ? [
          `Payments received${when}: ${read.items.length}; total ${totals.list().map(money).join(', ')}.`,
          `By method: ${shown(byMethod.list(), (entry) => `${entry.key} ${money(entry)}`)}.`,
          `By client: ${shown(byClient.list(), (entry) => `${entry.id ? `${entry.name} (id ${entry.id})` : entry.name} ${money(entry)}`)}.`,
          `Overdue: ${overdue.list().length ? overdue.list().map(money).join(', ') : 'none'}; without an invoice: ${withoutInvoice}.`,
          ...(cut ? [cut] : []),
        ].join('\n')
      : `No payments${when}.`;
    return ok(structured, text);
  },
});
