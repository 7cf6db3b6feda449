import type { RouteRegistry } from '../engine/route-registry.js';

/** The candidates routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerCandidatesRoutes(_registry: RouteRegistry): void {}
