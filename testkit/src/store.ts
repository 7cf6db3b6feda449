import { randomUUID } from 'node:crypto';
import { EntityRegistry } from './engine/entity-registry.js';

export type Row = Record<string, unknown> & { id: string };

/**
 * In-memory tables keyed by entity name. Deliberately dumb: scoping, validation and serialization
 * live in the engine so that tests can read and poke raw state here. `entities` is what this sandbox
 * knows about its tables (each sandbox its own).
 */
export class SandboxStore {
  private readonly tables = new Map<string, Row[]>();

  constructor(readonly entities: EntityRegistry = new EntityRegistry()) {}

  private table(entity: string): Row[] {
    let rows = this.tables.get(entity);
    if (!rows) this.tables.set(entity, (rows = []));
    return rows;
  }

  /** All rows of `entity` (soft-deleted included), in insertion order. Live objects: mutate with care. */
  list(entity: string): Row[] {
    return this.table(entity);
  }

  get(entity: string, id: string): Row | undefined {
    return this.table(entity).find((r) => r.id === id);
  }

  /** Inserts as given; assigns an id when missing. Returns the stored row. */
  insert(entity: string, row: Record<string, unknown>): Row {
    const stored = { ...row, id: typeof row.id === 'string' ? row.id : randomUUID() } as Row;
    this.table(entity).push(stored);
    return stored;
  }

  update(entity: string, id: string, patch: Record<string, unknown>): Row | undefined {
    const row = this.get(entity, id);
    if (row) Object.assign(row, patch);
    return row;
  }

  remove(entity: string, id: string): boolean {
    const rows = this.table(entity);
    const at = rows.findIndex((r) => r.id === id);
    if (at < 0) return false;
    rows.splice(at, 1);
    return true;
  }

  count(entity: string, predicate?: (row: Row) => boolean): number {
    return predicate ? this.table(entity).filter(predicate).length : this.table(entity).length;
  }
}
