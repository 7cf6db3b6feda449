import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const skillsPlugin = definePlugin({
  name: 'skills',
  version: packageJson.version,
  description: 'Gauzy skills and employee awards.',
  kernel: '^1.1.0',
  toolsets: [],
  tools: [],
});

export default skillsPlugin;
