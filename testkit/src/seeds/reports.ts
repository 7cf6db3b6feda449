import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the reports pack. */
export function seedReportsDemo(_store: SandboxStore, _info: SeedInfo): void {}
