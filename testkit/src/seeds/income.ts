import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the income pack. */
export function seedIncomeDemo(_store: SandboxStore, _info: SeedInfo): void {}
