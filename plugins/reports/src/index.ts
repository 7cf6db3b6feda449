import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const reportsPlugin = definePlugin({
  name: 'reports',
  version: packageJson.version,
  description: 'Gauzy reports: weekly and daily time and activity summaries, and the report menu.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default reportsPlugin;
