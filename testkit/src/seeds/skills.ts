import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Fixed ids of the demo skills and awards, so tests can name them. */
export const DEMO_SKILL_IDS = {
  react: '5a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c61',
  nestjs: '5a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c62',
  award: '5a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c63',
} as const;

/** Demo rows for the skills pack (Gauzy's demo seed has skills and awards too): two skills, one award. */
export function seedSkillsDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const { superAdmin, employee } = info.users;
  insertEntity(store, 'skill', { id: DEMO_SKILL_IDS.react, name: 'React', color: '#61dafb', description: null, employeeIds: [employee.employeeId] }, scope);
  insertEntity(store, 'skill', { id: DEMO_SKILL_IDS.nestjs, name: 'NestJS', color: '#e0234e', description: null, employeeIds: [superAdmin.employeeId, employee.employeeId] }, scope);
  insertEntity(store, 'employeeAward', { id: DEMO_SKILL_IDS.award, name: 'Google Developer Expert', year: '2019', employeeId: superAdmin.employeeId }, scope);
}
