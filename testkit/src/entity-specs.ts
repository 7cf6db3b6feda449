import type { EntityDefinition } from '@gauzy-mcp/core';
import type { DtoSpec } from './dto-validation.js';
import type { Row, SandboxStore } from './store.js';

/** How a relation named in `relations[]` is joined. */
export type RelationSpec =
  /** This row holds `key` = id of one `entity` row. */
  | { kind: 'manyToOne'; entity: string; key: string }
  /** Rows of `entity` whose `key` equals this row's id. */
  | { kind: 'oneToMany'; entity: string; key: string }
  /** This row holds an id array column `key` (hidden) listing `entity` rows. */
  | { kind: 'manyToManyIds'; entity: string; key: string }
  /** The other side of a manyToManyIds: rows of `entity` whose id array column `key` lists this row. */
  | { kind: 'manyToManyListedBy'; entity: string; key: string };

/**
 * The sandbox's model of one entity, derived from its core description and sandbox hooks
 * (engine/entity-registry.ts); a table without one is served as raw rows.
 */
export interface EntitySpec {
  /** Store table name. */
  name: string;
  /** The description it was derived from, whose operations the sandbox serves. */
  entity?: EntityDefinition;
  /** Gauzy's entity class, as its errors name it (e.g. `Property "x" was not found in "Task"`); default: `name`. */
  gauzyClass?: string;
  /** Column defaults applied on create, after the base columns (mirrors the entity's nullable columns). */
  defaults: () => Record<string, unknown>;
  /** Columns never emitted (Gauzy's @Exclude / select:false, or sandbox bookkeeping). */
  hidden?: string[];
  relations?: Record<string, RelationSpec>;
  /** Virtual (computed) fields Gauzy adds on load. */
  virtuals?: (row: Row, store: SandboxStore) => Record<string, unknown>;
  /** The entity carries `organizationId` (TenantOrganizationBaseEntity) rather than only `tenantId`. */
  organizationScoped: boolean;
  /** Has `employeeId`: callers without CHANGE_SELECTED_EMPLOYEE only see/stamp their own. */
  employeeScoped?: boolean;
  create?: DtoSpec;
  update?: DtoSpec;
  /**
   * What a create answers: the entity TypeORM's save() returns, not a reload. `virtuals: false`: the load
   * hooks (@AfterLoad, subscribers' afterEntityLoad) have not run, so `virtuals` are left out; `relations`:
   * the relations the service set on the entity it saved (rendered like `relations[]`); `tenant`: the
   * `tenant: {id}` TenantAwareCrudService.create sets. Default: the row with its virtuals, plus `members` when
   * it is a manyToManyIds relation.
   */
  createAnswer?: { virtuals?: boolean; relations?: string[]; tenant?: boolean };
  /** Server-set fields on create (numbering, auto-membership). */
  onCreate?: (row: Row, ctx: { employeeId?: string; isEmployeeRole: boolean }, store: SandboxStore) => void;
  /** Request-body field → stored column translation (e.g. task `members:[{id}]` → memberIds). */
  fromBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Which service answers `DELETE /:id/soft` and `PUT /:id/recover`. `crud` (default): the inherited
   * CrudService — softRemove works, but softRecover looks the row up with findOneByIdString and no
   * withDeleted, so on TypeORM it never finds a soft-deleted row (404 "An error occurred during restoring
   * entity: …"); failures are 404s. `withDeleted`: the entity's service overrides both the way
   * EmployeeService does (softRemovedById / softRecoverById): the row is looked up in the request's
   * organization, recover looks with withDeleted and restores it, and every failure is a 400.
   */
  softDelete?: 'crud' | 'withDeleted';
  /**
   * Where the service's findById wraps the lookup's NotFoundException in its own exception: that status, and
   * the prefix it puts before "The requested record was not found" (default: the plain 404).
   */
  findByIdFailure?: { status: number; prefix: string };
}

