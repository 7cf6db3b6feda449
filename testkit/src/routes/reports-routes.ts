import type { RouteRegistry } from '../engine/route-registry.js';

/** The reports routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerReportsRoutes(_registry: RouteRegistry): void {}
