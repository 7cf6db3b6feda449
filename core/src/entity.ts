import type { z } from 'zod';
import { GauzyMcpError } from './errors.js';
import { isKnownGauzyRoute } from './gauzy/route-table.js';
import type { RouteRef } from './tool.js';

/**
 * One Gauzy entity, described once. Its tools (`crudTools`), the sandbox's model of it
 * (`createSandbox({ entities })` in the testkit) and its conformance tests are derived from this.
 */

/** The generic operations Gauzy's CRUD controllers serve; each is one route shape under the entity's base path. */
export type EntityOperation = 'findAll' | 'pagination' | 'count' | 'findById' | 'create' | 'update' | 'delete' | 'softDelete' | 'recover';

export const ENTITY_OPERATION_ROUTES: Readonly<Record<EntityOperation, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; suffix: string }>> = {
  findAll: { method: 'GET', suffix: '' },
  pagination: { method: 'GET', suffix: '/pagination' },
  count: { method: 'GET', suffix: '/count' },
  findById: { method: 'GET', suffix: '/:id' },
  create: { method: 'POST', suffix: '' },
  update: { method: 'PUT', suffix: '/:id' },
  delete: { method: 'DELETE', suffix: '/:id' },
  softDelete: { method: 'DELETE', suffix: '/:id/soft' },
  recover: { method: 'PUT', suffix: '/:id/recover' },
};

/**
 * How a relation named in `relations[]` is joined. `manyToOne`: this row holds `key`, the id of one
 * `entity` row. `oneToMany`: rows of `entity` whose `key` is this row's id. `manyToMany`: a join table;
 * `key` names the id list on the owning side (this side, or `entity`'s when `inverse`).
 */
export interface RelationDefinition {
  entity: string;
  kind: 'manyToOne' | 'oneToMany' | 'manyToMany';
  key: string;
  inverse?: boolean;
}

/**
 * How Gauzy reads a list route's query. `where`: `where[...]`, `relations[]`, `order[...]`, `take`, `skip`
 * (style A). `data`: one `?data={"findInput":…,"relations":…}` JSON parameter (style B). `flat`: plain
 * parameters (style C). `skip` is a row offset on `GET /resource` and a 1-based page on the `/pagination`
 * routes, whose services compute `take * (skip - 1)`.
 */
export interface ListStyle {
  query: 'where' | 'data' | 'flat';
  /**
   * How the list route reads `skip`: rows (`offset`), 1-based pages (`page`), or not at all (`none`: the
   * route answers every row whatever take and skip say, as OrganizationDepartmentController.findAll does,
   * so the tool reads them all and cuts the page itself).
   */
  paging: 'offset' | 'page' | 'none';
}

/**
 * Whether Gauzy can bring back a row its `DELETE /:id/soft` soft-deleted, through `PUT /:id/recover`.
 * See {@link crudServiceCannotRecover} for the common case.
 */
export type SoftDeleteSpec = { recover: true } | { recover: false; reason: string };

type Shape = z.ZodRawShape;
type Item = Record<string, unknown>;

/** The standard tools {@link crudTools} derives; the keys of an entity's `aliases`. */
export type CrudToolKind = 'list' | 'pagination' | 'get' | 'count' | 'create' | 'bulkCreate' | 'update' | 'bulkUpdate' | 'delete' | 'bulkDelete' | 'archive' | 'restore';

