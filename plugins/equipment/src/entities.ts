import { currencyCode, defineEntity, formatValue, isoDate, personName, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const EQUIPMENT_TOOLSET = 'equipment';
export const SHARING_TOOLSET = 'equipment-sharing';

type Item = Record<string, unknown>;

/**
 * A sharing's status. Gauzy stores RequestApprovalStatusTypesEnum numbers (REQUESTED = 1, APPROVED = 2,
 * REFUSED = 3); the tools speak the names of EquipmentSharingStatusEnum.
 */
export const SharingStatus = z.enum(['REQUESTED', 'APPROVED', 'REFUSED']);
export type SharingStatusName = z.infer<typeof SharingStatus>;
export const STATUS_NUMBER: Readonly<Record<SharingStatusName, number>> = { REQUESTED: 1, APPROVED: 2, REFUSED: 3 };
export const statusName = (value: unknown): string => (Object.entries(STATUS_NUMBER).find(([, number]) => number === value)?.[0] ?? `status ${String(value)}`);

const DAY_MS = 86_400_000;

/** The UTC day of a date or date-time (`2026-12-07`), or undefined. */
export const dayOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString().slice(0, 10);
};

/** Calendar days from one day to another, both counted. */
export const daysBetween = (from: string, to: string): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1);

/** Today, UTC (`2026-12-03`). */
export const today = (): string => new Date().toISOString().slice(0, 10);

export const ref = (record: Item): Item => ({ id: record.id, name: personName(record) ?? (typeof record.name === 'string' ? record.name : undefined) });
const label = (record: Item) => `${String(record.name ?? 'unnamed')} (id ${String(record.id)})`;

/**
 * A sharing as the tools answer it: its columns, the status by name, the equipment, employees and teams as
 * `{ id, name }`, the policy's name and the days it covers (Gauzy sends whole records).
 */
export function compactSharing(sharing: Item): Item {
  const { employees, teams, equipment, equipmentSharingPolicy, status, ...rest } = sharing;
  const [from, to] = [dayOf(sharing.shareStartDay), dayOf(sharing.shareEndDay)];
  return {
    ...rest,
    status: statusName(status),
    ...(from && to ? { days: daysBetween(from, to) } : {}),
    ...(equipment && typeof equipment === 'object' ? { equipment: ref(equipment as Item) } : {}),
    ...(equipmentSharingPolicy && typeof equipmentSharingPolicy === 'object' ? { policy: ref(equipmentSharingPolicy as Item) } : {}),
    ...(Array.isArray(employees) ? { employees: (employees as Item[]).map(ref) } : {}),
    ...(Array.isArray(teams) ? { teams: (teams as Item[]).map(ref) } : {}),
  };
}

