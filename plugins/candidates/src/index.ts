import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const candidatesPlugin = definePlugin({
  name: 'candidates',
  version: packageJson.version,
  description: 'Gauzy candidates and recruitment.',
  kernel: '^1.1.0',
  toolsets: [],
  tools: [],
});

export default candidatesPlugin;
