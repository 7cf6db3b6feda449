import type { RouteRegistry } from '../engine/route-registry.js';

/** The expenses routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerExpensesRoutes(_registry: RouteRegistry): void {}
