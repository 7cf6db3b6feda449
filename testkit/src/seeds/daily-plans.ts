import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Midnight UTC `offset` days from today, as Gauzy stores a plan made for a calendar day. */
const dayAt = (offset: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString();
};

/**
 * Demo rows for the daily-plans pack (Gauzy's demo seed has none; a team's members plan their days in the
 * Ever Teams app): the default employee's plans for today and tomorrow, the super admin's for today and a
 * demo employee's finished one of yesterday, all in the demo team, with tasks of the demo seed.
 */
export function seedDailyPlansDemo(store: SandboxStore, info: SeedInfo): void {
  const team = info.teams[0];
  const tasks = store.list('task').filter((task) => task.tenantId === info.tenantId && task.organizationId === info.organizationId && !task.deletedAt);
  if (!team || tasks.length < 4) return;
  const assigned = (employeeId: string) => tasks.filter((task) => Array.isArray(task.memberIds) && (task.memberIds as string[]).includes(employeeId));
  const pick = (employeeId: string, count: number) => [...assigned(employeeId), ...tasks].slice(0, count).map((task) => task.id);
  const { employee, superAdmin } = info.users;
  const demo = info.demoEmployees[0];
  const plans = [
    { employeeId: employee.employeeId, date: dayAt(0), workTimePlanned: 6, status: 'in-progress', taskIds: pick(employee.employeeId, 2) },
    { employeeId: employee.employeeId, date: dayAt(1), workTimePlanned: 4, status: 'open', taskIds: pick(employee.employeeId, 3).slice(2) },
    { employeeId: superAdmin.employeeId, date: dayAt(0), workTimePlanned: 8, status: 'open', taskIds: pick(superAdmin.employeeId, 1) },
    ...(demo ? [{ employeeId: demo.employeeId, date: dayAt(-1), workTimePlanned: 7.5, status: 'completed', taskIds: pick(demo.employeeId, 2) }] : []),
  ];
  for (const plan of plans) {
    insertEntity(store, 'dailyPlan', { ...plan, organizationTeamId: team.id }, { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: superAdmin.id });
  }
}
