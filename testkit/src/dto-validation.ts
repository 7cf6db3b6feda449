/**
 * A small class-validator stand-in: field rules declared as data, messages in class-validator's exact wording
 * (Nest's ValidationPipe flattens them to `message: string[]`).
 */
import type { DtoSpec, FieldRule } from '@gauzy-mcp/core';

export type { DtoSpec, FieldRule, FieldType } from '@gauzy-mcp/core';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);
const isEmptyValue = (v: unknown) => v === undefined || v === null || v === '';

function typeMessage(name: string, rule: FieldRule, value: unknown): string | undefined {
  switch (rule.type) {
    case 'string':
      return typeof value === 'string' ? undefined : `${name} must be a string`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `${name} must be a number conforming to the specified constraints`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${name} must be a boolean value`;
    case 'uuid':
      return isUuid(value) ? undefined : `${name} must be a UUID`;
    case 'isoDate':
      return (typeof value === 'string' && ISO_RE.test(value) && !Number.isNaN(Date.parse(value))) ? undefined : `${name} must be a valid ISO 8601 date string`;
    case 'array':
      return Array.isArray(value) ? undefined : `${name} must be an array`;
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `${name} must be an object`;
    case 'email':
      return typeof value === 'string' && EMAIL_RE.test(value) ? undefined : `${name} must be an email`;
  }
}

/** Gauzy's IsBeforeDate via moment: both dates valid and the first strictly earlier. */
function isBefore(value: unknown, other: unknown): boolean {
  if (!value) return false;
  const start = Date.parse(String(value));
  const end = other === undefined ? Date.now() : other === null ? Number.NaN : Date.parse(String(other));
  return Number.isFinite(start) && Number.isFinite(end) && start < end;
}

/** Messages for one field, in class-validator order (type check first, then emptiness, enum, bounds). */
export function fieldMessages(name: string, rule: FieldRule, value: unknown, body: Record<string, unknown> = {}): string[] {
  if (!rule.required && !rule.checkedWhenMissing && (value === undefined || value === null)) return [];
  const out: string[] = [];
  if (rule.before && !isBefore(value, body[rule.before.field])) out.push(rule.before.message);
  const typeMsg = rule.type === 'any' ? undefined : typeMessage(name, rule, value);
  if (typeMsg) out.push(typeMsg);
  if (rule.required && isEmptyValue(value)) out.push(rule.emptyMessage ?? `${name} should not be empty`);
  if (rule.enum && !rule.enum.includes(value as string)) out.push(`${name} must be one of the following values: ${rule.enum.join(', ')}`);
  if (rule.maxLength !== undefined && typeof value === 'string' && value.length > rule.maxLength) {
    out.push(`${name} must be shorter than or equal to ${rule.maxLength} characters`);
  }
  if (rule.min !== undefined && typeof value === 'number' && value < rule.min) out.push(`${name} must not be less than ${rule.min}`);
  if (rule.max !== undefined && typeof value === 'number' && value > rule.max) out.push(`${name} must not be greater than ${rule.max}`);
  return out;
}

/** Fields every TenantOrganizationBaseDTO accepts (kept by `whitelist`). */
export const TENANT_ORGANIZATION_FIELDS = ['tenant', 'tenantId', 'organization', 'organizationId', 'sentTo'];

/**
 * Validates a body against a DTO spec. `belongsToOrganization` answers the async IsOrganizationBelongsToUser check.
 * Returns the (whitelisted) body or the list of messages.
 */
export function validateDto(
  body: Record<string, unknown>,
  dto: DtoSpec,
  org: { userId: string; belongsToOrganization: (organizationId: string) => boolean; prefix?: string },
): { ok: true; value: Record<string, unknown> } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const prefix = org.prefix ?? '';
  body = applyTransforms(body, { ...dto.ownFields, ...dto.fields });
  for (const [name, rule] of Object.entries(dto.ownFields ?? {})) messages.push(...fieldMessages(`${prefix}${name}`, rule, body[name], body));
  if (dto.tenantOrganization) {
    const organizationObject = body.organization as { id?: unknown } | undefined;
    const hasOrgObject = organizationObject !== undefined && organizationObject !== null;
    const notAssociated = `${prefix}The user with ID ${org.userId} is not associated with the specified organization.`;
    const missing = (v: unknown) => v === undefined || v === null;
    if (dto.tenantOrganization === 'optional' && missing(body.organizationId) && missing(body.organization)) {
      // IsOptional on both: nothing to check.
    } else if (!body.organizationId && !body.sentTo && !hasOrgObject) {
      // Both ValidateIf branches apply: `organization` must be an object and `organizationId` a UUID.
      messages.push(`${prefix}organization must be an object`, `${prefix}organizationId must be a UUID`);
    } else if (body.organizationId !== undefined && !body.organization) {
      // IsUUID and IsOrganizationBelongsToUser both run: a non-UUID belongs to no organization either.
      if (!isUuid(body.organizationId)) messages.push(`${prefix}organizationId must be a UUID`, notAssociated);
      else if (!org.belongsToOrganization(body.organizationId)) messages.push(notAssociated);
    } else if (hasOrgObject) {
      const id = typeof organizationObject === 'object' ? organizationObject.id : undefined;
      if (typeof organizationObject !== 'object') messages.push(`${prefix}organization must be an object`);
      else if (!isUuid(id) || !org.belongsToOrganization(id)) messages.push(notAssociated);
    }
  }
  for (const [name, rule] of Object.entries(dto.fields)) messages.push(...fieldMessages(`${prefix}${name}`, rule, body[name], body));
  if (messages.length) return { ok: false, messages };
  if (!dto.whitelist) return { ok: true, value: body };
  const allowed = new Set([...Object.keys(dto.ownFields ?? {}), ...Object.keys(dto.fields), ...(dto.tenantOrganization ? TENANT_ORGANIZATION_FIELDS : [])]);
  return { ok: true, value: Object.fromEntries(Object.entries(body).filter(([k]) => allowed.has(k))) };
}

/** `presentBecomes` rules: keys the body has take the forced value; missing keys stay missing. */
function applyTransforms(body: Record<string, unknown>, rules: Record<string, FieldRule>): Record<string, unknown> {
  const forced = Object.entries(rules).filter(([name, rule]) => 'presentBecomes' in rule && Object.hasOwn(body, name));
  return forced.length ? { ...body, ...Object.fromEntries(forced.map(([name, rule]) => [name, rule.presentBecomes])) } : body;
}
