import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the goals pack. */
export function seedGoalsDemo(_store: SandboxStore, _info: SeedInfo): void {}
