import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const contactsPlugin = definePlugin({
  name: 'contacts',
  version: packageJson.version,
  description: 'Gauzy organization contacts (clients, customers, leads).',
  kernel: '^1.1.0',
  toolsets: [],
  tools: [],
});

export default contactsPlugin;
