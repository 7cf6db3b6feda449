import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { WORKFLOW_PROMPTS } from './prompts.js';

/** Prompts only: the plans of the product's use cases over the other packs' tools (named, not imported). */
export const workflowsPlugin = definePlugin({
  name: 'workflows',
  version: packageJson.version,
  description: "Prompts for Gauzy's everyday jobs: project setup, the weekly team report, month-end expenses, recruitment, an operations dashboard.",
  kernel: '^1.2.0',
  toolsets: [],
  tools: [],
  prompts: [...WORKFLOW_PROMPTS],
});

export default workflowsPlugin;
