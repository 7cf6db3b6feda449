import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Demo rows for the daily-plans pack (Gauzy's demo seed has them too). */
export function seedDailyPlansDemo(_store: SandboxStore, _info: SeedInfo): void {}
