import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const warehousesPlugin = definePlugin({
  name: 'warehouses',
  version: packageJson.version,
  description: 'Gauzy warehouses (with their inventory) and merchants.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default warehousesPlugin;
