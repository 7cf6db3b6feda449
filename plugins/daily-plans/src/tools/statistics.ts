import { defineTool, entityRoute, isoDate, labelWithId, ok, personName, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { DAILY_PLANS_TOOLSET as toolset, dailyPlanEntity } from '../entities.js';
import { PLANS_ROUTE, dayOf, readPlans } from './read.js';

type Item = Record<string, unknown>;

interface EmployeeTotal { id: string; name: string; plans: number; plannedHours: number; tasks: number }

const round = (hours: number) => Math.round(hours * 100) / 100;

/**
 * Gauzy has no plan statistics route (GET /api/daily-plan/statistics is read as GET /:id): the plans of the
 * period are read once and summed here, per status and per employee by name.
 */
export const getDailyPlanStatistics = defineTool({
  name: 'get_daily_plan_statistics',
  title: 'Daily plan statistics',
  description: 'Totals of daily plans over days: plans, planned hours, tasks, per status and per employee by name.',
  toolset,
  effect: 'read',
  input: z.object({ employeeId: uuid().optional(), organizationTeamId: uuid().optional(), startDate: isoDate().optional(), endDate: isoDate().optional() }),
  output: z.looseObject({ plans: z.number(), plannedHours: z.number() }),
  routes: [entityRoute(dailyPlanEntity, 'findAll')],
  async handler({ employeeId, organizationTeamId, startDate, endDate }, ctx) {
    const where = Object.fromEntries(Object.entries({ employeeId, organizationTeamId }).filter(([, value]) => value)) as Record<string, string>;
    const [from, to] = [dayOf(startDate), dayOf(endDate)];
    const plans = (await readPlans(ctx, PLANS_ROUTE, where)).filter((plan) => {
      const day = dayOf(plan.date) ?? '';
      return (!from || day >= from) && (!to || day <= to);
    });
    const byStatus: Record<string, number> = {};
    const byEmployee = new Map<string, EmployeeTotal & { taskIds: Set<string> }>();
    const taskIds = new Set<string>();
    let plannedHours = 0;
    for (const plan of plans) {
      const hours = Number(plan.workTimePlanned ?? 0);
      const tasks = Array.isArray(plan.tasks) ? (plan.tasks as Item[]).map((task) => String(task.id)) : [];
      plannedHours += hours;
      byStatus[String(plan.status)] = (byStatus[String(plan.status)] ?? 0) + 1;
      const id = String(plan.employeeId);
      const entry = byEmployee.get(id) ?? { id, name: personName(plan.employee) ?? 'Unknown employee', plans: 0, plannedHours: 0, tasks: 0, taskIds: new Set<string>() };
      entry.plans += 1;
      entry.plannedHours += hours;
      for (const task of tasks) entry.taskIds.add(task), taskIds.add(task);
      byEmployee.set(id, entry);
    }
    const employees = [...byEmployee.values()]
      .map(({ taskIds: ids, ...entry }) => ({ ...entry, plannedHours: round(entry.plannedHours), tasks: ids.size }))
      .sort((a, b) => b.plannedHours - a.plannedHours || a.name.localeCompare(b.name));
    const days = plans.map((plan) => dayOf(plan.date) ?? '').filter(Boolean).sort();
    const period = { startDate: from ?? days[0] ?? null, endDate: to ?? days.at(-1) ?? null };
    const span = period.startDate ? ` from ${period.startDate} to ${period.endDate}` : '';
    const total = { plans: plans.length, plannedHours: round(plannedHours), tasks: taskIds.size };
    const text = plans.length
      ? [
          `${total.plans} plan${total.plans === 1 ? '' : 's'}${span}: ${total.plannedHours} h planned, ${total.tasks} task${total.tasks === 1 ? '' : 's'}; ${Object.entries(byStatus).map(([status, count]) => `${status} ${count}`).join(', ')}.`,
          ...employees.map((entry) => `- ${labelWithId(entry)}: ${entry.plans} plan${entry.plans === 1 ? '' : 's'}, ${entry.plannedHours} h, ${entry.tasks} task${entry.tasks === 1 ? '' : 's'}`),
        ].join('\n')
      : `No daily plans${span}.`;
    return ok({ period, ...total, byStatus, byEmployee: employees }, text);
  },
});
