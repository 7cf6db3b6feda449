import { defineEntity, formatValue, isoDate, personName, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const TIME_OFF_TOOLSET = 'time-off';

/**
 * Gauzy's StatusTypesEnum (@gauzy/contracts time-off.model.ts) without its `ALL`, a filter value of the web
 * client (Gauzy's demo seed stores it on some requests all the same: they are shown as stored).
 */
export const TimeOffStatus = z.enum(['REQUESTED', 'APPROVED', 'DENIED']);

type Item = Record<string, unknown>;

const DAY_MS = 86_400_000;

/** The UTC day of a date or date-time (`2026-12-07`). */
export const dayOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString().slice(0, 10);
};

/** Calendar days from one day to another, both counted (`2026-12-07` to `2026-12-11` is 5). */
export const daysBetween = (from: string, to: string): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1);

/** A related record as `{ id, name }`: an employee by their user's name, a policy by its name. */
export function refOf(value: unknown): Item | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Item;
  const name = (record.user ? personName(record) : undefined) ?? (typeof record.name === 'string' ? record.name : undefined);
  return { id: record.id, ...(name ? { name } : {}) };
}

const label = (ref: Item) => `${String(ref.name ?? 'unnamed')} (id ${String(ref.id)})`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * A time-off request as the tools answer it: its columns, its employees and policy as `{ id, name }`, and
 * the calendar days it covers (Gauzy sends whole employee, user and policy records).
 */
export function compactRequest(request: Item): Item {
  const { employees, policy, document: _document, ...rest } = request;
  const [from, to] = [dayOf(request.start), dayOf(request.end)];
  return {
    ...rest,
    ...(from && to ? { days: daysBetween(from, to) } : {}),
    ...(policy !== undefined ? { policy: refOf(policy) ?? null } : {}),
    ...(Array.isArray(employees) ? { employees: employees.map((employee) => refOf(employee)) } : {}),
  };
}

/**
 * A request on one line: who (by name, with ids), from which day to which and how many days, its status
 * and id, the policy, whether it is a holiday, and its description.
 */
export function describeRequest(request: Item): string {
  const employees = Array.isArray(request.employees) ? (request.employees as Item[]) : undefined;
  const who = employees ? (employees.length ? employees.map(label).join(', ') : 'no employee') : 'employees not loaded';
  const days = typeof request.days === 'number' ? `, ${plural(request.days, 'day')}` : '';
  const policy = request.policy && typeof request.policy === 'object' ? `policy ${label(request.policy as Item)}` : request.policyId ? `policy ${String(request.policyId)}` : '';
  const facts = [policy, request.isHoliday ? 'holiday' : '', request.description ? `"${String(request.description)}"` : ''].filter(Boolean);
  return `${who}: ${formatValue(request.start)} to ${formatValue(request.end)}${days} [${String(request.status ?? 'no status')}] (id ${String(request.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

/** The most employees a policy's line names; the count is always there. */
const SHOWN_EMPLOYEES = 5;

/** A policy on one line: name and id, paid or not, whether requests need approval, and whom it covers. */
export function describePolicy(policy: Item): string {
  const employees = Array.isArray(policy.employees) ? (policy.employees as Item[]).map((employee) => refOf(employee)!) : undefined;
  const covers = employees
    ? employees.length
      ? `${plural(employees.length, 'employee')}: ${employees.slice(0, SHOWN_EMPLOYEES).map(label).join(', ')}${employees.length > SHOWN_EMPLOYEES ? ' and more' : ''}`
      : 'no employees'
    : '';
  const facts = [policy.paid ? 'paid' : 'unpaid', policy.requiresApproval ? 'requires approval' : 'no approval needed', covers].filter(Boolean);
  return `${String(policy.name ?? '(unnamed)')} (id ${String(policy.id)}) · ${facts.join(' · ')}`;
}

/**
 * Gauzy's time-off policy (TimeOffPolicyController). GET /api/time-off-policy reads `?data={"findInput":…,
 * "relations":…}` and answers every match (CrudService.findAll without take or skip); GET /:id joins nothing
 * (findOneByIdString without options), so a policy is read through the list. PUT /:id does not change the
 * policy: TimeOffPolicyService.update deletes it, with every request filed under it, and saves a new one
 * (seen on the real Gauzy); update_time_off_policy does it the safe way round (see tools/policies.ts).
 */
export const timeOffPolicyEntity = defineEntity({
  name: 'timeOffPolicy',
  gauzyClass: 'TimeOffPolicy',
  noun: 'time off policy',
  plural: 'time off policies',
  path: '/api/time-off-policy',
  operations: ['findAll', 'create', 'delete'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: {
    name: z.string().trim().min(1),
    // The columns are NOT NULL without a default: Gauzy's create fails without them. Its own seed's policy is paid, without approval.
    paid: z.boolean().default(true),
    requiresApproval: z.boolean().default(true),
    employeeIds: z.array(uuid()).optional(),
  },
  relations: {
    employees: { kind: 'manyToMany', entity: 'employee', key: 'employeeIds' },
  },
  // Callers do not pick relations: every policy answer joins its employees (with their users).
  include: [],
  // The service looks the employees up by id (`In(entity.employees)`): ids, not `{id}` objects.
  body: ({ employeeIds, ...rest }) => ({ ...rest, employees: Array.isArray(employeeIds) ? employeeIds : [] }),
  describe: describePolicy,
});

/**
 * Gauzy's time-off request (TimeOffRequestController). The tools read its /pagination route, filter the
 * employee and policy themselves and bound the days (see tools/read.ts). GET /:id joins nothing; PUT /:id
 * saves `{ id, ...body }`; approving and denying are PUT /approval/:id and /denied/:id (SUPER_ADMIN, ADMIN).
 */
export const timeOffRequestEntity = defineEntity({
  name: 'timeOffRequest',
  gauzyClass: 'TimeOffRequest',
  noun: 'time off request',
  plural: 'time off requests',
  path: '/api/time-off-request',
  operations: ['pagination', 'count', 'findById', 'create', 'update', 'delete'],
  scope: 'organization',
  fields: {
    employeeIds: z.array(uuid()).optional().describe('Default: you'),
    policyId: uuid().optional().describe('Default: the only policy'),
    start: isoDate(),
    end: isoDate(),
    description: z.string().trim().optional(),
  },
  columns: ['status', 'requestDate', 'isHoliday'],
  relations: {
    employees: { kind: 'manyToMany', entity: 'employee', key: 'employeeIds' },
    policy: { kind: 'manyToOne', entity: 'timeOffPolicy', key: 'policyId' },
  },
  // Callers do not pick relations: every request answer joins its employees (with their users) and policy.
  include: [],
  aliases: {
    list: ['get_time_off_requests', 'get_time_off_request_count'],
    get: ['get_time_off_request'],
  },
  describe: describeRequest,
});
