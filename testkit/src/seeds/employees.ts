import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the employees pack (Gauzy's demo seed has them too). */
export function seedEmployeesDemo(_store: SandboxStore, _info: SeedInfo): void {}
