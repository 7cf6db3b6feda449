import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const productsPlugin = definePlugin({
  name: 'products',
  version: packageJson.version,
  description: 'Gauzy products (with translations and images) and product categories.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default productsPlugin;
