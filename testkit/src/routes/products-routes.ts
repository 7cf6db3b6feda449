import type { RouteRegistry } from '../engine/route-registry.js';

/** The products routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerProductsRoutes(_registry: RouteRegistry): void {}
