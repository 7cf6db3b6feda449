import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the equipment pack. */
export function seedEquipmentDemo(_store: SandboxStore, _info: SeedInfo): void {}
