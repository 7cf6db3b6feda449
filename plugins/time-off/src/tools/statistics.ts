import { defineTool, isoDate, labelWithId, ok } from '@gauzy-mcp/core';
import { z } from 'zod';
import { TIME_OFF_TOOLSET as toolset, dayOf, daysBetween } from '../entities.js';
import { REQUEST_PAGINATION, cutNote, employeeOf, employeeParam, readRequests } from './read.js';

type Item = Record<string, unknown>;

/** Days per status; `otherDays` for statuses outside REQUESTED, APPROVED, DENIED (Gauzy's demo seed stores ALL). */
interface Days { approvedDays: number; requestedDays: number; deniedDays: number; otherDays: number }
interface Entry extends Days { id: string; name: string; requests: number }

const KEY: Record<string, keyof Days> = { APPROVED: 'approvedDays', REQUESTED: 'requestedDays', DENIED: 'deniedDays' };
const none = (): Days => ({ approvedDays: 0, requestedDays: 0, deniedDays: 0, otherDays: 0 });
const daysText = (days: Days) => `${days.approvedDays} approved, ${days.requestedDays} requested, ${days.deniedDays} denied${days.otherDays ? `, ${days.otherDays} of another status` : ''}`;

function tally(map: Map<string, Entry>, ref: Item | undefined, key: keyof Days, days: number): void {
  const id = String(ref?.id ?? 'none');
  const entry = map.get(id) ?? { id, name: String(ref?.name ?? 'unnamed'), requests: 0, ...none() };
  entry.requests += 1;
  entry[key] += days;
  map.set(id, entry);
}

const sorted = (map: Map<string, Entry>) => [...map.values()].sort((a, b) => b.approvedDays - a.approvedDays || b.requestedDays - a.requestedDays || a.name.localeCompare(b.name));

/**
 * Gauzy has no time-off statistics or balance route (GET /api/time-off-request/statistics is read as
 * GET /:id) and its policies carry no allowance: the requests that overlap the period are read once and
 * their calendar days inside it summed here, per status, per employee by name and per policy.
 */
export const getTimeOffStatistics = defineTool({
  name: 'get_time_off_statistics',
  title: 'Time-off statistics',
  description: 'Days off from startDate to endDate per employee by name and per policy: approved, requested, denied.',
  toolset,
  effect: 'read',
  input: z.object({ startDate: isoDate(), endDate: isoDate(), employeeId: employeeParam }),
  output: z.looseObject({ requests: z.number() }),
  routes: [REQUEST_PAGINATION],
  async handler({ startDate, endDate, employeeId }, ctx) {
    const [from, to] = [dayOf(startDate)!, dayOf(endDate)!];
    const whose = employeeOf(ctx, employeeId, 'get_time_off_statistics');
    const read = await readRequests(ctx, { startDate: from, endDate: to, employeeId: whose });
    const totals = none();
    const byEmployee = new Map<string, Entry>();
    const byPolicy = new Map<string, Entry>();
    for (const request of read.items) {
      const [first, last] = [dayOf(request.start)!, dayOf(request.end)!];
      const days = daysBetween(first > from ? first : from, last < to ? last : to);
      const key = KEY[String(request.status)] ?? 'otherDays';
      const employees = ((request.employees as Item[] | undefined) ?? []).filter((employee) => !whose || employee.id === whose);
      for (const employee of employees) {
        tally(byEmployee, employee, key, days);
        totals[key] += days;
      }
      tally(byPolicy, request.policy as Item | undefined, key, days * employees.length);
    }
    const employees = sorted(byEmployee);
    const policies = sorted(byPolicy);
    const note = cutNote(read);
    const structured = {
      period: { startDate: from, endDate: to },
      requests: read.items.length,
      ...totals,
      byEmployee: employees,
      byPolicy: policies,
      ...(note ? { matched: read.matched, read: read.read, note } : {}),
    };
    const text = read.items.length
      ? [
          `Time off from ${from} to ${to}: ${read.items.length} request${read.items.length === 1 ? '' : 's'}; days off (calendar days, per employee): ${daysText(totals)}.`,
          ...employees.map((entry) => `- ${labelWithId(entry)}: ${daysText(entry)} (${entry.requests} request${entry.requests === 1 ? '' : 's'})`),
          `By policy: ${policies.map((entry) => `${labelWithId(entry)} ${daysText(entry)}`).join('; ')}.`,
          ...(note ? [note] : []),
        ].join('\n')
      : `No time off from ${from} to ${to}.`;
    return ok(structured, text);
  },
});
