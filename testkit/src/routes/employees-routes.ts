import type { RouteRegistry } from '../engine/route-registry.js';

/** The employees routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerEmployeesRoutes(_registry: RouteRegistry): void {}
