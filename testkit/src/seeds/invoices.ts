import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the invoices pack. */
export function seedInvoicesDemo(_store: SandboxStore, _info: SeedInfo): void {}
