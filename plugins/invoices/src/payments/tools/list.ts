import { getTool, defineTool, entityFieldsParam, gauzyReadsAsBoolean, listOutput, listResult, pagination, readRowWindow } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describePayment, paymentEntity, PAYMENTS_TOOLSET as toolset } from '../entities.js';
import { PAYMENT_PAGINATION, paymentFilters, paymentWhere, readPayment, readPaymentPage, readPayments } from './read.js';

/**
 * The payments through /api/payments/pagination, which filters what the reference tools ask for (by invoice,
 * client, currency, method, overdue, a date range, a note's text) and joins the invoice and client the line
 * names. GET /api/payments would do the equality filters only, and without BaseQueryDTO's transform.
 */
export const listPayments = defineTool({
  name: 'list_payments',
  title: 'List payments',
  description: 'Payments received, newest first, by invoice, client, project, currency, method, overdue, date range or note text; total counts them.',
  toolset,
  effect: 'read',
  aliases: paymentEntity.aliases?.list,
  // Gauzy has no overdue route: Payment.overdue is a column the list filters.
  presets: { get_overdue_payments: { overdue: true } },
  input: z.object({
    note: z.string().trim().min(1).max(200).optional().describe('Contained, any case'),
    ...paymentFilters,
    ...pagination,
    fields: entityFieldsParam(paymentEntity),
  }),
  output: listOutput,
  routes: [PAYMENT_PAGINATION],
  async handler({ take, skip, fields, ...filters }, ctx) {
    const where = paymentWhere(filters);
    const note = filters.note;
    // Gauzy's query transform reads a JSON-looking note ("2024") as a boolean: such a search is filtered here.
    if (note && gauzyReadsAsBoolean(note)) {
      const read = await readPayments(ctx, where);
      const wanted = note.toLowerCase();
      const kept = read.items.filter((payment) => String(payment.note ?? '').toLowerCase().includes(wanted));
      const result = listResult({ items: kept, unpaged: true, skip, take, fields, noun: 'payments', describe: describePayment });
      const text = `Gauzy reads "${note}" as a boolean in its search, so ${read.items.length} of ${read.total} payments were read and their notes matched here${read.items.length < read.total ? '; later ones were not read' : ''}.`;
      return { ...result, structured: { ...result.structured, note: text }, text: `${result.text}\n${text}` };
    }
    const page = await readRowWindow((size, number) => readPaymentPage(ctx, where, size, number), skip, take);
    return listResult({ items: page.items, total: page.total, skip, take, fields, noun: 'payments', describe: describePayment });
  },
});

export const getPayment = getTool(paymentEntity, {
  name: 'get_payment_by_id',
  title: 'Get a payment',
  description: 'One payment by id, with its invoice (number, total, status) and client.',
  toolset,
  aliases: paymentEntity.aliases?.get,
  read: { routes: [PAYMENT_PAGINATION], one: readPayment },
});
