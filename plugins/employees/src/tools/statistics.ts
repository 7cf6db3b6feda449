import {
  dataQuery,
  defineTool,
  entityFieldsParam,
  formatSeconds,
  isoDate,
  labelWithId,
  listOutput,
  listResult,
  normalizePage,
  ok,
  pagination,
  personName,
  requireEmployeeId,
  summarizeDailyReport,
  uuid,
  type DailyReportDay,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { EMPLOYEES_ADMIN_TOOLSET as toolset, describeEmployee, employeeListFields } from '../entities.js';
import { keepPerson, readEmployee } from './lookup.js';

type Item = Record<string, unknown>;

const WORKING_ROUTE = '/api/employee/working';

/**
 * GET /api/employee/working (?data={findInput:{organizationId, forRange:{startDate,endDate}, withUser}}):
 * EmployeeService.findWorkingEmployees keeps active employees whose startedWorkOn is on or before the range's
 * end and whose endWork is empty or on or after its start. It answers every match at once.
 */
export const getWorkingEmployees = defineTool({
  name: 'get_working_employees',
  title: 'Employees working in a period',
  description: 'Employees employed during a date range (started by its end, not gone before its start), with their count; default: today.',
  toolset,
  effect: 'read',
  input: z.object({ startDate: isoDate().optional(), endDate: isoDate().optional(), ...pagination, fields: entityFieldsParam(employeeListFields) }),
  output: listOutput,
  aliases: ['get_working_employees_count'],
  routes: [`GET ${WORKING_ROUTE}`],
  async handler({ startDate, endDate, take, skip, fields }, ctx) {
    const today = new Date().toISOString().slice(0, 10);
    const forRange = { startDate: startDate ?? endDate ?? today, endDate: endDate ?? startDate ?? today };
    const data = await ctx.gauzy.get(WORKING_ROUTE, {
      query: dataQuery({ findInput: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, forRange, withUser: true } }),
    });
    const span = forRange.startDate === forRange.endDate ? `on ${forRange.startDate.slice(0, 10)}` : `from ${forRange.startDate.slice(0, 10)} to ${forRange.endDate.slice(0, 10)}`;
    const result = listResult({ items: normalizePage(data).items, unpaged: true, skip, take, fields: keepPerson(fields), noun: `employees working ${span}`, describe: describeEmployee });
    return { ...result, structured: { ...result.structured, period: forRange } };
  },
});

/** One month of IMonthAggregatedEmployeeStatistics (`month` is JavaScript's, 0 = January). */
interface MonthStatistic {
  month: number;
  year: number;
  income?: number;
  expense?: number;
  profit?: number;
  bonus?: number;
}

const TIME_NOT_READ = 'Tracked time is not read for your Gauzy role here (Gauzy\'s daily report stalls for it); the time-tracking tools show your time.';

const round2 = (value: number) => Math.round(value * 100) / 100;
const rows = z.array(z.looseObject({}));

/**
 * Composes the two reports Gauzy keeps per employee: tracked time (the daily time-log report, which sums
 * per project and employee) and money (GET /api/employee-statistics/months: income, expenses, profit and
 * bonus per month, as the employee's statistics page shows them).
 */
export const getEmployeeStatistics = defineTool({
  name: 'get_employee_statistics',
  title: 'Employee statistics',
  description: 'An employee\'s tracked hours per project and income, expenses, profit and bonus per month over a date range (default: the last 30 days); yours without employeeId.',
  toolset,
  effect: 'read',
  input: z.object({ employeeId: uuid().optional(), startDate: isoDate().optional(), endDate: isoDate().optional() }),
  output: z.looseObject({ employee: z.looseObject({}), period: z.looseObject({}), totalSeconds: z.number(), byProject: rows, months: rows }),
  routes: ['GET /api/employee/:id', 'GET /api/employee-statistics/months', 'GET /api/timesheet/time-log/report/daily'],
  async handler({ employeeId, startDate, endDate }, ctx) {
    const id = employeeId ?? requireEmployeeId(ctx, 'get_employee_statistics');
    const end = endDate ? new Date(endDate) : new Date();
    const start = startDate ? new Date(startDate) : new Date(end.getTime() - 30 * 24 * 3600 * 1000);
    const period = { startDate: start.toISOString(), endDate: end.toISOString() };
    // The organization's currency names the money figures (Gauzy sums amounts as recorded).
    const employee = await readEmployee(ctx, id, ['organization']);
    const scope = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    // Gauzy's daily report, asked by the EMPLOYEE role, held the real API busy for minutes (no other request was
    // answered meanwhile, checked at 39a5c3ad); for that role the tracked time is left to the time-tracking tools.
    const timeReadable = ctx.scope.role !== 'EMPLOYEE';
    const [report, statistics] = await Promise.all([
      timeReadable ? ctx.gauzy.get<DailyReportDay[]>('/api/timesheet/time-log/report/daily', { query: { ...scope, ...period, employeeIds: [id] } }) : [],
      ctx.gauzy.get<MonthStatistic[]>('/api/employee-statistics/months', { query: { ...scope, ...period, employeeId: id } }),
    ]);
    const time = summarizeDailyReport(Array.isArray(report) ? report : []);
    const byProject = time.byProject.map(({ employees: _employees, ...project }) => project);
    const months = (Array.isArray(statistics) ? statistics : [])
      .map((stat) => ({ year: stat.year, month: stat.month + 1, income: round2(stat.income ?? 0), expense: round2(stat.expense ?? 0), profit: round2(stat.profit ?? 0), bonus: round2(stat.bonus ?? 0) }))
      .sort((a, b) => a.year - b.year || a.month - b.month);
    const sum = (key: 'income' | 'expense' | 'profit' | 'bonus') => round2(months.reduce((total, month) => total + month[key], 0));
    const totals = { income: sum('income'), expense: sum('expense'), profit: sum('profit'), bonus: sum('bonus') };
    const currency = String((employee.organization as Item | undefined)?.currency ?? employee.billRateCurrency ?? '');
    const who = { id, name: personName(employee) ?? id };
    const range = `from ${period.startDate.slice(0, 10)} to ${period.endDate.slice(0, 10)}`;
    const money = (month: { income: number; expense: number; profit: number; bonus: number }) => `income ${month.income}, expenses ${month.expense}, profit ${month.profit}, bonus ${month.bonus}`;
    const lines = [
      `${labelWithId(who)} ${range}:`,
      !timeReadable ? TIME_NOT_READ : time.totalSeconds ? `Tracked ${formatSeconds(time.totalSeconds)}:` : 'No time tracked.',
      ...byProject.map((project) => `- ${labelWithId(project)}: ${formatSeconds(project.seconds)}, ${project.percent}%`),
      months.length ? `Money${currency ? ` (${currency})` : ''}: ${money(totals)}.` : 'No income or expenses recorded.',
      ...months.map((month) => `- ${month.year}-${String(month.month).padStart(2, '0')}: ${money(month)}`),
    ];
    return ok({ employee: who, period, ...(timeReadable ? {} : { note: TIME_NOT_READ }), totalSeconds: time.totalSeconds, totalHours: time.totalHours, byProject, months, totals, ...(currency ? { currency } : {}) }, lines.join('\n'));
  },
});
