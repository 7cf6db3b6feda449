import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };

// Placeholder: the pack's tools land here.
export const commentsPlugin = definePlugin({
  name: 'comments',
  version: packageJson.version,
  description: 'Gauzy comments, activity log and notifications.',
  kernel: '^1.1.0',
  toolsets: [],
  tools: [],
});

export default commentsPlugin;
