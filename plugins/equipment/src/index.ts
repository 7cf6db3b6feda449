import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const equipmentPlugin = definePlugin({
  name: 'equipment',
  version: packageJson.version,
  description: 'Gauzy equipment and equipment sharing requests.',
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
});

export default equipmentPlugin;
