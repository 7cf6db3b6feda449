import type { EntityDefinition } from './entity.js';

/**
 * What a fake Gauzy needs to know about an entity beyond its description: column defaults, server-set
 * fields, what Gauzy never emits, the DTO's class-validator rules where they differ from the fields. A pack
 * declares these beside its entity (its `./sandbox` export), so the testkit's sandbox can serve the entity
 * without a second description in the testkit. Types only: the kernel never runs these.
 */

type Row = Record<string, unknown> & { id: string };

/** The sandbox's tables as a hook sees them. */
export interface SandboxRows {
  list(entity: string): Row[];
  get(entity: string, id: string): Row | undefined;
}

/** `any`: the DTO property has no type validator (e.g. a `Date` checked only by IsNotEmpty / a custom rule). */
export type FieldType =
  | 'string' | 'number' | 'boolean' | 'uuid' | 'isoDate' | 'array' | 'object' | 'email' | 'any';

export interface FieldRule {
  type: FieldType;
  /** IsNotEmpty (and so checked when missing). */
  required?: boolean;
  /**
   * The property has no IsOptional and no IsNotEmpty (e.g. a bare IsEnum): class-validator still runs its
   * rules on a missing value, so a missing key fails them without a "should not be empty".
   */
  checkedWhenMissing?: boolean;
  /** IsNotEmpty with a custom `message` (default: `<name> should not be empty`). */
  emptyMessage?: string;
  enum?: readonly string[];
  maxLength?: number;
  min?: number;
  max?: number;
  /**
   * Gauzy's IsBeforeDate: this date must be before `field`'s (a missing `field` reads as now, as
   * `moment(undefined)` does). Declared under IsNotEmpty, so its message comes first.
   */
  before?: { field: string; message: string };
  /**
   * class-transformer `@Transform(() => value)`: a key the body has becomes `value` before validation; a
   * key it lacks stays missing (Transform runs only for present keys), so the other rules then apply.
   */
  presentBecomes?: unknown;
}

export interface DtoSpec {
  fields: Record<string, FieldRule>;
  /**
   * Properties class-validator reaches before the organization ones: a class's own properties come before
   * the inherited ones, and an IntersectionType copies its first class's properties before its second's
   * (CreateOrganizationProjectDTO: name, billing, … before the TenantOrganizationBaseDTO properties).
   */
  ownFields?: Record<string, FieldRule>;
  /**
   * The DTO extends TenantOrganizationBaseDTO (organizationId or organization required + membership check).
   * `'optional'`: the DTO also intersects a PartialType of a TenantOrganizationBaseDTO subclass, which puts
   * IsOptional on organization and organizationId (class-validator ANDs a property's conditions), so a body
   * without either passes and a present one is still checked (CreateOrganizationProjectDTO).
   */
  tenantOrganization?: boolean | 'optional';
  /** The route's pipe has `whitelist: true`: keys not declared here are stripped. */
  whitelist?: boolean;
}

export interface EntitySandboxHooks {
  /** Column defaults applied on create (the entity's nullable columns), after the base columns. */
  defaults?: () => Record<string, unknown>;
  /** Columns never emitted (Gauzy's @Exclude / select:false, or sandbox bookkeeping). */
  hidden?: readonly string[];
  /** Virtual (computed) fields Gauzy adds on load. */
  virtuals?: (row: Row, rows: SandboxRows) => Record<string, unknown>;
  /**
   * What a create answers: the entity TypeORM's save() returns, not a reload. `virtuals: false`: the load
   * hooks have not run; `relations`: the relations the service set on the entity it saved; `tenant`: the
   * `tenant: {id}` TenantAwareCrudService.create sets.
   */
  createAnswer?: { virtuals?: boolean; relations?: string[]; tenant?: boolean };
  /** Server-set fields on create (numbering, auto-membership). */
  onCreate?: (row: Row, caller: { employeeId?: string; isEmployeeRole: boolean }, rows: SandboxRows) => void;
  /** Request-body field → stored column translation (e.g. task `members:[{id}]` → memberIds). */
  fromBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Where the service's findById wraps NotFoundException in its own exception: that status and message prefix. */
  findByIdFailure?: { status: number; prefix: string };
  /** The create and update DTOs' rules, where deriving them from the entity's fields would not be Gauzy's. */
  dto?: { create?: DtoSpec; update?: DtoSpec };
}

/** An entity with what the sandbox needs to serve it. */
export interface SandboxEntity {
  entity: EntityDefinition;
  hooks: EntitySandboxHooks;
}

/** Pairs an entity with its sandbox hooks (the pack's `./sandbox` export lists these). */
export function sandboxEntity(entity: EntityDefinition, hooks: EntitySandboxHooks = {}): SandboxEntity {
  return { entity, hooks };
}
