import { insertEntity } from './engine/records.js';
import { DEFAULT_ROLE_PERMISSIONS, type SeedRoleName } from './role-permissions.js';
import { hashPassword } from './routes/auth-routes.js';
import { SEED_IDS, SEED_PASSWORDS } from './seed-ids.js';
import { seedEmployeesDemo } from './seeds/employees.js';
import { seedSkillsDemo } from './seeds/skills.js';
import { seedContactsDemo } from './seeds/contacts.js';
import { seedCandidatesDemo } from './seeds/candidates.js';
import { seedTimeOffDemo } from './seeds/time-off.js';
import { seedDailyPlansDemo } from './seeds/daily-plans.js';
import { seedCommentsDemo } from './seeds/comments.js';
import { seedInvoicesDemo } from './seeds/invoices.js';
import { seedPaymentsDemo } from './seeds/payments.js';
import { seedExpensesDemo } from './seeds/expenses.js';
import { seedIncomeDemo } from './seeds/income.js';
import { seedSalesDemo } from './seeds/sales.js';
import { seedGoalsDemo } from './seeds/goals.js';
import { seedProductsDemo } from './seeds/products.js';
import { seedEquipmentDemo } from './seeds/equipment.js';
import { seedWarehousesDemo } from './seeds/warehouses.js';
import { seedReportsDemo } from './seeds/reports.js';
import type { Row, SandboxStore } from './store.js';

type SeedUser = { id: string; email: string; password: string; employeeId: string; role: SeedRoleName };

export interface SeedInfo {
  tenantId: string;
  organizationId: string;
  organizationName: 'Default Company';
  secondOrganizationId: string;
  users: { superAdmin: SeedUser; localAdmin: SeedUser; employee: SeedUser };
  otherTenant: { tenantId: string; organizationId: string; admin: { id: string; email: string; password: string; employeeId: string } };
  projects: Array<{ id: string; name: string }>;
  /** The demo seed's other employees (besides the three users'), with their full names. */
  demoEmployees: Array<{ employeeId: string; userId: string; name: string }>;
  teams: Array<{ id: string; name: string; memberEmployeeIds: string[] }>;
}

const at = (id: string) => ({ id });
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const day = (offsetDays: number, hour: number, minute = 0) => {
  const d = new Date();
  d.setUTCHours(hour, minute, 0, 0);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString();
};

function seedTenant(store: SandboxStore, tenantId: string, name: string, roleIds: Record<SeedRoleName, string>): void {
  insertEntity(store, 'tenant', { id: tenantId, name, logo: null, imageId: null }, { tenantId: null });
  store.update('tenant', tenantId, { tenantId: undefined });
  for (const role of Object.keys(roleIds) as SeedRoleName[]) {
    insertEntity(store, 'role', { id: roleIds[role], name: role, isSystem: true, permissions: [...DEFAULT_ROLE_PERMISSIONS[role]] }, { tenantId });
  }
}

function seedOrganization(store: SandboxStore, tenantId: string, id: string, name: string, extra: Record<string, unknown> = {}): Row {
  return insertEntity(store, 'organization', { id, name, isDefault: false, currency: 'USD', profile_link: name.toLowerCase().replace(/\W+/g, '-'), ...extra }, { tenantId });
}

function seedUser(store: SandboxStore, tenantId: string, u: { id?: string; email: string; password: string; firstName: string; lastName: string; roleId: string }): Row {
  return insertEntity(store, 'user', { id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, roleId: u.roleId, hash: hashPassword(u.password) }, { tenantId });
}

function seedEmployee(store: SandboxStore, tenantId: string, organizationId: string, user: Row, e: { id?: string; startedWorkOn?: string | null; admin?: boolean; profileLink: string }): Row {
  const tracking = !!e.startedWorkOn;
  return insertEntity(store, 'employee', {
    id: e.id, userId: user.id, startedWorkOn: e.startedWorkOn ?? null, isTrackingEnabled: tracking, profile_link: e.profileLink,
    billRateValue: 30, minimumBillingRate: 29, billRateCurrency: 'USD', reWeeklyLimit: 20,
    allowManualTime: !!e.admin, allowModifyTime: !!e.admin, allowDeleteTime: !!e.admin,
  }, { tenantId, organizationId });
}

