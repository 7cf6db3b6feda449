import { retiredTool } from '@gauzy-mcp/core';
import { PAYMENTS_TOOLSET as toolset } from '../entities.js';

/** Reference tools whose effect Gauzy cannot give, kept callable so old prompts learn what to use instead. */
export const retiredPaymentTools = [
  retiredTool({
    name: 'update_payment_status',
    title: 'Change a payment status',
    toolset,
    reason:
      'Gauzy payments have no status (PUT /api/payments/:id/status does not exist); a payment is recorded money, marked overdue or not. ' +
      "update_payment with overdue sets that; an invoice's status (PARTIALLY_PAID, FULLY_PAID, OVERPAID) follows its payments by itself.",
  }),
  retiredTool({
    name: 'process_payment',
    title: 'Process a payment',
    toolset,
    reason:
      'Gauzy does not process payments (no /api/payments/:id/process route, no pending or processed state): it records money already received. ' +
      'create_payment records one, with invoiceId to apply it to an invoice.',
  }),
  retiredTool({
    name: 'refund_payment',
    title: 'Refund a payment',
    toolset,
    reason:
      'Gauzy has no refunds (no /api/payments/:id/refund route, no refunded state). ' +
      "update_payment lowers a payment's amount and delete_payment removes one recorded by mistake; either updates its invoice's alreadyPaid and status.",
  }),
];
