import { buildSandboxApp, loginAs } from '@gauzy-mcp/testkit';
import { demoEntities } from '../helpers.js';

export { loginAs };
export type { SandboxSeedUser as Who } from '@gauzy-mcp/testkit';

/** A sandbox taught the default packs' entities (their `./sandbox` exports), not listening: `app.inject()`. */
export const newSandbox = (seed: 'default' | 'demo' = 'demo') => buildSandboxApp({ seed, entities: demoEntities });