const linkUser = (store: SandboxStore, tenantId: string, userId: string, organizationId: string) =>
  insertEntity(store, 'userOrganization', { userId, isDefault: true }, { tenantId, organizationId });

/** Seeds Gauzy's default data (and, for 'demo', believable demo data). Returns the fixed ids. */
export function seedSandbox(store: SandboxStore, mode: 'default' | 'demo'): SeedInfo {
  const T = SEED_IDS.tenantId;
  const ORG = SEED_IDS.organizationId;
  const ORG2 = SEED_IDS.secondOrganizationId;
  seedTenant(store, T, 'Default Tenant', SEED_IDS.roles);
  seedOrganization(store, T, ORG, 'Default Company', { isDefault: true });
  seedOrganization(store, T, ORG2, 'Demo Company 2');

  const demo = mode === 'demo';
  const people = [
    { key: 'superAdmin', email: 'admin@ever.co', password: SEED_PASSWORDS.superAdmin, firstName: 'Super', lastName: 'Admin', role: 'SUPER_ADMIN', link: 'super-admin' },
    { key: 'localAdmin', email: 'local.admin@ever.co', password: SEED_PASSWORDS.localAdmin, firstName: 'Local', lastName: 'Admin', role: 'ADMIN', link: 'local-admin' },
    { key: 'employee', email: 'employee@ever.co', password: SEED_PASSWORDS.employee, firstName: 'Default', lastName: 'Employee', role: 'EMPLOYEE', link: 'default-employee' },
  ] as const;
  const users = {} as SeedInfo['users'];
  for (const p of people) {
    const ids = SEED_IDS.users[p.key];
    const user = seedUser(store, T, { id: ids.id, email: p.email, password: p.password, firstName: p.firstName, lastName: p.lastName, roleId: SEED_IDS.roles[p.role] });
    const isAdmin = p.role !== 'EMPLOYEE';
    // Gauzy's default seed gives the admins' employees no start date ⇒ tracking disabled; the demo seed enables it.
    const startedWorkOn = p.role === 'EMPLOYEE' ? '2018-03-20T00:00:00.000Z' : demo ? '2020-01-01T00:00:00.000Z' : null;
    seedEmployee(store, T, ORG, user, { id: ids.employeeId, startedWorkOn, admin: isAdmin, profileLink: p.link });
    linkUser(store, T, user.id, ORG);
    linkUser(store, T, user.id, ORG2);
    users[p.key] = { id: ids.id, email: p.email, password: p.password, employeeId: ids.employeeId, role: p.role };
  }

  // Second tenant for isolation tests.
  const O = SEED_IDS.otherTenant;
  seedTenant(store, O.tenantId, 'Acme Tenant', O.roles);
  seedOrganization(store, O.tenantId, O.organizationId, 'Acme Corp', { isDefault: true });
  const acmeAdmin = seedUser(store, O.tenantId, { id: O.admin.id, email: 'admin@acme.test', password: SEED_PASSWORDS.otherTenantAdmin, firstName: 'Acme', lastName: 'Admin', roleId: O.roles.SUPER_ADMIN });
  seedEmployee(store, O.tenantId, O.organizationId, acmeAdmin, { id: O.admin.employeeId, startedWorkOn: '2021-01-01T00:00:00.000Z', admin: true, profileLink: 'acme-admin' });
  linkUser(store, O.tenantId, acmeAdmin.id, O.organizationId);
  insertEntity(store, 'organizationProject', { id: O.projectId, name: 'Acme Secret Project' }, { tenantId: O.tenantId, organizationId: O.organizationId });
  insertEntity(store, 'task', { id: O.taskId, title: 'Acme internal task', status: 'open', number: 1, prefix: 'Acm', projectId: O.projectId }, { tenantId: O.tenantId, organizationId: O.organizationId });

  const info: SeedInfo = {
    tenantId: T, organizationId: ORG, organizationName: 'Default Company', secondOrganizationId: ORG2, users,
    otherTenant: { tenantId: O.tenantId, organizationId: O.organizationId, admin: { id: O.admin.id, email: 'admin@acme.test', password: SEED_PASSWORDS.otherTenantAdmin, employeeId: O.admin.employeeId } },
    projects: [], teams: [], demoEmployees: [],
  };
  if (demo) seedDemo(store, info);
  return info;
}

