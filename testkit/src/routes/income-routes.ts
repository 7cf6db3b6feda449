import type { RouteRegistry } from '../engine/route-registry.js';

/** The income routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerIncomeRoutes(_registry: RouteRegistry): void {}
