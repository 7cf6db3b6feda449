import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const timeOffPlugin = definePlugin({
  name: 'time-off',
  version: packageJson.version,
  description: 'Gauzy time-off requests and policies.',
  kernel: '^1.1.0',
  toolsets: [],
  tools: [],
});

export default timeOffPlugin;
