import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the expenses pack. */
export function seedExpensesDemo(_store: SandboxStore, _info: SeedInfo): void {}
