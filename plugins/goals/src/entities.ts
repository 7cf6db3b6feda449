import { crudServiceCannotRecover, defineEntity, isoDate, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const GOALS_TOOLSET = 'goals';
export const KEY_RESULTS_TOOLSET = 'key-results';

type Item = Record<string, unknown>;

/** Non-empty text; checked in a refinement so the published schema stays small. */
export const text = () => z.string().refine((value) => value.trim() !== '', 'must not be empty');

/** @gauzy/contracts goals.model.ts, exact values. */
export const GoalLevel = z.enum(['Organization', 'Team', 'Employee']);
export const KeyResultType = z.enum(['Numerical', 'True/False', 'Currency', 'Task', 'KPI']);
export const KeyResultDeadline = z.enum(['No Custom Deadline', 'Hard Deadline', 'Hard and Soft Deadline']);
/** KeyResultWeightEnum: stored as the strings '1', '2', '4' (default, x2, x4). */
export const KeyResultWeight = z.enum(['1', '2', '4']);
/** KeyResultUpdateStatusEnum: a key result's status and its updates' ('none' until the first update). */
export const KeyResultStatus = z.enum(['on track', 'needs attention', 'off track', 'none']);
/** GoalTemplateCategoriesEnum. */
export const GoalTemplateCategory = z.enum(['Product Management', 'Sales', 'HR', 'Marketing']);

/** A related record as text; an employee joined without its user by its id. */
const who = (value: unknown, fallbackId?: unknown): string | undefined =>
  refLabel(value) ?? (value && typeof value === 'object' && (value as Item).id ? `employee ${String((value as Item).id)}` : fallbackId ? `employee ${String(fallbackId)}` : undefined);

const percent = (value: unknown) => `${typeof value === 'number' ? value : Number(value ?? 0) || 0}%`;

/** The goal's owner as the web app shows it: an employee, a team, or (Organization level) the organization. */
export function goalOwner(goal: Item): string {
  if (goal.ownerEmployee || goal.ownerEmployeeId) return `owner ${who(goal.ownerEmployee, goal.ownerEmployeeId)}`;
  if (goal.ownerTeam || goal.ownerTeamId) return `team ${refLabel(goal.ownerTeam) ?? String(goal.ownerTeamId)}`;
  return 'organization-wide';
}

/** A goal on one line: name, id, level, time frame, progress, owner, lead, key results. */
export function describeGoal(goal: Item): string {
  const keyResults = Array.isArray(goal.keyResults) ? (goal.keyResults as Item[]) : undefined;
  const facts = [
    String(goal.level ?? 'no level'),
    goal.deadline ? `time frame ${String(goal.deadline)}` : '',
    `progress ${percent(goal.progress)}`,
    goalOwner(goal),
    goal.lead || goal.leadId ? `lead ${who(goal.lead, goal.leadId)}` : '',
    keyResults ? `${keyResults.length} key result${keyResults.length === 1 ? '' : 's'}` : '',
    goal.alignedKeyResultId ? `aligned to key result ${String(goal.alignedKeyResultId)}` : '',
  ].filter(Boolean);
  return `${String(goal.name ?? '(unnamed)')} (id ${String(goal.id)}) · ${facts.join(' · ')}`;
}

/** Where a key result stands: its value against its target, or done / not done for the yes-no kinds. */
export function keyResultValue(keyResult: Item): string {
  const unit = keyResult.unit ? ` ${String(keyResult.unit)}` : '';
  // As the web app reads it: 1 is done, anything else is not.
  if (keyResult.type === 'True/False' || keyResult.type === 'Task') return Number(keyResult.update) === 1 ? 'done' : 'not done';
  return `${String(keyResult.update ?? '-')} of ${String(keyResult.targetValue ?? '-')}${unit} (from ${String(keyResult.initialValue ?? 0)})`;
}

/** A key result on one line: name, id, progress, value, status, weight, owner, goal, hard deadline. */
export function describeKeyResult(keyResult: Item): string {
  const goal = keyResult.goal as Item | undefined;
  const facts = [
    `progress ${percent(keyResult.progress)}`,
    keyResultValue(keyResult),
    `[${String(keyResult.status ?? 'none')}]`,
    String(keyResult.type ?? ''),
    keyResult.weight && keyResult.weight !== '1' ? `weight x${String(keyResult.weight)}` : '',
    keyResult.owner || keyResult.ownerId ? `owner ${who(keyResult.owner, keyResult.ownerId)}` : '',
    goal?.name ? `goal ${String(goal.name)} (id ${String(goal.id)})` : keyResult.goalId ? `goal ${String(keyResult.goalId)}` : '',
    keyResult.hardDeadline ? `due ${String(keyResult.hardDeadline).slice(0, 10)}` : '',
  ].filter(Boolean);
  return `${String(keyResult.name ?? '(unnamed)')} (id ${String(keyResult.id)}) · ${facts.join(' · ')}`;
}

/** An update of a key result on one line: when, the value recorded, the progress it made, its status. */
export function describeKeyResultUpdate(update: Item): string {
  const at = typeof update.createdAt === 'string' ? `${update.createdAt.slice(0, 16).replace('T', ' ')} UTC` : '-';
  return `${at}: value ${String(update.update)} → ${percent(update.progress)} [${String(update.status ?? '-')}] (id ${String(update.id)})`;
}

export function describeTemplate(template: Item): string {
  const keyResults = Array.isArray(template.keyResults) ? (template.keyResults as Item[]) : [];
  const names = keyResults.map((keyResult) => String(keyResult.name)).join('; ');
  return `${String(template.name ?? '(unnamed)')} (id ${String(template.id)}) · ${String(template.level ?? '-')} · ${String(template.category ?? '-')}${keyResults.length ? ` · key results: ${names}` : ''}`;
}

/**
 * Gauzy's goal (packages/core/src/lib/goal): every route behind TenantPermissionGuard only, so any signed-in
 * user of the tenant reads and changes every goal. GET /api/goals reads `?data={findInput,relations}` and
 * answers every match (oldest first, no paging); GET /:id joins nothing. name, description, deadline, level and
 * progress are NOT NULL; GoalDTO requires only name (IsNotEmpty), on PUT too. PUT saves `{id, ...body}` with
 * TypeORM's save (what is not sent stays) and answers the saved fields, or nothing when the save fails.
 * `deadline` is the name of a goal time frame (the web app offers the active ones).
 */
export const goalEntity = defineEntity({
  name: 'goal',
  gauzyClass: 'Goal',
  noun: 'goal',
  plural: 'goals',
  path: '/api/goals',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  // Not offered as tools: an archived goal leaves every list and cannot come back (delete says what it removes).
  softDelete: crudServiceCannotRecover('goals'),
  fields: {
    name: text(),
    description: z.string().optional(),
    level: GoalLevel,
    deadline: text().describe('Time frame name'),
    ownerEmployeeId: uuid().optional(),
    ownerTeamId: uuid().optional(),
    leadId: uuid().optional(),
    alignedKeyResultId: uuid().optional(),
  },
  columns: ['progress'],
  update: { mode: 'merge', bodyFields: ['name'] },
  relations: {
    ownerEmployee: { kind: 'manyToOne', entity: 'employee', key: 'ownerEmployeeId' },
    ownerTeam: { kind: 'manyToOne', entity: 'organizationTeam', key: 'ownerTeamId' },
    lead: { kind: 'manyToOne', entity: 'employee', key: 'leadId' },
    keyResults: { kind: 'oneToMany', entity: 'keyResult', key: 'goalId' },
    alignedKeyResult: { kind: 'manyToOne', entity: 'keyResult', key: 'alignedKeyResultId' },
  },
  // The tools join what the line names themselves: no relations parameter.
  include: [],
  aliases: { list: ['get_goals', 'get_goal_count', 'get_goal'] },
  describe: describeGoal,
});

/**
 * Gauzy's key result (packages/core/src/lib/keyresult), TenantPermissionGuard only. Its controller's own
 * GET /:id answers `{items,total}` (the key result with its updates, goal, lead and owner; an unknown id is an
 * empty list, not a 404) and is declared before the inherited routes, so /count and /pagination reach it too.
 * GET / answers every key result of the tenant, unfiltered. KeyResultDTO makes every field optional; the NOT NULL
 * columns (name, description, type, update, progress, deadline, status, ownerId) fail the save when missing.
 * PUT saves `{id, ...body}` (TypeORM save: what is not sent stays).
 */
export const keyResultEntity = defineEntity({
  name: 'keyResult',
  gauzyClass: 'KeyResult',
  noun: 'key result',
  plural: 'key results',
  path: '/api/key-results',
  operations: ['findAll', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  softDelete: crudServiceCannotRecover('key results'),
  fields: {
    goalId: uuid(),
    name: text(),
    description: z.string().optional(),
    type: KeyResultType.optional(),
    initialValue: z.number().optional(),
    targetValue: z.number().optional(),
    unit: z.string().optional(),
    ownerId: uuid(),
    leadId: uuid().optional(),
    weight: KeyResultWeight.optional(),
    deadline: KeyResultDeadline.optional(),
    hardDeadline: isoDate().optional(),
    taskId: uuid().optional(),
    kpiId: uuid().optional(),
  },
  columns: ['update', 'progress', 'status'],
  relations: {
    goal: { kind: 'manyToOne', entity: 'goal', key: 'goalId' },
    owner: { kind: 'manyToOne', entity: 'employee', key: 'ownerId' },
    lead: { kind: 'manyToOne', entity: 'employee', key: 'leadId' },
    updates: { kind: 'oneToMany', entity: 'keyResultUpdate', key: 'keyResultId' },
  },
  include: [],
  aliases: { list: ['get_key_results', 'get_key_result_count', 'get_key_results_by_goal', 'get_key_result', 'get_key_result_updates'] },
  describe: describeKeyResult,
});

/**
 * Gauzy's key result update (packages/core/src/lib/keyresult-update): one recorded value of a key result.
 * KeyresultUpdateDTO extends TenantOrganizationBaseDTO; owner (the key result owner's employee id), progress,
 * update and status are IsNotEmpty. Its own GET /:id lists the updates of the key result with that id.
 */
export const keyResultUpdateEntity = defineEntity({
  name: 'keyResultUpdate',
  gauzyClass: 'KeyResultUpdate',
  noun: 'key result update',
  plural: 'key result updates',
  path: '/api/key-result-updates',
  operations: ['findAll', 'findById', 'create', 'update', 'delete'],
  scope: 'organization',
  fields: {
    keyResultId: uuid(),
    update: z.number(),
    progress: z.number(),
    owner: z.string(),
    status: KeyResultStatus,
  },
  relations: { keyResult: { kind: 'manyToOne', entity: 'keyResult', key: 'keyResultId' } },
  include: [],
  describe: describeKeyResultUpdate,
});

/**
 * A goal template (packages/core/src/lib/goal-template), seeded per organization: GET reads `?data={findInput}`
 * and always joins its key result templates (and their KPI), every match at once.
 */
export const goalTemplateEntity = defineEntity({
  name: 'goalTemplate',
  gauzyClass: 'GoalTemplate',
  noun: 'goal template',
  plural: 'goal templates',
  path: '/api/goal-templates',
  operations: ['findAll'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: { name: z.string(), level: GoalLevel, category: GoalTemplateCategory },
  relations: { keyResults: { kind: 'oneToMany', entity: 'keyResultTemplate', key: 'goalId' } },
  include: [],
  aliases: { list: ['get_goal_templates'] },
  describe: describeTemplate,
});

/** A goal template's key result (key_result_template), read only through its template. */
export const keyResultTemplateEntity = defineEntity({
  name: 'keyResultTemplate',
  gauzyClass: 'KeyResultTemplate',
  noun: 'key result template',
  plural: 'key result templates',
  path: '',
  operations: [],
  scope: 'organization',
  fields: { name: z.string(), type: KeyResultType, unit: z.string().optional(), targetValue: z.number().optional(), initialValue: z.number().optional(), deadline: KeyResultDeadline, goalId: uuid() },
});

/**
 * A goal time frame (packages/core/src/lib/goal-time-frame): a named period (`Q1-2026`, `Annual-2026` in Gauzy's
 * seed). A goal's `deadline` is a time frame's name. GET reads `?data={findInput}`, every match at once.
 */
export const goalTimeFrameEntity = defineEntity({
  name: 'goalTimeFrame',
  gauzyClass: 'GoalTimeFrame',
  noun: 'goal time frame',
  plural: 'goal time frames',
  path: '/api/goal-time-frame',
  operations: ['findAll'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: { name: z.string(), status: z.enum(['Active', 'Inactive']), startDate: isoDate(), endDate: isoDate() },
});

/**
 * A goal KPI (packages/core/src/lib/goal-kpi): what a KPI key result measures. Its operator says whether the
 * target is a floor ('>=') or a ceiling ('<='). GET reads `?data={findInput}`, every match at once.
 */
export const goalKpiEntity = defineEntity({
  name: 'goalKpi',
  gauzyClass: 'GoalKPI',
  noun: 'goal KPI',
  plural: 'goal KPIs',
  path: '/api/goal-kpi',
  operations: ['findAll'],
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: { name: z.string(), description: z.string(), type: z.string(), unit: z.string().optional(), operator: z.enum(['>=', '<=']), currentValue: z.number(), targetValue: z.number() },
});
