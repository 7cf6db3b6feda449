import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { INVOICES_TOOLSETS, invoiceTools } from './invoices/index.js';
import { PAYMENTS_TOOLSETS, paymentTools } from './payments/index.js';

// Invoices and the payments recorded against them: one pack, since a payment points at its invoice.
// Each half lives in its own folder (src/invoices, src/payments) with its own tools and sandbox model.
export const invoicesPlugin = definePlugin({
  name: 'invoices',
  version: packageJson.version,
  description: 'Gauzy invoices and estimates with their items, and the payments recorded against them.',
  kernel: '^1.2.0',
  toolsets: [...INVOICES_TOOLSETS, ...PAYMENTS_TOOLSETS],
  tools: [...invoiceTools, ...paymentTools],
});

export default invoicesPlugin;
