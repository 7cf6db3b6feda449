import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Fixed ids of the demo equipment rows, so tests can name them. */
export const DEMO_EQUIPMENT_IDS = {
  policy: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b01',
  /** On loan to the demo employee since three days ago, for ten more days; requests need approval. */
  laptop: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b11',
  /** Free; requests are approved at once, for up to 7 days. */
  car: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b12',
  /** Free; a demo employee asked for it for two days next week (waiting). */
  projector: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b13',
  approvedLoan: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b21',
  pendingRequest: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b22',
  refusedRequest: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b23',
} as const;

const DAY_MS = 86_400_000;

/** Midnight UTC `days` from today. */
function dayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString();
}

/**
 * Demo rows for the equipment pack: Gauzy's seed gives each organization a "Default Approval Policy"; the demo
 * adds a laptop on loan to the demo employee (approved), a car that auto-approves, a projector a demo employee
 * asked for (REQUESTED), and a refused request for the laptop while it is out. Statuses as Gauzy stores them
 * (1 REQUESTED, 2 APPROVED, 3 REFUSED), each sharing with its RequestApproval.
 */
export function seedEquipmentDemo(store: SandboxStore, info: SeedInfo): void {
  if (!store.entities.has('equipment') || !store.entities.has('equipmentSharing')) return;
  const ids = DEMO_EQUIPMENT_IDS;
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const [first, second] = info.demoEmployees;
  if (store.entities.has('equipmentSharingPolicy')) {
    insertEntity(store, 'equipmentSharingPolicy', { id: ids.policy, name: 'Default Approval Policy', description: 'Default approval policy' }, scope);
  }
  const equipment = [
    { id: ids.laptop, name: 'MacBook Pro 16', type: 'Laptop', serialNumber: 'C02XL0001', manufacturedYear: 2023, initialCost: 2499, currency: 'USD', maxSharePeriod: 30, autoApproveShare: false },
    { id: ids.car, name: 'Fiat Freemont', type: 'Car', serialNumber: 'CB0950AT', manufacturedYear: 2015, initialCost: 40000, currency: 'USD', maxSharePeriod: 7, autoApproveShare: true },
    { id: ids.projector, name: 'Epson projector', type: 'Projector', serialNumber: 'EPS-2201', manufacturedYear: 2021, initialCost: 650, currency: 'EUR', maxSharePeriod: 3, autoApproveShare: false },
  ];
  for (const row of equipment) insertEntity(store, 'equipment', row, scope);
  const sharings = [
    {
      id: ids.approvedLoan, name: 'Client on-site work', equipmentId: ids.laptop, employeeIds: [info.users.employee.employeeId], status: 2,
      shareRequestDay: dayFromToday(-5), shareStartDay: dayFromToday(-3), shareEndDay: dayFromToday(10), equipmentSharingPolicyId: ids.policy,
      createdByUserId: info.users.employee.id,
    },
    {
      id: ids.pendingRequest, name: 'Team workshop', equipmentId: ids.projector, employeeIds: [first!.employeeId], status: 1,
      shareRequestDay: dayFromToday(-1), shareStartDay: dayFromToday(7), shareEndDay: dayFromToday(8), createdByUserId: first!.userId,
    },
    {
      id: ids.refusedRequest, name: 'Conference', equipmentId: ids.laptop, employeeIds: [second!.employeeId], status: 3,
      shareRequestDay: dayFromToday(-2), shareStartDay: dayFromToday(2), shareEndDay: dayFromToday(5), createdByUserId: second!.userId,
    },
  ];
  for (const { createdByUserId, ...row } of sharings) {
    insertEntity(store, 'equipmentSharing', row, { ...scope, createdByUserId });
    insertEntity(store, 'requestApproval', { requestId: row.id, requestType: 'EQUIPMENT_SHARING', status: row.status, name: row.name, min_count: 1 }, scope);
  }
}
