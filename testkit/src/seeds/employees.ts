import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

const DAY_MS = 86_400_000;
const dayAt = (offsetDays: number, hour = 0) => {
  const at = new Date(Date.now() + offsetDays * DAY_MS);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

/**
 * Permissions Gauzy's DEFAULT_ROLE_PERMISSIONS (packages/core/src/lib/role-permission/default-role-permissions.ts)
 * grants and testkit/src/role-permissions.ts does not list yet, for the routes of this pack only: the
 * availability routes (all three roles) and /api/employee/working (SELECT_EMPLOYEE, which the EMPLOYEE
 * role holds). The real Gauzy's seeded roles have them.
 */
const MISSING_PERMISSIONS: Record<string, readonly string[]> = {
  SUPER_ADMIN: ['EMPLOYEE_AVAILABILITY_CREATE', 'EMPLOYEE_AVAILABILITY_READ', 'EMPLOYEE_AVAILABILITY_UPDATE', 'EMPLOYEE_AVAILABILITY_DELETE', 'SELECT_EMPLOYEE'],
  ADMIN: ['EMPLOYEE_AVAILABILITY_CREATE', 'EMPLOYEE_AVAILABILITY_READ', 'EMPLOYEE_AVAILABILITY_UPDATE', 'EMPLOYEE_AVAILABILITY_DELETE', 'SELECT_EMPLOYEE'],
  EMPLOYEE: ['EMPLOYEE_AVAILABILITY_CREATE', 'EMPLOYEE_AVAILABILITY_READ', 'EMPLOYEE_AVAILABILITY_UPDATE', 'EMPLOYEE_AVAILABILITY_DELETE', 'SELECT_EMPLOYEE'],
};

/** Demo rows for the employees pack (Gauzy's demo seed has them too): job positions, weekly availability, a bookable slot, incomes and expenses. */
export function seedEmployeesDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId };
  for (const role of store.list('role')) {
    const missing = MISSING_PERMISSIONS[String(role.name)];
    if (role.tenantId !== info.tenantId || !missing || !Array.isArray(role.permissions)) continue;
    for (const permission of missing) if (!(role.permissions as string[]).includes(permission)) (role.permissions as string[]).push(permission);
  }

  const positions = Object.fromEntries(
    ['Project Manager', 'Software Engineer', 'QA Engineer', 'Designer'].map((name) => [name, insertEntity(store, 'organizationPosition', { name }, scope).id]),
  );
  const [alish, blagovest, elvis, emil, boyan] = info.demoEmployees;
  const jobs: Array<[string | undefined, string, string]> = [
    [info.users.superAdmin.employeeId, 'Project Manager', 'Runs the platform team'],
    [info.users.employee.employeeId, 'Software Engineer', 'Backend developer'],
    [alish?.employeeId, 'Software Engineer', 'Frontend developer'],
    [blagovest?.employeeId, 'QA Engineer', 'Test automation'],
    [elvis?.employeeId, 'Designer', 'Product designer'],
    [emil?.employeeId, 'Software Engineer', 'Mobile developer'],
    [boyan?.employeeId, 'Software Engineer', 'DevOps engineer'],
  ];
  for (const [employeeId, position, job] of jobs) {
    const employee = employeeId ? store.get('employee', employeeId) : undefined;
    if (employee) Object.assign(employee, { organizationPositionId: positions[position] ?? null, short_description: job });
  }

  // Weekly availability (EmployeeAvailability: per weekday, 0 = Sunday) over a period around today, for the Default Team.
  const period = { startDate: dayAt(-30), endDate: dayAt(60) };
  const week = (employeeId: string | undefined, status: (weekday: number) => ['Available' | 'Partial' | 'Unavailable', string?] | undefined) => {
    if (!employeeId) return;
    for (let weekday = 1; weekday <= 5; weekday++) {
      const chosen = status(weekday);
      if (!chosen) continue;
      insertEntity(store, 'employeeAvailability', { ...period, dayOfWeek: weekday, availabilityStatus: chosen[0], availabilityNotes: chosen[1] ?? null, employeeId }, scope);
    }
  };
  week(info.users.superAdmin.employeeId, () => ['Available']);
  week(info.users.employee.employeeId, (weekday) => (weekday === 5 ? ['Partial', 'mornings only'] : ['Available']));
  week(alish?.employeeId, (weekday) => (weekday === 3 ? ['Unavailable', 'training day'] : ['Available']));

  // A bookable appointment slot (AvailabilitySlot) tomorrow morning.
  if (alish) insertEntity(store, 'availabilitySlot', { startTime: dayAt(1, 9), endTime: dayAt(1, 12), allDay: false, type: 'Default', employeeId: alish.employeeId }, scope);

  // Incomes and one-time expenses of the last weeks, which the employee statistics sum per month.
  const money: Array<['income' | 'expense', string | undefined, number, number, boolean?]> = [
    ['income', info.users.employee.employeeId, 2400, -3],
    ['income', info.users.employee.employeeId, 300, -10, true],
    ['expense', info.users.employee.employeeId, 650, -5],
    ['income', alish?.employeeId, 1800, -4],
  ];
  for (const [table, employeeId, amount, offsetDays, isBonus] of money) {
    if (!employeeId) continue;
    insertEntity(store, table, { employeeId, amount, currency: 'USD', valueDate: dayAt(offsetDays, 12), notes: `Demo ${table}`, ...(table === 'income' ? { isBonus: !!isBonus } : {}) }, scope);
  }
}
