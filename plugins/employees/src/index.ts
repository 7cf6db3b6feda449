import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const employeesPlugin = definePlugin({
  name: 'employees',
  version: packageJson.version,
  description: 'Gauzy employees: find by name, profiles, statistics, availability.',
  kernel: '^1.1.0',
  toolsets: [],
  tools: [],
});

export default employeesPlugin;
