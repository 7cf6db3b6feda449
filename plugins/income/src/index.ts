import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const incomePlugin = definePlugin({
  name: 'income',
  version: packageJson.version,
  description: 'Gauzy income records.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default incomePlugin;
