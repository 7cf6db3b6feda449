import type { RouteRegistry } from '../engine/route-registry.js';

/** The sales routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerSalesRoutes(_registry: RouteRegistry): void {}
