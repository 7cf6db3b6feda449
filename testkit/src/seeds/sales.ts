import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the sales pack. */
export function seedSalesDemo(_store: SandboxStore, _info: SeedInfo): void {}
