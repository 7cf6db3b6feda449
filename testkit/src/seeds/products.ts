import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the products pack. */
export function seedProductsDemo(_store: SandboxStore, _info: SeedInfo): void {}
