import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const salesPlugin = definePlugin({
  name: 'sales',
  version: packageJson.version,
  description: 'Gauzy sales pipelines with their stages, and deals.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default salesPlugin;
