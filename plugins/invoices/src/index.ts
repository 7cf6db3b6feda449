import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const invoicesPlugin = definePlugin({
  name: 'invoices',
  version: packageJson.version,
  description: 'Gauzy invoices and estimates, with their items.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default invoicesPlugin;