const DEMO_PEOPLE = [
  ['Alish', 'Meklyov'], ['Blagovest', 'Gerov'], ['Elvis', 'Arabadjiiski'], ['Emil', 'Momchilov'], ['Boyan', 'Stanchev'],
] as const;

const DEMO_PROJECTS = [
  { id: 'f186d895-5258-45c2-bb25-1052df75370b', name: 'Gauzy Platform (Open-Source)', budget: 380, budgetType: 'hours', status: 'in-progress' },
  { id: '4a947342-dd5a-452b-877d-5f1f370d72a1', name: 'Gauzy Website', budget: 1985, budgetType: 'cost', status: 'open' },
  { id: '59dbd77a-a2ba-4db7-8bc0-639b52d25d56', name: 'CI/CD Pipeline', budget: 120, budgetType: 'hours', status: 'open' },
  { id: '0d334a55-6e66-43d4-960e-0fec1036551a', name: 'Mobile App', budget: 640, budgetType: 'hours', status: 'completed' },
] as const;

const DEMO_TEAM_ID = 'ea4222cd-07ca-428e-ad4e-5e76e3ea859d';

function seedDemo(store: SandboxStore, info: SeedInfo): void {
  const T = info.tenantId, ORG = info.organizationId;
  const scope = { tenantId: T, organizationId: ORG };
  const demoEmployeeIds: string[] = [];
  DEMO_PEOPLE.forEach(([firstName, lastName], i) => {
    const user = seedUser(store, T, { email: `${firstName.toLowerCase()}@example-ever.co`, password: SEED_PASSWORDS.demoEmployees, firstName, lastName, roleId: SEED_IDS.roles.EMPLOYEE });
    const employee = seedEmployee(store, T, ORG, user, { startedWorkOn: `2019-0${i + 1}-15T00:00:00.000Z`, profileLink: firstName.toLowerCase() });
    linkUser(store, T, user.id, ORG);
    demoEmployeeIds.push(employee.id);
    info.demoEmployees.push({ employeeId: employee.id, userId: user.id, name: `${firstName} ${lastName}` });
  });
  const { superAdmin, localAdmin, employee } = info.users;
  const everyone = [superAdmin.employeeId, localAdmin.employeeId, employee.employeeId, ...demoEmployeeIds];

  const projectMembers: Record<string, string[]> = {
    [DEMO_PROJECTS[0].id]: [superAdmin.employeeId, employee.employeeId, demoEmployeeIds[0]!, demoEmployeeIds[1]!],
    [DEMO_PROJECTS[1].id]: [localAdmin.employeeId, employee.employeeId, demoEmployeeIds[2]!],
    [DEMO_PROJECTS[2].id]: [superAdmin.employeeId, demoEmployeeIds[3]!],
    [DEMO_PROJECTS[3].id]: [demoEmployeeIds[4]!, localAdmin.employeeId],
  };
  for (const p of DEMO_PROJECTS) {
    const members = projectMembers[p.id] ?? [];
    insertEntity(store, 'organizationProject', { id: p.id, name: p.name, budget: p.budget, budgetType: p.budgetType, status: p.status, membersCount: members.length, billing: 'RATE', currency: 'USD', public: true, billable: true }, scope);
    for (const employeeId of members) insertEntity(store, 'organizationProjectEmployee', { organizationProjectId: p.id, employeeId, isManager: employeeId === superAdmin.employeeId }, scope);
    info.projects.push({ id: p.id, name: p.name });
  }

  const teamMembers = [superAdmin.employeeId, employee.employeeId, demoEmployeeIds[0]!, demoEmployeeIds[1]!];
  insertEntity(store, 'organizationTeam', { id: DEMO_TEAM_ID, name: 'Default Team', prefix: 'DEF', public: true, projectIds: [DEMO_PROJECTS[0].id] }, scope);
  for (const employeeId of teamMembers) insertEntity(store, 'organizationTeamEmployee', { organizationTeamId: DEMO_TEAM_ID, employeeId, isManager: employeeId === superAdmin.employeeId }, scope);
  info.teams.push({ id: DEMO_TEAM_ID, name: 'Default Team', memberEmployeeIds: teamMembers });

  const statuses = ['open', 'in-progress', 'ready-for-review', 'in-review', 'blocked', 'done', 'backlog', 'completed'];
  const priorities = ['urgent', 'high', 'medium', 'low'];
  const sizes = ['x-large', 'large', 'medium', 'small', 'tiny'];
  const titles = [
    'Set up the project repository', 'Design the login screen', 'Add dark mode', 'Fix timezone bug in reports', 'Write API docs',
    'Migrate CI to GitHub Actions', 'Improve onboarding emails', 'Add invoice PDF export', 'Refactor timer service',
    'Publish the landing page', 'Cache dashboard statistics', 'Add Slack notifications',
  ];
  const numbers = new Map<string, number>();
  titles.forEach((title, i) => {
    const project = DEMO_PROJECTS[i % DEMO_PROJECTS.length]!;
    const number = (numbers.get(project.id) ?? 0) + 1;
    numbers.set(project.id, number);
    const pool = projectMembers[project.id] ?? everyone;
    insertEntity(store, 'task', {
      title, status: statuses[i % statuses.length], priority: priorities[i % priorities.length], size: sizes[i % sizes.length],
      issueType: i % 3 === 0 ? 'bug' : 'task', estimate: 3600 * ((i % 4) + 1), projectId: project.id, number, prefix: project.name.substring(0, 3),
      description: `${title} — demo task`, memberIds: [pool[i % pool.length]!], teamIds: i % 2 === 0 ? [DEMO_TEAM_ID] : [],
      // From tomorrow on, a few days apart: "due this week" finds some, as in a live organization.
      dueDate: day(1 + i, 17),
    }, { ...scope, createdByUserId: superAdmin.id });
  });

  // A few finished logs of the last day or so; no running timer. Placed back from now, not at fixed hours:
  // a log seeded at 01:00 "today" would start after a timer a test starts just past midnight.
  const logs: Array<[string, number, number]> = [
    [employee.employeeId, 26, 2], [employee.employeeId, 3, 1], [superAdmin.employeeId, 25, 3], [demoEmployeeIds[0]!, 2, 1],
  ];
  for (const [employeeId, startedHoursAgo, hours] of logs) {
    insertEntity(store, 'timeLog', {
      employeeId, startedAt: hoursAgo(startedHoursAgo), stoppedAt: hoursAgo(startedHoursAgo - hours), logType: 'TRACKED', source: 'BROWSER',
      projectId: DEMO_PROJECTS[0].id, description: 'Demo work', isBillable: true, isRunning: false,
    }, scope);
  }

  // Each pack's demo rows, in their own files.
  seedEmployeesDemo(store, info);
  seedSkillsDemo(store, info);
  seedContactsDemo(store, info);
  seedCandidatesDemo(store, info);
  seedTimeOffDemo(store, info);
  seedDailyPlansDemo(store, info);
  seedCommentsDemo(store, info);
  seedInvoicesDemo(store, info);
  seedPaymentsDemo(store, info);
  seedExpensesDemo(store, info);
  seedIncomeDemo(store, info);
  seedSalesDemo(store, info);
  seedGoalsDemo(store, info);
  seedProductsDemo(store, info);
  seedEquipmentDemo(store, info);
  seedWarehousesDemo(store, info);
  seedReportsDemo(store, info);
}

export { at };
