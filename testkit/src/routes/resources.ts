import type { ResourceRoutes } from '../engine/crud-engine.js';

/**
 * The generic REST resources the sandbox serves. Adding an area = an entity spec + a line here.
 * Custom endpoints (auth, timer, time-log, task/project specials) live in their own route files and are
 * registered first, so literal paths like `/api/tasks/me` win over `/:id` (also true in Gauzy).
 */
export const RESOURCES: readonly ResourceRoutes[] = [
  { entity: 'task', basePath: '/api/tasks', operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'] },
  { entity: 'organizationProject', basePath: '/api/organization-projects', operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'] },
  { entity: 'employee', basePath: '/api/employee', operations: ['findAll', 'pagination', 'count', 'findById'] },
  { entity: 'organizationTeam', basePath: '/api/organization-team', operations: ['findAll', 'findById'] },
  { entity: 'userOrganization', basePath: '/api/user-organization', operations: ['findAll'] },
  { entity: 'organization', basePath: '/api/organization', operations: ['findById'] },
];
