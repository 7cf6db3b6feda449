import type { RouteRegistry } from '../engine/route-registry.js';

/** The warehouses routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerWarehousesRoutes(_registry: RouteRegistry): void {}
