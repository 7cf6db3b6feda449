import { dataQuery, defineTool, formatValue, GauzyMcpError, isoDate, labelWithId, normalizePage, ok, personName, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { EMPLOYEES_ADMIN_TOOLSET as toolset } from '../entities.js';
import { MEMBERS_ROUTE, readMembers } from './lookup.js';

type Item = Record<string, unknown>;

const MAX_DAYS = 14;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SLOTS_ROUTE = '/api/availability-slots';

const dayOf = (value: string) => value.slice(0, 10);

interface Slot {
  startTime: string;
  endTime: string;
  allDay: boolean;
  type: string;
}

/**
 * Composes what Gauzy's API knows about when people can be reached: the team's (or organization's) members
 * with their presence now (GET /api/employee/members: isOnline, isAway) and the availability slots they
 * published (GET /api/availability-slots, Gauzy's bookable times: `Default` once, `Recurring` as set up in
 * its calendar). Gauzy has no route that answers this in one call, and its EmployeeAvailability routes are
 * not loaded by the API (404).
 */
export const getTeamAvailability = defineTool({
  name: 'get_team_availability',
  title: 'Team availability',
  description: `Who of a team (or the organization) is online now, and the availability slots each published per day of a range (default: the next 7 days, at most ${MAX_DAYS}).`,
  toolset,
  effect: 'read',
  input: z.object({ teamId: uuid().optional(), startDate: isoDate().optional(), endDate: isoDate().optional() }),
  output: z.looseObject({ period: z.looseObject({}), members: z.array(z.looseObject({})), days: z.array(z.looseObject({})) }),
  routes: [`GET ${MEMBERS_ROUTE}`, `GET ${SLOTS_ROUTE}`],
  async handler({ teamId, startDate, endDate }, ctx) {
    const first = dayOf(startDate ?? new Date().toISOString());
    const last = dayOf(endDate ?? new Date(Date.parse(first) + 6 * DAY_MS).toISOString());
    const span = Math.round((Date.parse(last) - Date.parse(first)) / DAY_MS) + 1;
    if (!(span >= 1 && span <= MAX_DAYS)) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['get_team_availability'], { issues: [{ field: 'endDate', message: `give a range of 1 to ${MAX_DAYS} days from startDate (${first})` }], fields: ['endDate'] });
    }
    const dates = Array.from({ length: span }, (_, index) => new Date(Date.parse(first) + index * DAY_MS).toISOString().slice(0, 10));
    const scope = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    const [people, slotPage] = await Promise.all([readMembers(ctx, { teamId }), ctx.gauzy.get(SLOTS_ROUTE, { query: dataQuery({ findInput: scope }) })]);
    const rangeStart = Date.parse(first);
    const rangeEnd = Date.parse(last) + DAY_MS;
    const inRange = (slot: Item) => Date.parse(String(slot.startTime)) < rangeEnd && Date.parse(String(slot.endTime)) > rangeStart;
    const slots = normalizePage(slotPage).items.filter(inRange).sort((a, b) => String(a.startTime).localeCompare(String(b.startTime)));
    const slotOf = (slot: Item): Slot => ({ startTime: String(slot.startTime), endTime: String(slot.endTime), allDay: slot.allDay === true, type: String(slot.type ?? '') });

    const members = people.map((person) => {
      const id = String(person.id);
      return { id, name: personName(person) ?? id, online: person.isOnline === true, away: person.isAway === true, slots: slots.filter((slot) => slot.employeeId === id).map(slotOf) };
    });
    const organizationSlots = slots.filter((slot) => !slot.employeeId).map(slotOf);
    const onDay = (date: string) => (slot: Slot) => dayOf(slot.startTime) <= date && date <= dayOf(slot.endTime);
    const days = dates.map((date) => ({
      date,
      weekday: WEEKDAYS[new Date(`${date}T00:00:00.000Z`).getUTCDay()]!,
      available: members.filter((member) => member.slots.some(onDay(date))).map((member) => member.id),
    }));

    const nameOf = new Map(members.map((member) => [member.id, member.name]));
    const span$ = (slot: Slot) => `${formatValue(slot.startTime)} to ${formatValue(slot.endTime)}${slot.allDay ? ' (all day)' : ''}${slot.type === 'Recurring' ? ' (recurring)' : ''}`;
    const presence = (member: (typeof members)[number]) => `${labelWithId(member)}${member.online ? (member.away ? ' [away]' : ' [online]') : ''}`;
    const lines = [
      `${members.length} members of ${teamId ? 'the team' : 'the organization'}: ${members.map(presence).join(', ') || 'none'}.`,
      `Availability slots from ${first} to ${last}:`,
      ...days.map((day) => {
        const who = day.available.map((id) => {
          const member = members.find((entry) => entry.id === id)!;
          return `${nameOf.get(id)} ${member.slots.filter(onDay(day.date)).map(span$).join(', ')}`;
        });
        return `- ${day.date} ${day.weekday}: ${who.join('; ') || 'no slots'}`;
      }),
      ...(organizationSlots.length ? [`The organization's own slots: ${organizationSlots.map(span$).join(', ')}.`] : []),
    ];
    // TenantAwareCrudService gives a caller without CHANGE_SELECTED_EMPLOYEE only their own slots.
    if (ctx.scope.role === 'EMPLOYEE') lines.push('Your Gauzy role sees only your own slots.');
    return ok({ period: { startDate: first, endDate: last }, ...(teamId ? { teamId } : {}), memberCount: members.length, members, days, organizationSlots }, lines.join('\n'));
  },
});