export interface EntityInput<F extends Shape = Shape> {
  /** The entity's key, Gauzy's class name in camelCase (`task`, `organizationProject`); relations name it. */
  name: string;
  /** Gauzy's entity class, as its errors name it (`Property "x" was not found in "Task"`). */
  gauzyClass: string;
  /** Singular and plural nouns for names and texts ("task", "tasks"). */
  noun: string;
  plural: string;
  /** Base route, e.g. `/api/tasks`; `''` for an entity with no operations (reached only through relations). */
  path: string;
  /** What Gauzy serves under `path`. Each must be a route of Gauzy's route table (checked at load). */
  operations: readonly EntityOperation[];
  /** How `GET path` reads its query (default: `where` with offset paging). */
  list?: ListStyle;
  /** The fields a caller may set, as zod: types, required, Gauzy's exact enums. Update tools make them optional. */
  fields: F;
  /** Columns Gauzy sends that a caller does not set (e.g. a task's `taskNumber`), offered in `fields` beside the settable ones. */
  columns?: readonly string[];
  /** Settable fields Gauzy does not send back as columns (a project's `memberIds`), left out of `fields`. */
  inputOnly?: readonly string[];
  /** List filters (default: none). */
  filters?: Shape;
  /**
   * A field Gauzy matches by part, in any case, on the `pagination` route (TaskService.pagination turns
   * `where[title]` into LIKE '%…%'; OrganizationProjectService, `where[name]` into ILike). The list tool
   * offers it as a filter; the plain list route matches exactly, so a search goes to `/pagination`.
   */
  search?: { field: string; operation: 'pagination' };
  /** Date fields a list may bound with `<field>From`/`<field>To`; no Gauzy list route bounds them with the other filters, so the tool filters a bounded read. */
  ranges?: readonly string[];
  /**
   * How `PUT path/:id` takes a change. `merge`: the route validates the whole DTO, so the tool reads the
   * record (with `relations`), overlays the change and sends `bodyFields` complete.
   */
  update?: { mode: 'merge'; bodyFields: readonly string[]; relations?: readonly string[] };
  /** Reshapes tool fields into Gauzy's body (e.g. `memberIds` → `members: [{id}]`); `current` is set on update. */
  body?: (values: Item, current?: Item) => Item;
  relations?: Readonly<Record<string, RelationDefinition>>;
  /** Relation paths a caller may include (nested ones like `members.employee` too); default: every relation. */
  include?: readonly string[];
  /** `organization`: the row carries tenant and organization; `tenant`: only the tenant. */
  scope: 'organization' | 'tenant';
  /** Has `employeeId`: a caller without CHANGE_SELECTED_EMPLOYEE only sees and stamps their own. */
  employeeScoped?: boolean;
  softDelete?: SoftDeleteSpec;
  /** Old tool names that stay callable, per derived tool. */
  aliases?: Partial<Record<CrudToolKind, readonly string[]>>;
  /** One line for text output. */
  describe?: (item: Item) => string;
  /**
   * Relations the one-line rendering names (a task's project and assignees). Lists join them when the caller
   * asks for no relations, and the structured items then carry each as `{ id, name }` only.
   */
  summaryRelations?: readonly string[];
}

export interface EntityDefinition<F extends Shape = Shape> extends Readonly<EntityInput<F>> {
  readonly kind: 'gauzy-entity';
  readonly list: ListStyle;
  readonly include: readonly string[];
  readonly relations: Readonly<Record<string, RelationDefinition>>;
  /** Every route the operations use, as `METHOD /path`. */
  readonly routes: Readonly<Partial<Record<EntityOperation, RouteRef>>>;
  /**
   * The names a list's `fields` may pick: the settable fields that are columns of the row (not the id lists
   * a many-to-many relation is set with, like `memberIds`), the declared `columns`, and the timestamps.
   */
  readonly fieldNames: readonly string[];
}

/** A structural check, so an entity built against another copy of the core is still recognised. */
export const isEntityDefinition = (value: unknown): value is EntityDefinition =>
  !!value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'gauzy-entity';

export function entityRoute(entity: Pick<EntityInput, 'path'>, operation: EntityOperation): RouteRef {
  const { method, suffix } = ENTITY_OPERATION_ROUTES[operation];
  return `${method} ${entity.path}${suffix}` as RouteRef;
}

const NAME = /^[a-z][A-Za-z0-9]{1,60}$/;

/**
 * Describes a Gauzy entity. Throws `GMCP_ERR_PLUGIN_INVALID` when the description cannot be right:
 * an operation Gauzy has no route for, an included relation path that is not declared, an update mode
 * without body fields, a soft delete without saying whether Gauzy can recover it.
 */
