import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const goalsPlugin = definePlugin({
  name: 'goals',
  version: packageJson.version,
  description: 'Gauzy goals (OKRs) and their key results.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default goalsPlugin;
