import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the contacts pack (Gauzy's demo seed has them too). */
export function seedContactsDemo(_store: SandboxStore, _info: SeedInfo): void {}
