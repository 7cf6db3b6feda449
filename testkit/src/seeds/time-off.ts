import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the time-off pack (Gauzy's demo seed has them too). */
export function seedTimeOffDemo(_store: SandboxStore, _info: SeedInfo): void {}
