import { buildSandboxApp, loginAs } from '../src/index.js';
import { WORK_ENTITIES } from './work-entities.js';

export { loginAs };
export type { SandboxSeedUser as Who } from '../src/index.js';

/** A sandbox that serves the bare task and project entities of ./work-entities.ts. */
export const newSandbox = (seed: 'default' | 'demo' = 'demo') => buildSandboxApp({ seed, entities: WORK_ENTITIES });
