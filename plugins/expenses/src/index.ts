import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const expensesPlugin = definePlugin({
  name: 'expenses',
  version: packageJson.version,
  description: 'Gauzy expenses and expense categories.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default expensesPlugin;
