import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Fixed ids of the demo time-off rows, so tests can name them. */
export const DEMO_TIME_OFF_IDS = {
  defaultPolicy: '5a1e0c2b-7d3f-4e8a-9b1c-2d3e4f5a6b71',
  vacation: '5b2f1d3c-8e4a-4f9b-8c2d-3e4f5a6b7c82',
  sickLeave: '5c3a2e4d-9f5b-4a8c-9d3e-4f5a6b7c8d93',
  /** The employee's vacation next week, waiting for approval. */
  nextWeekVacation: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01',
  /** The super admin's approved day off last month. */
  lastMonthDayOff: '6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d02',
  /** A demo employee's leave that started two weeks ago and lasts past next week. */
  longLeave: '6c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e03',
  /** A demo employee's denied sick day in two weeks. */
  deniedSickDay: '6d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f04',
} as const;

const DAY_MS = 86_400_000;

/** Midnight UTC of the Monday of the week `weeks` from this one, plus `days`. */
function mondayPlus(weeks: number, days = 0): string {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  return new Date(today - sinceMonday * DAY_MS + (weeks * 7 + days) * DAY_MS).toISOString();
}

/**
 * Demo rows for the time-off pack. Gauzy's seed gives every organization a "Default Policy" (paid, no approval,
 * and, since it is inserted with a query builder, no employees); the demo adds policies and requests around
 * now: one waiting for approval next week, one approved last month, one long leave spanning next week, one
 * denied.
 */
export function seedTimeOffDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const { superAdmin, employee } = info.users;
  const [first, second] = info.demoEmployees.map((entry) => entry.employeeId);
  const ids = DEMO_TIME_OFF_IDS;
  const policies = [
    { id: ids.defaultPolicy, name: 'Default Policy', requiresApproval: false, paid: true, employeeIds: [] },
    { id: ids.vacation, name: 'Vacation', requiresApproval: true, paid: true, employeeIds: [superAdmin.employeeId, employee.employeeId, first].filter(Boolean) },
    { id: ids.sickLeave, name: 'Sick Leave', requiresApproval: false, paid: true, employeeIds: [employee.employeeId, first, second].filter(Boolean) },
  ];
  for (const policy of policies) insertEntity(store, 'timeOffPolicy', policy, scope);
  const requests = [
    { id: ids.nextWeekVacation, employeeIds: [employee.employeeId], policyId: ids.vacation, start: mondayPlus(1), end: mondayPlus(1, 4), status: 'REQUESTED', description: 'Family trip' },
    { id: ids.lastMonthDayOff, employeeIds: [superAdmin.employeeId], policyId: ids.vacation, start: mondayPlus(-5, 4), end: mondayPlus(-5, 4), status: 'APPROVED', description: 'Long weekend' },
    { id: ids.longLeave, employeeIds: [first].filter(Boolean), policyId: ids.sickLeave, start: mondayPlus(-2), end: mondayPlus(3, 4), status: 'APPROVED', description: 'Recovery after surgery' },
    { id: ids.deniedSickDay, employeeIds: [second].filter(Boolean), policyId: ids.sickLeave, start: mondayPlus(2, 2), end: mondayPlus(2, 2), status: 'DENIED', description: 'Dentist' },
  ];
  for (const request of requests) {
    insertEntity(store, 'timeOffRequest', { ...request, requestDate: mondayPlus(-6), isHoliday: false, documentUrl: null }, scope);
  }
}
