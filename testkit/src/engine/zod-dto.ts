import type { DtoSpec, FieldRule } from '../dto-validation.js';

/**
 * The class-validator rules a Gauzy DTO most likely has for an entity's zod fields, for entities whose
 * sandbox hooks give no DTO of their own. Read from zod's definition objects (`_zod.def`) and its global
 * metadata registry, which every zod 4 copy shares through `globalThis`, so a third party's own zod is
 * read the same way as the core's.
 */

interface ZodLike {
  _zod: { def: ZodDef };
}
interface ZodDef {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  element?: ZodLike;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  value?: number | bigint;
  inclusive?: boolean;
}

const UUID_SOURCE = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

const isZod = (value: unknown): value is ZodLike =>
  !!value && typeof value === 'object' && typeof (value as { _zod?: { def?: { type?: unknown } } })._zod?.def?.type === 'string';

function metaOf(schema: ZodLike): Record<string, unknown> | undefined {
  const registry = (globalThis as { __zod_globalRegistry?: { get(schema: unknown): Record<string, unknown> | undefined } }).__zod_globalRegistry;
  return registry?.get(schema);
}

/** What wraps the value type: whether a caller may leave it out (optional, or a default fills it). */
function unwrap(schema: ZodLike): { base: ZodLike; optional: boolean; formats: string[] } {
  let current = schema;
  let optional = false;
  const formats: string[] = [];
  for (let depth = 0; depth < 20; depth += 1) {
    const format = metaOf(current)?.format;
    if (typeof format === 'string') formats.push(format);
    const { def } = current._zod;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    const next = def.type === 'pipe' ? def.in : ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type) ? def.innerType : undefined;
    if (!next || !isZod(next)) break;
    current = next;
  }
  return { base: current, optional, formats };
}

function stringType(checks: readonly CheckDef[], formats: readonly string[]): FieldRule['type'] {
  const all = [...formats, ...checks.filter((check) => check.check === 'string_format').map((check) => check.format ?? '')];
  if (all.includes('uuid') || checks.some((check) => check.pattern?.source === UUID_SOURCE)) return 'uuid';
  if (all.some((format) => format === 'date-time' || format === 'datetime' || format === 'date')) return 'isoDate';
  if (all.includes('email')) return 'email';
  return 'string';
}

/** One field's rule: its type validator, IsNotEmpty unless optional, IsEnum, MaxLength, Min/Max. */
export function fieldRule(schema: unknown): FieldRule {
  if (!isZod(schema)) return { type: 'any' };
  const { base, optional, formats } = unwrap(schema);
  const { def } = base._zod;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const rule: FieldRule = { type: 'any' };
  switch (def.type) {
    case 'string': {
      rule.type = stringType(checks, formats);
      const max = checks.find((check) => check.check === 'max_length')?.maximum;
      if (max !== undefined && rule.type === 'string') rule.maxLength = max;
      break;
    }
    case 'number':
    case 'int':
    case 'bigint': {
      rule.type = 'number';
      for (const check of checks) {
        const value = typeof check.value === 'bigint' ? Number(check.value) : check.value;
        if (value === undefined || !Number.isSafeInteger(Math.trunc(value))) continue;
        if (check.check === 'greater_than') rule.min = value;
        if (check.check === 'less_than') rule.max = value;
      }
      break;
    }
    case 'boolean':
      rule.type = 'boolean';
      break;
    case 'enum':
      // Gauzy's enum properties carry IsEnum alone (no IsString): a wrong value gets that one message.
      rule.enum = Object.values(def.entries ?? {}).map(String);
      break;
    case 'literal':
      rule.enum = (def.values ?? []).map(String);
      break;
    case 'array':
    case 'tuple':
    case 'set':
      rule.type = 'array';
      break;
    case 'object':
    case 'record':
    case 'map':
      rule.type = 'object';
      break;
    case 'date':
      rule.type = 'isoDate';
      break;
  }
  if (!optional) rule.required = true;
  return rule;
}

/**
 * The create DTO (IsNotEmpty on the fields a caller must give, TenantOrganizationBaseDTO for an
 * organization's entity, `whitelist: true`) and the update DTO (PartialType of it).
 */
export function dtosFromFields(fields: Readonly<Record<string, unknown>>, organizationScoped: boolean): { create: DtoSpec; update: DtoSpec } {
  const create: DtoSpec['fields'] = {};
  const update: DtoSpec['fields'] = {};
  for (const [name, schema] of Object.entries(fields)) {
    const rule = fieldRule(schema);
    create[name] = rule;
    const { required: _required, ...partial } = rule;
    update[name] = partial;
  }
  return {
    create: { fields: create, tenantOrganization: organizationScoped, whitelist: true },
    update: { fields: update, tenantOrganization: organizationScoped, whitelist: true },
  };
}
