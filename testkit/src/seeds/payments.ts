import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the payments pack. */
export function seedPaymentsDemo(_store: SandboxStore, _info: SeedInfo): void {}
