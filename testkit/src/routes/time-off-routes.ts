import type { RouteRegistry } from '../engine/route-registry.js';

/** The time-off routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerTimeOffRoutes(_registry: RouteRegistry): void {}
