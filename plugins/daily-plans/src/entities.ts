import { defineEntity, formatValue, isoDate, personName, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const DAILY_PLANS_TOOLSET = 'daily-plans';

/** Gauzy's DailyPlanStatusEnum, exactly. */
export const DailyPlanStatus = z.enum(['open', 'in-progress', 'completed']);

/**
 * What a caller may set on a plan: UpdateDailyPlanDTO picks these of CreateDailyPlanDTO. Gauzy requires all
 * of them on create (the employee and team through EmployeeFeatureDTO / OrganizationTeamFeatureDTO); the
 * create tool fills the employee (the caller's) and the team (the employee's only one) when not given.
 */
export const dailyPlanFields = {
  date: isoDate().describe('The day planned'),
  workTimePlanned: z.number().min(0).max(24).describe('Hours planned'),
  status: DailyPlanStatus,
  employeeId: uuid().optional(),
  organizationTeamId: uuid().optional(),
};

type Item = Record<string, unknown>;

const tasksOf = (plan: Item): Item[] | undefined => (Array.isArray(plan.tasks) ? (plan.tasks as Item[]) : undefined);

/** A planned task as the plan's line shows it: key, title, status and id. */
export function describePlannedTask(task: Item): string {
  const key = typeof task.taskNumber === 'string' && task.taskNumber ? `${task.taskNumber} ` : '';
  return `${key}${String(task.title ?? '(untitled)')}${task.status ? ` [${String(task.status)}]` : ''} (id ${String(task.id)})`;
}

/**
 * A plan on one line: its day, status and id, whose plan it is (by name, with the id), the hours planned,
 * the team, and its tasks by key, title and status.
 */
export function describePlan(plan: Item): string {
  const who = refLabel(plan.employee) ?? (plan.employeeId ? `employee ${String(plan.employeeId)}` : 'no employee');
  const team = refLabel(plan.organizationTeam);
  const tasks = tasksOf(plan);
  const facts = [
    who,
    plan.workTimePlanned !== undefined && plan.workTimePlanned !== null ? `${Number(plan.workTimePlanned)} h planned` : '',
    team ? `team ${team}` : '',
    tasks ? (tasks.length ? `${tasks.length} task${tasks.length === 1 ? '' : 's'}: ${tasks.map(describePlannedTask).join('; ')}` : 'no tasks') : '',
  ].filter(Boolean);
  return `Plan ${formatValue(plan.date)}${plan.status ? ` [${String(plan.status)}]` : ''} (id ${String(plan.id)}) · ${facts.join(' · ')}`;
}

/**
 * A plan as the tools answer it: the plan's columns, its employee and team as `{ id, name }`, its tasks as
 * `{ id, taskNumber, number, title, status }` and their count (Gauzy sends whole task and employee records).
 */
export function compactPlan(plan: Item): Item {
  const ref = (value: unknown) => {
    if (!value || typeof value !== 'object') return value;
    const record = value as Item;
    const name = personName(record.user ? record : undefined) ?? record.name;
    return { id: record.id, ...(typeof name === 'string' && name ? { name } : {}) };
  };
  // A task added twice is listed twice in the plan Gauzy answers (its join table keeps it once).
  const tasks = tasksOf(plan)?.filter((task, index, all) => all.findIndex((other) => other.id === task.id) === index);
  return {
    ...plan,
    ...(plan.workTimePlanned !== undefined && plan.workTimePlanned !== null ? { workTimePlanned: Number(plan.workTimePlanned) } : {}),
    ...('employee' in plan ? { employee: ref(plan.employee) } : {}),
    ...('organizationTeam' in plan ? { organizationTeam: ref(plan.organizationTeam) } : {}),
    ...(tasks
      ? {
          tasks: tasks.map((task) => ({ id: task.id, taskNumber: task.taskNumber, number: task.number, title: task.title, status: task.status })),
          taskCount: tasks.length,
        }
      : {}),
  };
}

/** What every plan answer joins, so its line names the employee, the team and the tasks. */
export const PLAN_RELATIONS = ['employee', 'employee.user', 'organizationTeam', 'tasks'] as const;

export const dailyPlanEntity = defineEntity({
  name: 'dailyPlan',
  gauzyClass: 'DailyPlan',
  noun: 'daily plan',
  plural: 'daily plans',
  path: '/api/daily-plan',
  // GET /api/daily-plan answers every plan the filters match, whatever take and skip say (DailyPlanService.getAllPlans).
  operations: ['findAll', 'findById', 'create', 'update', 'delete'],
  list: { query: 'where', paging: 'none' },
  scope: 'organization',
  // The inherited routes (GET /:id, DELETE /:id) keep an employee to their own plans; the list routes do not.
  employeeScoped: true,
  fields: dailyPlanFields,
  // PUT /:id: DailyPlanService.updateDailyPlan looks the plan up by id AND the body's employeeId, so the
  // current employee (and the rest) is sent with every change.
  update: { mode: 'merge', bodyFields: ['date', 'workTimePlanned', 'status', 'employeeId', 'organizationTeamId'] },
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    organizationTeam: { kind: 'manyToOne', entity: 'organizationTeam', key: 'organizationTeamId' },
    // The task entity is the tasks pack's; a plan names it by its table.
    tasks: { kind: 'manyToMany', entity: 'task', key: 'taskIds' },
  },
  // Callers do not pick relations: every plan answer joins PLAN_RELATIONS for its text.
  include: [],
  aliases: { list: ['get_daily_plans', 'get_employee_daily_plans', 'get_team_daily_plans', 'get_daily_plans_for_task', 'get_daily_plan_count'], get: ['get_daily_plan'] },
  describe: describePlan,
});
