import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

const DAY_MS = 86_400_000;
const dayAt = (offsetDays: number, hour = 0) => {
  const at = new Date(Date.now() + offsetDays * DAY_MS);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

/** Demo rows for the employees pack (Gauzy's demo seed has them too): job positions, bookable availability slots, incomes and expenses. */
export function seedEmployeesDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId };

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

  // Bookable availability slots (AvailabilitySlot): Alish tomorrow morning and the day after, the default employee a recurring
  // afternoon, and one of the organization's own (no employee).
  const slot = (employeeId: string | undefined, day: number, from: number, to: number, type: 'Default' | 'Recurring') =>
    insertEntity(store, 'availabilitySlot', { startTime: dayAt(day, from), endTime: dayAt(day, to), allDay: false, type, employeeId: employeeId ?? null }, scope);
  if (alish) {
    slot(alish.employeeId, 1, 9, 12, 'Default');
    slot(alish.employeeId, 2, 13, 17, 'Default');
  }
  slot(info.users.employee.employeeId, 3, 14, 16, 'Recurring');
  slot(undefined, 4, 10, 11, 'Default');

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
