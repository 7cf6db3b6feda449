import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Fixed ids of the demo goals, key results and templates, so tests can name them. */
export const DEMO_GOAL_IDS = {
  /** Organization goal led by the super admin, 33% (its two key results: 50% weighted x2, 0%). */
  performance: '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  /** Team goal of the demo team, with one key result past its hard deadline. */
  landingPage: '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c02',
  /** The employee's own goal, aligned under the performance goal's load-time key result; no key results. */
  uiProblems: '7a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c03',
  loadTime: '7b1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c11',
  caching: '7b1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c12',
  visitors: '7b1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c13',
  loadTimeUpdate: '7c1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c21',
  template: '7d1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c31',
  kpi: '7e1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c41',
} as const;

/**
 * Demo rows for the goals pack, as Gauzy's seed makes them: goals named after its DEFAULT_GOALS, deadlines named
 * after its time frames (`Annual-<year>`, `Q4-<year>`), key results with their updates, a goal template with its
 * key result templates, a KPI, the year's time frames.
 */
export function seedGoalsDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const { superAdmin, employee } = info.users;
  const team = info.teams[0];
  const year = new Date().getUTCFullYear();
  const ids = DEMO_GOAL_IDS;
  insertEntity(store, 'goal', { id: ids.performance, name: 'Improve product performance', description: 'Faster pages, fewer complaints', deadline: `Annual-${year}`, level: 'Organization', progress: 33, leadId: superAdmin.employeeId }, scope);
  insertEntity(store, 'goal', { id: ids.landingPage, name: 'Redesign and launch our new landing page', description: '', deadline: `Q4-${year}`, level: 'Team', progress: 0, ownerTeamId: team?.id ?? null }, scope);
  insertEntity(store, 'keyResult', {
    id: ids.loadTime, goalId: ids.performance, name: 'Cut page load time to 2 seconds', description: '', type: 'Numerical', initialValue: 6, targetValue: 2, unit: 'seconds',
    update: 4, progress: 50, deadline: 'No Custom Deadline', status: 'on track', weight: '2', ownerId: superAdmin.employeeId,
  }, scope);
  insertEntity(store, 'keyResult', {
    id: ids.caching, goalId: ids.performance, name: 'Ship the caching layer', description: '', type: 'True/False', initialValue: 0, targetValue: 1, unit: null,
    update: 0, progress: 0, deadline: 'No Custom Deadline', status: 'none', weight: '1', ownerId: employee.employeeId,
  }, scope);
  insertEntity(store, 'keyResult', {
    id: ids.visitors, goalId: ids.landingPage, name: 'Sign up 200 visitors', description: '', type: 'Numerical', initialValue: 0, targetValue: 200, unit: 'visitors',
    update: 0, progress: 0, deadline: 'Hard Deadline', hardDeadline: new Date(Date.UTC(year - 1, 11, 31)).toISOString(), status: 'none', weight: '1', ownerId: employee.employeeId,
  }, scope);
  insertEntity(store, 'keyResultUpdate', { id: ids.loadTimeUpdate, keyResultId: ids.loadTime, owner: superAdmin.employeeId, update: 4, progress: 50, status: 'on track' }, scope);
  insertEntity(store, 'goal', {
    id: ids.uiProblems, name: 'Identify problems with current user interface', description: '', deadline: `Q4-${year}`, level: 'Employee', progress: 0,
    ownerEmployeeId: employee.employeeId, alignedKeyResultId: ids.loadTime,
  }, scope);
  // GoalTimeFrameSeed: the year and its four quarters, active.
  insertEntity(store, 'goalTimeFrame', { name: `Annual-${year}`, status: 'Active', startDate: new Date(Date.UTC(year, 0, 1)).toISOString(), endDate: new Date(Date.UTC(year, 11, 31)).toISOString() }, scope);
  for (let quarter = 1; quarter <= 4; quarter++) {
    const startDate = new Date(Date.UTC(year, (quarter - 1) * 3, 1)).toISOString();
    const endDate = new Date(Date.UTC(year, quarter * 3, 0)).toISOString();
    insertEntity(store, 'goalTimeFrame', { name: `Q${quarter}-${year}`, status: 'Active', startDate, endDate }, scope);
  }
  insertEntity(store, 'goalTemplate', { id: ids.template, name: 'Improve product performance', level: 'Organization', category: 'Product Management' }, scope);
  insertEntity(store, 'keyResultTemplate', { name: 'Reduce the load time of the main page', type: 'Numerical', unit: 'seconds', initialValue: 6, targetValue: 2, deadline: 'No Custom Deadline', goalId: ids.template }, scope);
  insertEntity(store, 'keyResultTemplate', { name: 'Fix the ten slowest queries', type: 'Numerical', unit: 'items', initialValue: 0, targetValue: 10, deadline: 'No Custom Deadline', goalId: ids.template }, scope);
  insertEntity(store, 'goalKpi', { id: ids.kpi, name: 'Average response time', description: 'API, in ms', type: 'Numerical', unit: 'ms', operator: '<=', currentValue: 450, targetValue: 200 }, scope);
}
