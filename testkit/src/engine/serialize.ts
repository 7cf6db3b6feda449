import type { EntitySpec } from '../entity-specs.js';
import type { Row, SandboxStore } from '../store.js';

/** Normalizes `relations[]=a`, `relations[0]=a`, `relations=a,b`, `{a:true,b:{c:true}}` into dotted paths. */
export function normalizeRelations(input: unknown): string[] {
  if (input === undefined || input === null || input === '') return [];
  if (typeof input === 'string') return input.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(input)) return input.flatMap((v) => normalizeRelations(v));
  if (typeof input === 'object') {
    const out: string[] = [];
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      if (/^\d+$/.test(key)) out.push(...normalizeRelations(value));
      else if (value && typeof value === 'object') {
        out.push(key, ...normalizeRelations(value).map((sub) => `${key}.${sub}`));
      } else if (value !== false && value !== 'false') out.push(key);
    }
    return out;
  }
  return [];
}

function relationTree(paths: string[]): Map<string, string[]> {
  const tree = new Map<string, string[]>();
  for (const path of paths) {
    const [head, ...rest] = path.split('.');
    if (!head) continue;
    const children = tree.get(head) ?? [];
    if (rest.length) children.push(rest.join('.'));
    tree.set(head, children);
  }
  return tree;
}

/**
 * The first relation path that names a property its entity does not have, as TypeORM reports it: the
 * property and the entity class it was looked for in (`members.employee` on a task fails in "Employee").
 * `unloaded`: the path goes through a table this sandbox was not taught (its rows are joined raw), so
 * whether Gauzy has the property is unknown.
 */
export function unknownRelation(store: SandboxStore, entity: string, paths: readonly string[]): { property: string; entityClass: string; unloaded?: true } | undefined {
  for (const path of paths) {
    let current = entity;
    for (const property of path.split('.')) {
      const spec = store.entities.get(current);
      if (!spec) return { property, entityClass: current, unloaded: true };
      const relation = spec.relations?.[property];
      if (!relation) return { property, entityClass: spec.gauzyClass ?? current };
      current = relation.entity;
    }
  }
  return undefined;
}

/** Rows related to `row` through `relation` (soft-deleted related rows are skipped like TypeORM does). */
export function relatedRows(spec: EntitySpec, row: Row, relation: string, store: SandboxStore): Row | Row[] | null | undefined {
  const rel = spec.relations?.[relation];
  if (!rel) return undefined;
  const live = (r: Row | undefined) => (r && !r.deletedAt ? r : undefined);
  switch (rel.kind) {
    case 'manyToOne': {
      const id = row[rel.key];
      return typeof id === 'string' ? (live(store.get(rel.entity, id)) ?? null) : null;
    }
    case 'oneToMany':
      return store.list(rel.entity).filter((r) => r[rel.key] === row.id && !r.deletedAt);
    case 'manyToManyIds': {
      const ids = Array.isArray(row[rel.key]) ? (row[rel.key] as string[]) : [];
      return ids.map((id) => live(store.get(rel.entity, id))).filter((r): r is Row => !!r);
    }
    case 'manyToManyListedBy':
      return store.list(rel.entity).filter((r) => !r.deletedAt && Array.isArray(r[rel.key]) && (r[rel.key] as string[]).includes(row.id));
  }
}

/**
 * Renders a stored row like Gauzy's TransformInterceptor would: hidden columns dropped, virtuals and requested
 * relations added (`virtuals: false`: an entity as saved, before any load hook ran).
 */
export function serialize(entity: string, row: Row, store: SandboxStore, relations: string[] = [], options: { virtuals?: boolean } = {}): Record<string, unknown> {
  const spec = store.entities.get(entity);
  // A table without a known entity: the row as stored (no defaults, virtuals or hidden columns).
  if (!spec) return { ...row };
  const hidden = new Set(spec.hidden ?? []);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!hidden.has(k)) out[k] = v;
  if (options.virtuals !== false) Object.assign(out, spec.virtuals?.(row, store) ?? {});
  for (const [name, children] of relationTree(relations)) {
    const rel = spec.relations?.[name];
    if (!rel) continue;
    const value = relatedRows(spec, row, name, store);
    if (Array.isArray(value)) out[name] = value.map((r) => serialize(rel.entity, r, store, children));
    else out[name] = value ? serialize(rel.entity, value, store, children) : null;
  }
  return out;
}
