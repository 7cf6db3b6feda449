import type { RouteRegistry } from '../engine/route-registry.js';

/** The daily-plans routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerDailyPlansRoutes(_registry: RouteRegistry): void {}
