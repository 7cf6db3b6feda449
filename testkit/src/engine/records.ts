import { randomUUID } from 'node:crypto';
import { badRequest, invalidUuid } from '../http-errors.js';
import { isUuid, validateDto, type DtoSpec } from '../dto-validation.js';
import type { Row, SandboxStore } from '../store.js';
import type { CallerContext } from './context.js';

/** Gauzy's base columns in the order its entities emit them. */
export function baseColumns(now: string, extra: { tenantId?: string | null; organizationId?: string | null; createdByUserId?: string | null } = {}) {
  return {
    deletedAt: null, createdAt: now, updatedAt: now, createdByUserId: extra.createdByUserId ?? null, updatedByUserId: null,
    deletedByUserId: null, id: randomUUID(), isActive: true, isArchived: false, archivedAt: null,
    tenantId: extra.tenantId ?? null,
    ...(extra.organizationId !== undefined ? { organizationId: extra.organizationId } : {}),
  };
}

/**
 * Builds and inserts a row: base columns, the entity's column defaults, then the given data. A table
 * without a known entity gets the base columns and the data as given (its organization when one is given).
 */
export function insertEntity(store: SandboxStore, entity: string, data: Record<string, unknown>, scope: { tenantId: string | null; organizationId?: string | null; createdByUserId?: string | null }): Row {
  const spec = store.entities.get(entity);
  const now = new Date().toISOString();
  const organizationId = spec ? (spec.organizationScoped ? (scope.organizationId ?? null) : undefined) : scope.organizationId;
  const base = baseColumns(now, { tenantId: scope.tenantId, organizationId, createdByUserId: scope.createdByUserId });
  const row: Record<string, unknown> = { ...base, ...(spec?.defaults() ?? {}) };
  for (const [k, v] of Object.entries(data)) if (v !== undefined) row[k] = v;
  return store.insert(entity, row);
}

/** ParseUUIDPipe on `:id`-style params. */
export function assertUuidParam(value: string | undefined): string {
  if (!isUuid(value)) throw invalidUuid();
  return value;
}

/** IsOrganizationBelongsToUser: an active user_organization row in the caller's tenant. */
export function belongsToOrganization(store: SandboxStore, caller: CallerContext, organizationId: string): boolean {
  return store.list('userOrganization').some((uo) => uo.userId === caller.user.id && uo.tenantId === caller.tenantId && uo.organizationId === organizationId && uo.isActive !== false && !uo.deletedAt);
}

/** Rows the caller may see: own tenant, not soft-deleted (unless asked), and own employee for self-scoped callers. */
export function scopedRows(store: SandboxStore, entity: string, caller: CallerContext, options: { withDeleted?: boolean } = {}): Row[] {
  const spec = store.entities.get(entity);
  return store.list(entity).filter((row) => {
    if (row.tenantId !== caller.tenantId) return false;
    if (!options.withDeleted && row.deletedAt) return false;
    if (spec?.employeeScoped && caller.selfScoped && row.employeeId !== caller.employee?.id) return false;
    return true;
  });
}

/** Runs a DTO through validation (+ whitelist), throwing Gauzy's 400 on failure. */
export function validateBody(store: SandboxStore, caller: CallerContext, body: Record<string, unknown>, dto: DtoSpec, prefix = ''): Record<string, unknown> {
  const result = validateDto(body, dto, { userId: String(caller.user.id), belongsToOrganization: (id) => belongsToOrganization(store, caller, id), prefix });
  if (!result.ok) throw badRequest(result.messages);
  return result.value;
}

const WHERE_DTO: DtoSpec = { fields: {}, tenantOrganization: true };

/**
 * BaseQueryDTO with a ValidationPipe: `where` is required and validated as TenantOrganizationBaseDTO
 * (class-validator messages prefixed with the parent property, as Nest's ValidationPipe flattens nested errors);
 * `take` is 0..100, `skip` ≥ 0.
 */
export function validateBaseQuery(store: SandboxStore, caller: CallerContext, query: Record<string, unknown>): void {
  const messages: string[] = [];
  const where = query.where;
  // `where` is IsNotEmpty + ValidateNested({each}) + Transform(v => v ? escape(v) : {}). A missing key is not
  // transformed and fails IsNotEmpty only (ValidateNested skips undefined); `where=` becomes {} and passes;
  // a scalar stays a scalar and fails the nested check in its `each` wording.
  if (where === undefined || where === null) {
    messages.push('where should not be empty');
  } else if (where === '') {
    // {}: nothing to validate.
  } else if (typeof where !== 'object') {
    messages.push('each value in nested property where must be either object or array');
  } else {
    try {
      validateBody(store, caller, where as Record<string, unknown>, WHERE_DTO, 'where.');
    } catch (error) {
      const body = (error as { body?: { message?: string[] } }).body;
      messages.push(...(body?.message ?? []));
    }
  }
  for (const key of ['take', 'skip'] as const) {
    if (query[key] === undefined) continue;
    const n = parseInt(String(query[key]), 10);
    if (Number.isNaN(n)) messages.push(`${key} must not be less than 0`);
    else if (n < 0) messages.push(`${key} must not be less than 0`);
    else if (key === 'take' && n > 100) messages.push('take must not be greater than 100');
  }
  if (messages.length) throw badRequest(messages);
}

/** `where` minus the tenant key: tenant scoping is always the caller's (TenantAwareCrudService). */
export function whereWithoutTenant(where: unknown): Record<string, unknown> {
  if (!where || typeof where !== 'object') return {};
  const { tenantId: _ignored, ...rest } = where as Record<string, unknown>;
  return rest;
}