/** A sharing on one line: the equipment, with whom, from which day to which, its status, who asked and why. */
export function describeSharing(sharing: Item): string {
  const equipment = sharing.equipment ? label(sharing.equipment as Item) : `equipment ${String(sharing.equipmentId ?? '?')}`;
  const people = [...((sharing.employees as Item[] | undefined) ?? []), ...((sharing.teams as Item[] | undefined) ?? []).map((team) => ({ ...team, name: `team ${String(team.name)}` }))];
  const who = people.length ? people.map(label).join(', ') : 'nobody';
  const days = typeof sharing.days === 'number' ? `, ${sharing.days} day${sharing.days === 1 ? '' : 's'}` : '';
  const facts = [sharing.policy ? `policy ${label(sharing.policy as Item)}` : '', sharing.name ? `"${String(sharing.name)}"` : ''].filter(Boolean);
  return `${equipment} → ${who}: ${formatValue(dayOf(sharing.shareStartDay))} to ${formatValue(dayOf(sharing.shareEndDay))}${days} [${String(sharing.status)}] (id ${String(sharing.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

/** An approved sharing that has not ended, as an equipment answer carries it. */
interface Lending { id: unknown; from?: string; to?: string; employees: Item[]; teams: Item[] }

/**
 * Equipment as the tools answer it: its columns, whether it is free today, and its approved sharings that
 * have not ended (who has it or will have it, when), with the count of requests still waiting.
 */
export function compactEquipment(equipment: Item, on = today()): Item {
  const { equipmentSharings, tags, image: _image, ...rest } = equipment;
  if (!Array.isArray(equipmentSharings)) return { ...rest, ...(Array.isArray(tags) ? { tags: (tags as Item[]).map(ref) } : {}) };
  const sharings = equipmentSharings as Item[];
  const lendings: Lending[] = sharings
    .filter((sharing) => sharing.status === STATUS_NUMBER.APPROVED && (dayOf(sharing.shareEndDay) ?? '9999') >= on)
    .map((sharing) => ({
      id: sharing.id,
      from: dayOf(sharing.shareStartDay),
      to: dayOf(sharing.shareEndDay),
      employees: ((sharing.employees as Item[] | undefined) ?? []).map(ref),
      teams: ((sharing.teams as Item[] | undefined) ?? []).map(ref),
    }))
    .sort((a, b) => String(a.from).localeCompare(String(b.from)));
  const now = lendings.find((lending) => (lending.from ?? '0000') <= on);
  return {
    ...rest,
    ...(Array.isArray(tags) ? { tags: (tags as Item[]).map(ref) } : {}),
    availableToday: !now,
    approvedSharings: lendings,
    pendingRequests: sharings.filter((sharing) => sharing.status === STATUS_NUMBER.REQUESTED).length,
  };
}

const lendingText = (lending: Lending) =>
  `${[...lending.employees, ...lending.teams.map((team) => ({ ...team, name: `team ${String(team.name)}` }))].map(label).join(', ') || 'nobody'} ${formatValue(lending.from)} to ${formatValue(lending.to)}`;

/** Equipment on one line: name, id, type, serial, year, cost, share rules, and who has it when. */
export function describeEquipment(equipment: Item): string {
  const cost = typeof equipment.initialCost === 'number' ? `${equipment.initialCost} ${String(equipment.currency ?? '')}`.trim() : '';
  const rules = [
    typeof equipment.maxSharePeriod === 'number' ? `shares up to ${equipment.maxSharePeriod} days` : '',
    equipment.autoApproveShare === true ? 'requests auto-approved' : equipment.autoApproveShare === false ? 'requests need approval' : '',
  ];
  const lendings = equipment.approvedSharings as Lending[] | undefined;
  const use = lendings
    ? [
        equipment.availableToday ? 'available today' : 'in use today',
        ...lendings.map((lending) => `shared with ${lendingText(lending)} (sharing ${String(lending.id)})`),
        equipment.pendingRequests ? `${String(equipment.pendingRequests)} pending request${equipment.pendingRequests === 1 ? '' : 's'}` : '',
      ]
    : [];
  const facts = [
    equipment.type ? String(equipment.type) : '',
    equipment.serialNumber ? `serial ${String(equipment.serialNumber)}` : '',
    typeof equipment.manufacturedYear === 'number' ? `made ${equipment.manufacturedYear}` : '',
    cost,
    ...rules,
    ...use,
  ].filter(Boolean);
  return `${String(equipment.name ?? '(unnamed)')} (id ${String(equipment.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

export const EQUIPMENT_RELATIONS = ['equipmentSharings', 'equipmentSharings.employees', 'equipmentSharings.employees.user', 'equipmentSharings.teams'] as const;

/**
 * Gauzy's equipment (EquipmentController: TenantPermissionGuard only, so every signed-in user may read and
 * change it). POST validates CreateEquipmentDTO (name and currency IsNotEmpty) and then inserts; type,
 * serialNumber and autoApproveShare are NOT NULL columns without a default, so without them the insert fails
 * (400 with the driver's SQLITE_CONSTRAINT_NOTNULL, seen on the real Gauzy). PUT /:id is `save({ id, ...body })`
 * under UpdateEquipmentDTO (= the create DTO: name and currency required): what is not sent stays. GET /:id
 * ignores `relations`; /pagination matches name, type and serialNumber with LIKE and joins relations.
 */
export const equipmentEntity = defineEntity({
  name: 'equipment',
  gauzyClass: 'Equipment',
  noun: 'equipment',
  plural: 'equipment',
  path: '/api/equipment',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: {
    name: z.string().trim().min(1),
    type: z.string().trim(),
    serialNumber: z.string().trim(),
    currency: currencyCode(),
    initialCost: z.number().nonnegative().optional(),
    manufacturedYear: z.number().int().optional(),
    maxSharePeriod: z.number().int().positive().optional().describe('Days'),
    autoApproveShare: z.boolean().optional(),
  },
  update: { mode: 'merge', bodyFields: ['name', 'currency'] },
  relations: {
    equipmentSharings: { kind: 'oneToMany', entity: 'equipmentSharing', key: 'equipmentId' },
    tags: { kind: 'manyToMany', entity: 'tag', key: 'tagIds' },
  },
  // The tools join the sharings themselves (GET /:id ignores relations): no relations parameter is offered.
  include: [],
  describe: describeEquipment,
});

/**
 * Gauzy's equipment sharing: an equipment lent to employees and/or teams for a period, with a status
 * (1 REQUESTED, 2 APPROVED, 3 REFUSED) and optionally a sharing policy. Requests are made with
 * POST /organization/:id (EQUIPMENT_MAKE_REQUEST or ORG_EQUIPMENT_SHARING_EDIT), which also files a
 * RequestApproval; PUT /:id (EQUIPMENT_APPROVE_REQUEST or ORG_EQUIPMENT_SHARING_EDIT) deletes the sharing and
 * saves the body as a new one. GET / (`?data=`) filters the columns exactly and joins relations; DELETE /:id
 * has no permission of its own.
 */
export const equipmentSharingEntity = defineEntity({
  name: 'equipmentSharing',
  gauzyClass: 'EquipmentSharing',
  noun: 'equipment sharing',
  plural: 'equipment sharings',
  path: '/api/equipment-sharing',
  operations: ['findAll', 'pagination', 'count', 'findById', 'delete'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: {
    equipmentId: uuid(),
    employeeIds: z.array(uuid()).optional().describe('Default: you'),
    teamIds: z.array(uuid()).optional(),
    shareStartDay: isoDate(),
    shareEndDay: isoDate(),
    name: z.string().trim().optional().describe('Reason'),
  },
  columns: ['status', 'shareRequestDay'],
  relations: {
    equipment: { kind: 'manyToOne', entity: 'equipment', key: 'equipmentId' },
    equipmentSharingPolicy: { kind: 'manyToOne', entity: 'equipmentSharingPolicy', key: 'equipmentSharingPolicyId' },
    employees: { kind: 'manyToMany', entity: 'employee', key: 'employeeIds' },
    teams: { kind: 'manyToMany', entity: 'organizationTeam', key: 'teamIds' },
  },
  include: [],
  describe: describeSharing,
});

export function describePolicy(policy: Item): string {
  return `${String(policy.name ?? '(unnamed)')} (id ${String(policy.id)})${policy.description ? ` · ${String(policy.description)}` : ''}`;
}

/**
 * Gauzy's equipment sharing policy (name, description): a label a sharing may carry. Listing needs
 * ALL_ORG_VIEW or EQUIPMENT_SHARING_POLICY_VIEW (an EMPLOYEE has the latter); the rest needs ALL_ORG_EDIT or
 * an EQUIPMENT_SHARING_POLICY_* permission.
 */
export const equipmentSharingPolicyEntity = defineEntity({
  name: 'equipmentSharingPolicy',
  gauzyClass: 'EquipmentSharingPolicy',
  noun: 'equipment sharing policy',
  plural: 'equipment sharing policies',
  path: '/api/equipment-sharing-policy',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  scope: 'organization',
  fields: { name: z.string().trim().min(1), description: z.string().optional() },
  describe: describePolicy,
});
