import type { ToolDefinition } from '@gauzy-mcp/core';
import { PAYMENTS_TOOLSET } from './entities.js';
import { withPaymentHints } from './tools/hints.js';
import { getPayment, listPayments } from './tools/list.js';
import { retiredPaymentTools } from './tools/retired.js';
import { getPaymentStatistics } from './tools/statistics.js';
import { archivePayment, createPayment, deletePayment, updatePayment } from './tools/write.js';

export const PAYMENTS_TOOLSETS: Array<{ name: string; description: string; default?: boolean }> = [
  { name: PAYMENTS_TOOLSET, description: 'Payments: find, record (against an invoice), change, delete, statistics' },
];

export const paymentTools: ToolDefinition[] = [
  ...[listPayments, getPayment, createPayment, updatePayment, deletePayment, archivePayment, getPaymentStatistics].map(withPaymentHints),
  ...retiredPaymentTools,
];