export function defineEntity<F extends Shape>(input: EntityInput<F>): EntityDefinition<F> {
  const fail = (problem: string): never => {
    throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [`entity ${String(input?.name)}`, problem]);
  };
  if (!NAME.test(input.name)) fail(`name must be camelCase (${NAME})`);
  // No operations: an entity Gauzy reaches only through other entities' relations (a join table), with no route of its own.
  if (input.operations.length ? !/^\/api\/[a-z0-9\-/]+$/.test(input.path) : input.path !== '') fail(`path "${input.path}" must look like /api/... ('' for an entity with no operations)`);
  const routes: Partial<Record<EntityOperation, RouteRef>> = {};
  for (const operation of input.operations) {
    if (!(operation in ENTITY_OPERATION_ROUTES)) fail(`unknown operation "${operation}"`);
    const route = entityRoute(input, operation);
    const [method, path] = route.split(' ') as [string, string];
    if (!isKnownGauzyRoute(method, path)) fail(`operation ${operation} needs ${route}, which Gauzy does not serve`);
    routes[operation] = route;
  }
  const has = (operation: EntityOperation) => input.operations.includes(operation);
  if ((has('softDelete') || has('recover')) && !input.softDelete) fail('it soft-deletes but does not say whether Gauzy can recover it (softDelete)');
  if (input.softDelete?.recover && !has('recover')) fail('softDelete.recover is true but the recover operation is not served');
  if (has('update') && input.update?.mode === 'merge' && !input.update.bodyFields.length) fail('update mode merge needs bodyFields');
  const relations = input.relations ?? {};
  const include = input.include ?? Object.keys(relations);
  for (const path of include) if (!relations[path.split('.')[0] ?? '']) fail(`included relation "${path}" is not one of its relations`);
  if (input.search && !(input.search.field in input.fields)) fail(`search field "${input.search.field}" is not one of its fields`);
  for (const field of input.ranges ?? []) if (!(field in input.fields)) fail(`range field "${field}" is not one of its fields`);
  if (input.search && !has(input.search.operation)) fail(`search needs the ${input.search.operation} operation, which is not served`);
  for (const path of input.summaryRelations ?? []) if (!include.includes(path)) fail(`summary relation "${path}" is not one of its include paths`);
  const setThroughRelation = new Set([...Object.values(relations).filter((relation) => relation.kind === 'manyToMany').map((relation) => relation.key), ...(input.inputOnly ?? [])]);
  const fieldNames = [...new Set([...Object.keys(input.fields).filter((name) => !setThroughRelation.has(name)), ...(input.columns ?? []), 'createdAt', 'updatedAt'])];
  return Object.freeze({ ...input, kind: 'gauzy-entity' as const, list: input.list ?? ({ query: 'where', paging: 'offset' } as ListStyle), relations, include, routes, fieldNames });
}

/**
 * Checks nested include paths (`members.employee`) against the other entities' relations, once all are
 * known. Returns each problem as a sentence; empty when every path resolves.
 */
export function unresolvedRelations(entities: readonly EntityDefinition[]): string[] {
  const byName = new Map(entities.map((entity) => [entity.name, entity]));
  const problems: string[] = [];
  for (const entity of entities) {
    for (const path of entity.include) {
      let current: EntityDefinition | undefined = entity;
      for (const segment of path.split('.')) {
        const relation: RelationDefinition | undefined = current?.relations[segment];
        if (!current || !relation) {
          problems.push(`${entity.name}: relation path "${path}" has no relation "${segment}"${current ? ` on ${current.name}` : ''}`);
          break;
        }
        current = byName.get(relation.entity);
        if (!current) {
          problems.push(`${entity.name}: relation "${segment}" of "${path}" points to ${relation.entity}, which is not described`);
          break;
        }
      }
    }
  }
  return problems;
}

/**
 * Most Gauzy entities inherit CrudService.softRecover, which looks the row up with findOneByIdString and no
 * withDeleted: on TypeORM it never finds a soft-deleted row and answers 404. Only services that override it
 * (EmployeeService.softRecoverById looks with withDeleted) can restore.
 */
export function crudServiceCannotRecover(plural: string): SoftDeleteSpec {
  return {
    recover: false,
    reason:
      `Gauzy's API cannot restore archived (soft-deleted) ${plural}: their recover route (PUT …/:id/recover, the generic CrudService.softRecover) ` +
      'looks the record up without soft-deleted rows and answers 404 "An error occurred during restoring entity: The requested record was not found". ' +
      'To get one back, create it again.',
  };
}
