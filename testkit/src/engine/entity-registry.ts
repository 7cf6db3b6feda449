import { isEntityDefinition, type EntityDefinition, type EntitySandboxHooks, type SandboxEntity } from '@gauzy-mcp/core';
import type { EntitySpec, RelationSpec } from '../entity-specs.js';
import { dtosFromFields } from './zod-dto.js';

/** What `createSandbox({ entities })` takes: an entity with its sandbox hooks, or a bare description (no hooks). */
export type SandboxEntityInput = SandboxEntity | EntityDefinition;

function relationSpec(relation: EntityDefinition['relations'][string]): RelationSpec {
  if (relation.kind !== 'manyToMany') return { kind: relation.kind, entity: relation.entity, key: relation.key };
  return relation.inverse
    ? { kind: 'manyToManyListedBy', entity: relation.entity, key: relation.key }
    : { kind: 'manyToManyIds', entity: relation.entity, key: relation.key };
}

/** The sandbox's model of an entity: its description plus the hooks, with what the hooks leave out derived. */
export function sandboxSpecOf(input: SandboxEntityInput): EntitySpec {
  const { entity, hooks } = isEntityDefinition(input) ? { entity: input, hooks: {} } : input;
  const relations = Object.fromEntries(Object.entries(entity.relations).map(([name, relation]) => [name, relationSpec(relation)]));
  // The owning side's id lists are how the sandbox stores a join table: never a column Gauzy emits.
  const idLists = Object.values(relations).filter((relation) => relation.kind === 'manyToManyIds').map((relation) => relation.key);
  const organizationScoped = entity.scope === 'organization';
  const derived = hooks.dto?.create && hooks.dto.update ? undefined : dtosFromFields(entity.fields, organizationScoped);
  const columns = () => ({
    ...Object.fromEntries(Object.keys(entity.fields).map((field) => [field, null])),
    ...Object.fromEntries(idLists.map((key) => [key, []])),
  });
  return {
    name: entity.name,
    entity,
    gauzyClass: entity.gauzyClass,
    organizationScoped,
    employeeScoped: entity.employeeScoped,
    defaults: hooks.defaults ?? columns,
    hidden: [...new Set([...(hooks.hidden ?? []), ...idLists])],
    relations,
    virtuals: hooks.virtuals,
    create: hooks.dto?.create ?? derived?.create,
    update: hooks.dto?.update ?? derived?.update,
    createAnswer: hooks.createAnswer,
    onCreate: hooks.onCreate,
    fromBody: hooks.fromBody,
    softDelete: entity.softDelete?.recover ? 'withDeleted' : 'crud',
    findByIdFailure: hooks.findByIdFailure,
  };
}

/**
 * The entities one sandbox knows, by table name. A later entity of the same name replaces an earlier one
 * (a pack's richer model of a platform entity wins, keeping the hooks it does not restate). A table without an entity holds raw rows.
 */
export class EntityRegistry {
  private readonly specs = new Map<string, EntitySpec>();

  constructor(entities: readonly SandboxEntityInput[] = []) {
    const hooksByName = new Map<string, EntitySandboxHooks>();
    for (const input of entities) {
      const { entity, hooks } = isEntityDefinition(input) ? { entity: input, hooks: {} } : input;
      // A pack's model of a platform entity keeps the platform's hooks it does not restate (the employee's
      // column defaults and fullName, say), so they are written once, where the platform entity is.
      const merged = { ...hooksByName.get(entity.name), ...hooks };
      hooksByName.set(entity.name, merged);
      const spec = sandboxSpecOf({ entity, hooks: merged });
      this.specs.delete(spec.name);
      this.specs.set(spec.name, spec);
    }
  }

  get(name: string): EntitySpec | undefined {
    return this.specs.get(name);
  }

  has(name: string): boolean {
    return this.specs.has(name);
  }

  /** The entities whose operations the sandbox serves, in the order given. */
  served(): Array<EntitySpec & { entity: EntityDefinition }> {
    return [...this.specs.values()].filter((spec): spec is EntitySpec & { entity: EntityDefinition } => !!spec.entity);
  }
}
