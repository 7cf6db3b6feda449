import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the warehouses pack. */
export function seedWarehousesDemo(_store: SandboxStore, _info: SeedInfo): void {}
