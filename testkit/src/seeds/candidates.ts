import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the candidates pack (Gauzy's demo seed has them too). */
export function seedCandidatesDemo(_store: SandboxStore, _info: SeedInfo): void {}
