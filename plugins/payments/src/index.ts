import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const paymentsPlugin = definePlugin({
  name: 'payments',
  version: packageJson.version,
  description: 'Gauzy payments received against invoices.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default paymentsPlugin;
