import type { FastifyRequest } from 'fastify';
import { forbiddenResource, unauthorized } from '../http-errors.js';
import { verifyJwt } from '../jwt.js';
import type { GauzyRoute } from '../route-table.js';
import type { SandboxStore } from '../store.js';
import type { CallerContext } from './context.js';
import { parseDataParam } from './query.js';

export interface AuthState {
  jwtSecret: string;
  /** Access tokens revoked by `expireAccessTokens()` (they keep a valid signature and exp). */
  revokedAccessTokens: Set<string>;
}

/** Global AuthGuard (passport jwt): every failure is the same bare 401. */
export function authenticate(request: FastifyRequest, store: SandboxStore, auth: AuthState): CallerContext {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const token = match?.[1];
  if (!token || auth.revokedAccessTokens.has(token)) throw unauthorized();
  const claims = verifyJwt(token, auth.jwtSecret);
  if (!claims || typeof claims.id !== 'string') throw unauthorized();
  return callerFor(claims.id, store) ?? (() => { throw unauthorized(); })();
}

/** Builds the caller from live store state (so flipping a role permission takes effect immediately). */
export function callerFor(userId: string, store: SandboxStore): CallerContext | undefined {
  const user = store.get('user', userId);
  if (!user || user.deletedAt || user.isActive === false) return undefined;
  const role = store.get('role', String(user.roleId));
  if (!role) return undefined;
  const permissions = new Set<string>(role.isActive === false ? [] : ((role.permissions as string[] | undefined) ?? []));
  const employee = store.list('employee').find((e) => e.userId === user.id && !e.deletedAt && e.isActive !== false);
  return {
    user, role, permissions, employee,
    tenantId: String(user.tenantId),
    isSuperAdmin: role.name === 'SUPER_ADMIN',
    selfScoped: !permissions.has('CHANGE_SELECTED_EMPLOYEE'),
  };
}

const TENANT_GUARDS = ['TenantPermissionGuard', 'TenantBaseGuard'];

/**
 * TenantPermissionGuard/TenantBaseGuard: a `Tenant-Id` header must match; without it the tenant must be proven via
 * query `tenantId` (or `data.findInput.tenantId`) for GET/DELETE, or `body.tenantId` / `body.tenant.id` otherwise.
 */
export function checkTenant(route: GauzyRoute, caller: CallerContext, request: FastifyRequest): void {
  if (!route.guards.some((g) => TENANT_GUARDS.includes(g))) return;
  const header = request.headers['tenant-id'];
  const headerValue = Array.isArray(header) ? header[0] : header;
  if (headerValue !== undefined && headerValue !== '') {
    if (headerValue !== caller.tenantId) throw forbiddenResource();
    return;
  }
  const method = request.method.toUpperCase();
  let proof: unknown;
  if (method === 'GET' || method === 'DELETE') {
    const query = (request.query ?? {}) as Record<string, unknown>;
    proof = query.tenantId ?? parseDataParam(query.data).findInput?.tenantId;
  } else {
    const body = (request.body ?? {}) as Record<string, unknown>;
    proof = body.tenantId ?? (body.tenant as { id?: unknown } | undefined)?.id;
  }
  if (proof !== caller.tenantId) throw forbiddenResource();
}

/** ANY-of permissions. TenantPermissionGuard lets SUPER_ADMIN through; PermissionGuard-style guards never do. */
export function checkPermissions(route: GauzyRoute, caller: CallerContext): void {
  if (!route.permissions.length) return;
  const strictGuard = route.guards.some((g) => g === 'PermissionGuard' || g === 'ProjectManagerOrPermissionGuard');
  if (caller.isSuperAdmin && route.guards.includes('TenantPermissionGuard') && !strictGuard) return;
  if (!route.permissions.some((p) => caller.permissions.has(p))) throw forbiddenResource();
}

const ORGANIZATION_FLAGS: Record<string, string> = {
  ALLOW_MANUAL_TIME: 'allowManualTime', ALLOW_MODIFY_TIME: 'allowModifyTime', ALLOW_DELETE_TIME: 'allowDeleteTime',
};

/** OrganizationPermissionGuard only constrains the EMPLOYEE role, through the organization's boolean columns. */
export function checkOrganizationPermission(route: GauzyRoute, caller: CallerContext, request: FastifyRequest, store: SandboxStore): void {
  if (!route.guards.includes('OrganizationPermissionGuard') || caller.role.name !== 'EMPLOYEE') return;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const query = (request.query ?? {}) as Record<string, unknown>;
  const organizationId = String(body.organizationId ?? query.organizationId ?? caller.employee?.organizationId ?? '');
  const organization = store.get('organization', organizationId);
  const allowed = route.permissions.every((p) => !ORGANIZATION_FLAGS[p] || organization?.[ORGANIZATION_FLAGS[p]] === true);
  if (!organization || !allowed) throw forbiddenResource();
}
