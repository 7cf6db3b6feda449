import type { RouteRegistry } from '../engine/route-registry.js';

/** The comments routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerCommentsRoutes(_registry: RouteRegistry): void {}
