import { defineEntity, formatValue, isoDate, personName } from '@gauzy-mcp/core';
import { z } from 'zod';

/** The lookups every client may get by default (find a person by name, read one). */
export const EMPLOYEES_TOOLSET = 'employees';
/** Hiring, changes, archive and restore, statistics, availability: for the people who manage staff. */
export const EMPLOYEES_ADMIN_TOOLSET = 'employees-admin';
/** Several hires at once: large and rarely needed (create_employee does the same one by one). */
export const EMPLOYEES_BULK_TOOLSET = 'employees-bulk';

/** Gauzy's PayPeriodEnum, exactly. */
export const PayPeriod = z.enum(['NONE', 'BI_WEEKLY', 'WEEKLY', 'TWICE_PER_MONTH', 'MONTHLY']);

/**
 * What a caller may change on an employee (UpdateEmployeeDTO = UpdateProfileDTO ∩ the admin-only flags). The
 * profile part (EmploymentDTO, the rates) is also what PUT /api/employee/:id/profile takes for one's own record.
 */
export const employeeFields = {
  startedWorkOn: isoDate().optional(),
  endWork: isoDate().optional().describe('Last working day; Gauzy then marks them inactive'),
  short_description: z.string().max(200).optional().describe('Job title or one-line bio'),
  employeeLevel: z.string().max(500).optional(),
  billRateValue: z.number().min(0).optional().describe('Bill rate per hour'),
  billRateCurrency: z.string().length(3).optional().describe('ISO 4217 code, e.g. USD'),
  payPeriod: PayPeriod.optional(),
  reWeeklyLimit: z.number().min(0).optional().describe('Weekly hour limit'),
  isTrackingEnabled: z.boolean().optional().describe('May track time (admins only)'),
  allowManualTime: z.boolean().optional().describe('May add time by hand (admins only)'),
};

/** The fields UpdateProfileDTO has: what an employee may change on their own record. */
export const PROFILE_FIELDS: ReadonlySet<string> = new Set(['startedWorkOn', 'endWork', 'short_description', 'employeeLevel', 'billRateValue', 'billRateCurrency', 'payPeriod', 'reWeeklyLimit']);

/**
 * EmployeeUpdateHandler saves `upworkId: input.upworkId || null, linkedInId: input.linkedInId || null`: a body
 * without them clears both, so they carry over from the current record.
 */
export const employeeUpdateBodyFields = ['upworkId', 'linkedInId'] as const;

/**
 * What a list's `fields` may pick: the facts a person asks about an employee (the entity has many more columns,
 * and every list repeats this enum in tools/list). The name, job and email always come with the line.
 */
export const employeeListFields = { fieldNames: ['startedWorkOn', 'endWork', 'short_description', 'billRateValue', 'billRateCurrency', 'isActive', 'isTrackingEnabled', 'createdAt'] } as const;

type Item = Record<string, unknown>;

const userOf = (employee: Item) => (employee.user && typeof employee.user === 'object' ? (employee.user as Item) : undefined);

/**
 * An employee on one line, as "who is Alish?" asks: full name and id, job, email, start date, bill rate
 * where Gauzy sent them, and whether the record is archived or inactive.
 */
export function describeEmployee(employee: Item): string {
  const name = personName(employee) ?? '(no name)';
  const position = employee.organizationPosition && typeof employee.organizationPosition === 'object' ? (employee.organizationPosition as Item).name : undefined;
  const email = userOf(employee)?.email;
  const rate = typeof employee.billRateValue === 'number' && employee.billRateValue > 0 ? `bill rate ${employee.billRateValue} ${String(employee.billRateCurrency ?? '')}`.trim() : '';
  const state = [employee.deletedAt ? 'archived' : '', employee.isActive === false ? 'inactive' : ''].filter(Boolean);
  const facts = [
    typeof position === 'string' ? position : '',
    typeof employee.short_description === 'string' ? employee.short_description : '',
    typeof email === 'string' ? email : '',
    employee.startedWorkOn ? `started ${formatValue(employee.startedWorkOn)}` : '',
    employee.endWork ? `until ${formatValue(employee.endWork)}` : '',
    rate,
  ].filter(Boolean);
  return `${name}${state.length ? ` [${state.join(', ')}]` : ''} (id ${String(employee.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

export const employeeEntity = defineEntity({
  name: 'employee',
  gauzyClass: 'Employee',
  noun: 'employee',
  plural: 'employees',
  path: '/api/employee',
  // No hard delete offered: archive (soft delete) is what Gauzy's own app does, and Gauzy can restore it.
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'softDelete', 'recover'],
  scope: 'organization',
  fields: employeeFields,
  columns: ['fullName', 'userId', 'organizationPositionId', 'isActive', 'isOnline', 'isAway', 'isTrackingTime'],
  update: { mode: 'merge', bodyFields: employeeUpdateBodyFields },
  // EmployeeService overrides softRecover (softRecoverById looks with withDeleted), so PUT /:id/recover restores.
  softDelete: { recover: true },
  relations: {
    user: { kind: 'manyToOne', entity: 'user', key: 'userId' },
    organization: { kind: 'manyToOne', entity: 'organization', key: 'organizationId' },
    organizationPosition: { kind: 'manyToOne', entity: 'organizationPosition', key: 'organizationPositionId' },
    projects: { kind: 'oneToMany', entity: 'organizationProjectEmployee', key: 'employeeId' },
    teams: { kind: 'oneToMany', entity: 'organizationTeamEmployee', key: 'employeeId' },
  },
  include: ['user', 'organizationPosition', 'projects', 'teams'],
  aliases: { list: ['get_employees', 'get_employees_pagination', 'get_organization_members', 'get_employee_count'], get: ['get_employee', 'get_current_employee'], archive: ['soft_delete_employee'] },
  describe: describeEmployee,
  summaryRelations: ['user', 'organizationPosition'],
});

/** A job position (OrganizationPosition); reached through the employee's relation only. */
export const positionEntity = defineEntity({
  name: 'organizationPosition', gauzyClass: 'OrganizationPosition', noun: 'position', plural: 'positions', path: '', operations: [], scope: 'organization', fields: {},
});

/**
 * AvailabilitySlot: bookable time (appointments), an employee's or, without employeeId, the organization's;
 * listed through `?data=`. (Gauzy's EmployeeAvailability routes are in its source, but no module of the API
 * loads them: GET /api/employee-availability answers 404 "Cannot GET".)
 */
export const availabilitySlotEntity = defineEntity({
  name: 'availabilitySlot',
  gauzyClass: 'AvailabilitySlot',
  noun: 'availability slot',
  plural: 'availability slots',
  path: '/api/availability-slots',
  operations: ['findAll'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  // TenantAwareCrudService: a caller without CHANGE_SELECTED_EMPLOYEE sees only their own slots.
  employeeScoped: true,
  fields: {
    employeeId: z.string().optional(),
    startTime: isoDate(),
    endTime: isoDate(),
    allDay: z.boolean(),
    type: z.enum(['Default', 'Recurring']),
  },
  relations: { employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' } },
});
