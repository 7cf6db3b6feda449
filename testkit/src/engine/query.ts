import type { Row, SandboxStore } from '../store.js';
import { relatedRows } from './serialize.js';

const scalarEquals = (actual: unknown, wanted: unknown): boolean => {
  if (Array.isArray(wanted)) return wanted.some((w) => scalarEquals(actual, w));
  if (wanted === null || wanted === 'null') return actual === null || actual === undefined;
  if (typeof actual === 'boolean') return String(actual) === String(wanted);
  if (typeof actual === 'number') return actual === Number(wanted);
  return actual === wanted;
};

/**
 * TypeORM-style `where` equality: columns compare as strings/booleans/numbers; a relation key with an object
 * value matches when any related row matches the nested where (e.g. `where[members][id]=…`).
 */
export function matchesWhere(entity: string, row: Row, where: Record<string, unknown> | undefined, store: SandboxStore): boolean {
  if (!where) return true;
  const spec = store.entities.get(entity);
  return Object.entries(where).every(([key, wanted]) => {
    if (wanted === undefined) return true;
    const rel = spec?.relations?.[key];
    if (rel && wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
      const related = spec ? relatedRows(spec, row, key, store) : undefined;
      const list = Array.isArray(related) ? related : related ? [related] : [];
      // oneToMany join rows (e.g. project members) are matched through their target: `members[id]` means the employee id.
      return list.some((r) => {
        const viaJoin = rel.kind === 'oneToMany' && 'employeeId' in r && (wanted as Record<string, unknown>).id !== undefined;
        return viaJoin ? scalarEquals(r.employeeId, (wanted as Record<string, unknown>).id) : matchesWhere(rel.entity, r, wanted as Record<string, unknown>, store);
      });
    }
    if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) return true; // operators are not modelled
    return scalarEquals(row[key], wanted);
  });
}

/** `order[field]=ASC|DESC`; default newest first is NOT applied (TypeORM returns insertion order). */
export function applyOrder(rows: Row[], order: unknown): Row[] {
  if (!order || typeof order !== 'object') return rows;
  const entries = Object.entries(order as Record<string, unknown>).filter(([, dir]) => typeof dir === 'string');
  if (!entries.length) return rows;
  return [...rows].sort((a, b) => {
    for (const [field, dir] of entries) {
      const x = a[field] as string | number | null | undefined;
      const y = b[field] as string | number | null | undefined;
      if (x === y) continue;
      const cmp = x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1;
      return String(dir).toUpperCase() === 'DESC' ? -cmp : cmp;
    }
    return 0;
  });
}

export const toInt = (v: unknown): number | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  const n = parseInt(String(v), 10);
  return Number.isNaN(n) ? undefined : n;
};

/** `skip` as a 1-based page (pagination routes) or as a row offset (plain findAll). */
export function page<T>(rows: T[], take: number | undefined, skip: number | undefined, skipIsPage: boolean): T[] {
  if (skipIsPage) {
    const size = take ?? 10;
    const pageNo = skip && skip > 0 ? skip : 1;
    return rows.slice(size * (pageNo - 1), size * pageNo);
  }
  const offset = skip ?? 0;
  return take === undefined ? rows.slice(offset) : rows.slice(offset, offset + take);
}

/** Style B `?data=<JSON>`; invalid JSON → {} like Gauzy's ParseJsonPipe. */
export function parseDataParam(raw: unknown): { findInput?: Record<string, unknown>; relations?: unknown; [k: string]: unknown } {
  if (typeof raw !== 'string') return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
