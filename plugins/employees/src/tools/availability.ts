import { dataQuery, defineTool, GauzyMcpError, isoDate, labelWithId, normalizePage, ok, personName, readAllPages, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { EMPLOYEES_ADMIN_TOOLSET as toolset, availabilityEntity, availabilitySlotEntity } from '../entities.js';
import { MEMBERS_ROUTE, readMembers } from './lookup.js';

type Item = Record<string, unknown>;

const MAX_DAYS = 14;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : value instanceof Date ? value.toISOString().slice(0, 10) : '');

interface Member {
  id: string;
  name: string;
}

/** The status an employee set for `date`: the newest EmployeeAvailability whose period holds the date, for its weekday. */
function statusOn(records: readonly Item[], date: string): Item | undefined {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return records
    .filter((record) => Number(record.dayOfWeek) === weekday && dayOf(record.startDate) <= date && date <= dayOf(record.endDate))
    .sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')))[0];
}

/**
 * Composes what Gauzy knows about when people can work: the team's (or organization's) members
 * (GET /api/employee/members), the weekly availability they set (GET /api/employee-availability: per weekday
 * within a period, Available, Partial or Unavailable, with notes) and their bookable slots
 * (GET /api/availability-slots). Gauzy has no route that answers this in one call.
 */
export const getTeamAvailability = defineTool({
  name: 'get_team_availability',
  title: 'Team availability',
  description: `Who of a team (or the organization) is available, partly or not on each day of a range (default: the next 7 days, at most ${MAX_DAYS}), from the availability they set in Gauzy, plus their bookable slots.`,
  toolset,
  effect: 'read',
  input: z.object({ teamId: uuid().optional(), startDate: isoDate().optional(), endDate: isoDate().optional() }),
  output: z.looseObject({ period: z.looseObject({}), members: z.array(z.looseObject({})), days: z.array(z.looseObject({})) }),
  routes: [`GET ${MEMBERS_ROUTE}`, 'GET /api/employee-availability', 'GET /api/availability-slots'],
  async handler({ teamId, startDate, endDate }, ctx) {
    const first = dayOf(startDate ?? new Date().toISOString());
    const last = dayOf(endDate ?? new Date(Date.parse(first) + 6 * DAY_MS).toISOString());
    const span = Math.round((Date.parse(last) - Date.parse(first)) / DAY_MS) + 1;
    if (span < 1 || span > MAX_DAYS) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['get_team_availability'], { issues: [{ field: 'endDate', message: `give a range of 1 to ${MAX_DAYS} days from startDate (${first})` }] });
    }
    const dates = Array.from({ length: span }, (_, index) => new Date(Date.parse(first) + index * DAY_MS).toISOString().slice(0, 10));
    const scope = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    const [people, availability, slotPage] = await Promise.all([
      readMembers(ctx, { teamId }),
      readAllPages(ctx, availabilityEntity.path, {}),
      ctx.gauzy.get(availabilitySlotEntity.path, { query: dataQuery({ findInput: scope }) }),
    ]);
    const members: Member[] = people.map((person) => ({ id: String(person.id), name: personName(person) ?? String(person.id) }));
    const ids = new Set(members.map((member) => member.id));
    const byEmployee = new Map<string, Item[]>();
    for (const record of availability.items) {
      const id = String(record.employeeId);
      if (ids.has(id)) byEmployee.set(id, [...(byEmployee.get(id) ?? []), record]);
    }
    const end = Date.parse(last) + DAY_MS;
    const slots = normalizePage(slotPage).items.filter((slot) => ids.has(String(slot.employeeId)) && Date.parse(String(slot.startTime)) < end && Date.parse(String(slot.endTime)) >= Date.parse(first));
    const nameOf = new Map(members.map((member) => [member.id, member.name]));

    const days = dates.map((date) => {
      const day = { date, weekday: WEEKDAYS[new Date(`${date}T00:00:00.000Z`).getUTCDay()]!, available: [] as string[], partial: [] as Array<{ id: string; notes?: string }>, unavailable: [] as string[], notSet: 0 };
      for (const member of members) {
        const record = statusOn(byEmployee.get(member.id) ?? [], date);
        const status = record?.availabilityStatus;
        if (status === 'Available') day.available.push(member.id);
        else if (status === 'Partial') day.partial.push({ id: member.id, ...(record?.availabilityNotes ? { notes: String(record.availabilityNotes) } : {}) });
        else if (status === 'Unavailable') day.unavailable.push(member.id);
        else day.notSet++;
      }
      return day;
    });
    const memberRows = members.map((member) => ({
      ...member,
      slots: slots.filter((slot) => String(slot.employeeId) === member.id).map((slot) => ({ startTime: slot.startTime, endTime: slot.endTime, allDay: slot.allDay, type: slot.type })),
    }));

    const names = (list: readonly string[]) => list.map((id) => nameOf.get(id)).join(', ');
    const who = teamId ? 'the team' : 'the organization';
    const lines = [
      `Availability of ${members.length} members of ${who} from ${first} to ${last}: ${members.map((member) => labelWithId(member)).join(', ') || 'none'}.`,
      ...days.map((day) => {
        const parts = [
          day.available.length ? `available ${names(day.available)}` : '',
          day.partial.length ? `partly ${day.partial.map((entry) => `${nameOf.get(entry.id)}${entry.notes ? ` (${entry.notes})` : ''}`).join(', ')}` : '',
          day.unavailable.length ? `unavailable ${names(day.unavailable)}` : '',
          day.notSet ? `not set ${day.notSet}` : '',
        ].filter(Boolean);
        return `- ${day.date} ${day.weekday}: ${parts.join('; ') || 'nobody'}`;
      }),
      ...(slots.length
        ? ['Bookable slots:', ...memberRows.flatMap((member) => member.slots.map((slot) => `- ${member.name}: ${String(slot.startTime)} to ${String(slot.endTime)}${slot.allDay ? ' (all day)' : ''}`))]
        : []),
    ];
    // TenantAwareCrudService gives a caller without CHANGE_SELECTED_EMPLOYEE only their own availability rows.
    if (ctx.scope.role === 'EMPLOYEE') lines.push('Your Gauzy role sees only your own availability; the others show as not set.');
    return ok({ period: { startDate: first, endDate: last }, ...(teamId ? { teamId } : {}), members: memberRows, days }, lines.join('\n'));
  },
});
