import type { RouteRegistry } from '../engine/route-registry.js';

/** The skills routes with logic of their own (the generic CRUD routes come from the pack's entities). */
export function registerSkillsRoutes(_registry: RouteRegistry): void {}
