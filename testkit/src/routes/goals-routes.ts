import type { RouteRegistry } from '../engine/route-registry.js';

/** The goals routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerGoalsRoutes(_registry: RouteRegistry): void {}
