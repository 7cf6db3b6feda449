import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const dailyPlansPlugin = definePlugin({
  name: 'daily-plans',
  version: packageJson.version,
  description: 'Gauzy daily plans.',
  kernel: '^1.1.0',
  toolsets: [],
  tools: [],
});

export default dailyPlansPlugin;
