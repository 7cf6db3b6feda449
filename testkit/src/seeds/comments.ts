import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the comments pack (Gauzy's demo seed has them too). */
export function seedCommentsDemo(_store: SandboxStore, _info: SeedInfo): void {}
