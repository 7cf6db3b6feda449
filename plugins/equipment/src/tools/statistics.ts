import { ok, type ToolOutput } from '@gauzy-mcp/core';
import { compactEquipment, statusName } from '../entities.js';

type Item = Record<string, unknown>;

interface TypeEntry { type: string; count: number; availableToday: number; inUseToday: number }

/**
 * Gauzy has no equipment statistics route (GET /api/equipment/statistics would be read as /:id): list_equipment
 * with `summary` (and the get_equipment_statistics preset) reads the equipment once with its sharings (up to
 * LOCAL_FILTER_ROWS) and sums them here: per type, free or in use on the day, purchase cost per currency,
 * sharings per status.
 */
export function summarize(
  read: { items: Item[]; read: number; total: number },
  on: string,
  filter: { type?: string; name?: string; employeeId?: string; available?: boolean },
): ToolOutput {
  const items = read.items.map((item) => ({ raw: item, compact: compactEquipment(item, on) }));
  const byType = new Map<string, TypeEntry>();
  const costByCurrency: Record<string, number> = {};
  const sharings: Record<string, number> = { REQUESTED: 0, APPROVED: 0, REFUSED: 0 };
  let free = 0;
  for (const { raw, compact } of items) {
    const key = String(compact.type ?? 'none');
    const entry = byType.get(key) ?? { type: key, count: 0, availableToday: 0, inUseToday: 0 };
    entry.count += 1;
    if (compact.availableToday) {
      entry.availableToday += 1;
      free += 1;
    } else entry.inUseToday += 1;
    byType.set(key, entry);
    if (typeof compact.initialCost === 'number') {
      const code = String(compact.currency ?? 'none');
      costByCurrency[code] = Math.round(((costByCurrency[code] ?? 0) + compact.initialCost) * 100) / 100;
    }
    for (const sharing of (raw.equipmentSharings as Item[] | undefined) ?? []) {
      const name = statusName(sharing.status);
      sharings[name] = (sharings[name] ?? 0) + 1;
    }
  }
  const types = [...byType.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const note = read.read < read.total ? `Only ${read.read} of ${read.total} equipment were read.` : undefined;
  const narrowed = [
    filter.name ? `name containing "${filter.name}"` : '',
    filter.type ? `type containing "${filter.type}"` : '',
    filter.employeeId ? `shared with employee ${filter.employeeId}` : '',
    filter.available === undefined ? '' : filter.available ? 'available today' : 'in use today',
  ].filter(Boolean).join(', ');
  const structured = {
    asOf: on,
    ...(narrowed ? { filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) } : {}),
    equipment: items.length,
    availableToday: free,
    inUseToday: items.length - free,
    byType: types,
    initialCostByCurrency: costByCurrency,
    sharingsByStatus: sharings,
    ...(note ? { total: read.total, note } : {}),
  };
  // Currencies in code order: the items arrive in Gauzy's order, which ties on createdAt can reshuffle.
  const costs = Object.entries(costByCurrency).sort(([a], [b]) => a.localeCompare(b)).map(([code, sum]) => `${sum} ${code}`).join(', ');
  const text = items.length
    ? [
        `Equipment on ${on}${narrowed ? ` (${narrowed})` : ''}: ${items.length}, ${free} available today, ${items.length - free} in use.`,
        ...types.map((entry) => `- ${entry.type}: ${entry.count} (${entry.availableToday} available, ${entry.inUseToday} in use)`),
        `Purchase cost: ${costs || 'none recorded'}.`,
        `Sharings: ${Object.entries(sharings).map(([name, count]) => `${count} ${name}`).join(', ')}.`,
        ...(note ? [note] : []),
      ].join('\n')
    : `No equipment${narrowed ? ` with ${narrowed}` : ''}.`;
  return ok(structured, text);
}
