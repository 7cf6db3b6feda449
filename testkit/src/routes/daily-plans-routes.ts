import { isUuid, validateDto, type DtoSpec } from '../dto-validation.js';
import type { CallerContext, HandlerInput, HandlerOutput } from '../engine/context.js';
import { refuseUnknownRelation } from '../engine/crud-engine.js';
import { matchesWhere } from '../engine/query.js';
import { assertUuidParam, belongsToOrganization, insertEntity, validateBaseQuery, whereWithoutTenant } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { GauzyHttpError, badRequest, badRequestMessage, handlerError, recordNotFound, routeNotFound } from '../http-errors.js';
import type { Row, SandboxStore } from '../store.js';

/*
 * The daily-plan routes with logic of their own (packages/core/src/lib/tasks/daily-plan/daily-plan.service.ts).
 * They are served only to a sandbox taught the dailyPlan entity (the daily-plans pack's `./sandbox`); the
 * inherited GET /:id and DELETE /:id come from the entity and keep an employee to their own plans, as
 * TenantAwareCrudService does. The plan lists here do not: getAllPlans builds its own query (tenant and
 * organization only), and reads neither take, skip nor order.
 */

const PLAN = 'dailyPlan';
const TASK = 'task';
const NOT_YOURS = 'Daily plan not found or you do not have permission to access it';
const STATUSES = ['open', 'in-progress', 'completed'];

const taskIdsOf = (plan: Row): string[] => (Array.isArray(plan.taskIds) ? (plan.taskIds as string[]) : []);
const dayOf = (value: unknown) => new Date(String(value)).toISOString().slice(0, 10);

/** The plan routes exist only where the dailyPlan entity does; elsewhere the path is unknown, as before the pack. */
function planCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(PLAN)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

/** The caller's tenant's live plans: no employee filter (getAllPlans, getTeamDailyPlans, getDailyPlansByTask). */
const tenantPlans = (store: SandboxStore, caller: CallerContext) => store.list(PLAN).filter((plan) => plan.tenantId === caller.tenantId && !plan.deletedAt);

/**
 * getAllPlans: `where` as TypeORM find options, then tenant and `where.organizationId` (a missing one binds
 * NULL and matches nothing), then the employee when the route names one; `{items,total}` of every match.
 */
function listPlans(input: HandlerInput, options: { employeeId?: string; forced?: readonly string[]; keep?: (plan: Row) => boolean } = {}): HandlerOutput {
  const caller = planCaller(input);
  if (input.route.validation) validateBaseQuery(input.store, caller, input.query);
  const where = whereWithoutTenant(input.query.where);
  const relations = [...new Set([...(options.forced ?? []), ...normalizeRelations(input.query.relations)])];
  const refused = refuseUnknownRelation(input, PLAN, relations, true);
  if (refused) return refused;
  const rows = tenantPlans(input.store, caller)
    .filter((plan) => where.organizationId !== undefined && plan.organizationId === where.organizationId)
    .filter((plan) => matchesWhere(PLAN, plan, where, input.store))
    .filter((plan) => !options.employeeId || plan.employeeId === options.employeeId)
    .filter((plan) => (options.keep ? options.keep(plan) : true));
  return { body: { items: rows.map((plan) => serialize(PLAN, plan, input.store, relations)), total: rows.length } };
}

/** The DTO of a plan route, from the entity's sandbox hooks. */
const planDto = (store: SandboxStore, which: 'create' | 'update'): DtoSpec => store.entities.get(PLAN)?.[which] ?? { tenantOrganization: true, fields: {} };

const EMPTY = (value: unknown) => value === undefined || value === null || value === '';
const isObject = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * EmployeeFeatureDTO and OrganizationTeamFeatureDTO: `employee` is checked when there is no employeeId,
 * `employeeId` when there is no employee object (ValidateIf), and a given employee must be one of the
 * body's organization (IsEmployeeBelongsToOrganization).
 */
function relationMessages(store: SandboxStore, caller: CallerContext, body: Record<string, unknown>, optional: boolean): string[] {
  const messages: string[] = [];
  const organizationId = (body.organizationId ?? (body.organization as { id?: string } | undefined)?.id) as string | undefined;
  const belongs = (value: unknown) => {
    if (EMPTY(value) || !organizationId) return true;
    const id = typeof value === 'string' ? value : (value as { id?: string }).id;
    return store.list('employee').some((employee) => employee.id === id && employee.organizationId === organizationId && employee.tenantId === caller.tenantId);
  };
  const pair = (objectKey: string, idKey: string, idMessage: string, checkBelongs: boolean) => {
    if (optional && body[objectKey] === undefined && body[idKey] === undefined) return;
    if (!body[idKey] || body[objectKey]) {
      if (!isObject(body[objectKey])) messages.push(`${objectKey} must be an object`);
      if (checkBelongs && !belongs(body[objectKey])) messages.push(`This employee (${JSON.stringify(body[objectKey])}) does not belong to the specified organization.`);
    }
    if (!body[objectKey] || body[idKey]) {
      if (idMessage === 'uuid' ? !/^[0-9a-f-]{36}$/i.test(String(body[idKey] ?? '')) : typeof body[idKey] !== 'string') messages.push(`${idKey} must be ${idMessage === 'uuid' ? 'a UUID' : 'a string'}`);
      if (checkBelongs && !belongs(body[idKey])) messages.push(`This employee (${JSON.stringify(body[idKey])}) does not belong to the specified organization.`);
    }
  };
  pair('employee', 'employeeId', 'string', true);
  pair('organizationTeam', 'organizationTeamId', 'uuid', false);
  return messages;
}

/**
 * CreateDailyPlanDTO's own properties, in class-validator's order and words (checked against a running
 * Gauzy): `date` (IsDate, IsNotEmpty), `workTimePlanned` (IsNumber, IsNotEmpty), `status` (IsEnum with its own
 * message, where a missing value is left as `$value`, and IsNotEmpty), `taskId` (IsUUID). UpdateDailyPlanDTO
 * (a PartialType) checks the same ones when present, after the organization.
 */
function ownMessages(body: Record<string, unknown>, partial: boolean): string[] {
  const messages: string[] = [];
  const present = (key: string) => !partial || body[key] !== undefined;
  if (present('date')) {
    if (EMPTY(body.date) || Number.isNaN(new Date(String(body.date)).getTime())) messages.push('date must be a Date instance');
    if (EMPTY(body.date)) messages.push('date should not be empty');
  }
  if (present('workTimePlanned')) {
    if (typeof body.workTimePlanned !== 'number' || !Number.isFinite(body.workTimePlanned)) messages.push('workTimePlanned must be a number conforming to the specified constraints');
    if (EMPTY(body.workTimePlanned)) messages.push('workTimePlanned should not be empty');
  }
  if (present('status')) {
    if (!STATUSES.includes(body.status as string)) messages.push(`status \`${body.status === undefined ? '$value' : String(body.status)}\` must be a valid enum value`);
    if (EMPTY(body.status)) messages.push('status should not be empty');
  }
  if (!partial && body.taskId !== undefined && !isUuid(body.taskId)) messages.push('taskId must be a UUID');
  return messages;
}

/** The plan DTOs' messages: create = own properties, organization, employee, team; update = organization, then the rest. */
function validatePlanBody(input: HandlerInput, caller: CallerContext, which: 'create' | 'update'): Record<string, unknown> {
  const result = validateDto(input.body, planDto(input.store, which), { userId: String(caller.user.id), belongsToOrganization: (id) => belongsToOrganization(input.store, caller, id) });
  const organization = result.ok ? [] : result.messages;
  const own = ownMessages(input.body, which === 'update');
  const related = relationMessages(input.store, caller, input.body, which === 'update');
  const messages = which === 'create' ? [...own, ...organization, ...related] : [...organization, ...own, ...related];
  if (messages.length) throw badRequest(messages);
  return (result as { value: Record<string, unknown> }).value;
}

/** What createDailyPlan's `catch (error) { throw new BadRequestException(error) }` makes of a NotFoundException. */
const wrappedNotFound = (message: string) =>
  new GauzyHttpError(400, { response: { message, error: 'Not Found', statusCode: 404 }, status: 404, options: {}, message, name: 'NotFoundException' });

/** `date` goes through class-transformer's `Type(() => Date)`: stored and answered as an ISO instant. */
function normalized(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  if (out.date !== undefined) out.date = new Date(String(out.date)).toISOString();
  if (isObject(out.employee) && !out.employeeId) out.employeeId = (out.employee as { id?: string }).id;
  if (isObject(out.organizationTeam) && !out.organizationTeamId) out.organizationTeamId = (out.organizationTeam as { id?: string }).id;
  for (const key of ['employee', 'organizationTeam', 'organization', 'tenant', 'tenantId', 'taskId', 'tasks', 'id']) delete out[key];
  return out;
}

/** A task of the caller's tenant (and of `organizationId` when given), as TaskService.findOneByIdString finds it. */
const findTask = (store: SandboxStore, caller: CallerContext, taskId: unknown, organizationId?: unknown) =>
  store.list(TASK).find((task) => task.id === taskId && task.tenantId === caller.tenantId && !task.deletedAt && (organizationId === undefined || task.organizationId === organizationId));

/** DailyPlanService.createDailyPlan: one plan per tenant, organization, team, employee and day; a taskId is added to it. */
function createPlan(input: HandlerInput): HandlerOutput {
  const caller = planCaller(input);
  const body = validatePlanBody(input, caller, 'create');
  const data = normalized(body);
  const employee = input.store.list('employee').find((row) => row.id === data.employeeId && row.tenantId === caller.tenantId && !row.deletedAt);
  if (!employee) throw wrappedNotFound('Employee not found');
  const day = dayOf(data.date);
  let plan = tenantPlans(input.store, caller).find((row) =>
    row.organizationId === data.organizationId && row.organizationTeamId === data.organizationTeamId && row.employeeId === data.employeeId && dayOf(row.date) === day);
  const taskId = body.taskId;
  const task = taskId ? findTask(input.store, caller, taskId) : undefined;
  // TaskService.findOneByIdString throws before the service's own "Task not found".
  if (taskId && !task) throw wrappedNotFound('The requested record was not found');
  if (plan) {
    if (task && !taskIdsOf(plan).includes(task.id)) plan.taskIds = [...taskIdsOf(plan), task.id];
    // The plan it found (with its tasks), as loaded.
    return { body: serialize(PLAN, plan, input.store, ['tasks']) };
  }
  const created = insertEntity(input.store, PLAN, { ...data, taskIds: task ? [task.id] : [] }, { tenantId: caller.tenantId, organizationId: String(data.organizationId), createdByUserId: String(caller.user.id) });
  // A new plan is answered as the object the service built and saved: the body, the employee as {id} and the
  // tasks, without the id or any column the database set.
  const { tasks } = serialize(PLAN, created, input.store, ['tasks']);
  return { body: { ...body, date: created.date, employeeId: created.employeeId, organizationTeamId: created.organizationTeamId, employee: { id: created.employeeId }, tasks } };
}

/**
 * getManagedDailyPlanOrThrow: the plan by id, the body's employee, tenant and organization. A caller with
 * CHANGE_SELECTED_EMPLOYEE finds any such plan. Anyone else finds only their own (the employee filter
 * overrides the body's employee; findOneByOptions throws the generic 404 when there is none), and may change
 * it only when the body names them, or a team of theirs they manage.
 */
function managedPlan(input: HandlerInput, caller: CallerContext, planId: string, employeeId: unknown, organizationId: unknown): Row {
  const matches = (plan: Row, employee: unknown) =>
    plan.id === planId && (employee === undefined || plan.employeeId === employee) && (organizationId === undefined || plan.organizationId === organizationId);
  const plans = tenantPlans(input.store, caller);
  if (!caller.selfScoped) {
    const plan = plans.find((row) => matches(row, employeeId));
    if (!plan) throw recordNotFound();
    return plan;
  }
  const own = caller.employee?.id;
  const plan = plans.find((row) => matches(row, own));
  if (!plan) throw recordNotFound();
  const managesTeam = () => input.store.list('organizationTeamEmployee').some((member) =>
    member.employeeId === own && member.organizationTeamId === plan.organizationTeamId && member.isManager === true && !member.deletedAt);
  const canManage = !!own && (employeeId === own || (plan.organizationTeamId ? managesTeam() : false));
  if (!canManage) throw handlerError(404, NOT_YOURS);
  if (employeeId !== undefined && plan.employeeId !== employeeId) throw recordNotFound();
  return plan;
}

function updatePlan(input: HandlerInput): HandlerOutput {
  const caller = planCaller(input);
  const id = assertUuidParam(input.params.id);
  const body = validatePlanBody(input, caller, 'update');
  const plan = managedPlan(input, caller, id, body.employeeId, body.organizationId);
  Object.assign(plan, normalized(body), { updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
  return { body: { ...serialize(PLAN, plan, input.store, ['tasks']), tenant: { id: caller.tenantId } } };
}

/** addTaskToPlan / removeTaskFromPlan: `{ taskId, employeeId, organizationId }`, not validated. */
function changePlanTasks(input: HandlerInput, adding: boolean): HandlerOutput {
  const caller = planCaller(input);
  const { taskId, employeeId, organizationId } = input.body;
  const plan = managedPlan(input, caller, String(input.params.id), employeeId, organizationId);
  const task = findTask(input.store, caller, taskId, organizationId);
  if (!task) throw recordNotFound();
  const before = taskIdsOf(plan);
  // The join table keeps a task once; the answer is the entity saved, which lists a task added twice twice.
  plan.taskIds = adding ? [...new Set([...before, task.id])] : before.filter((id) => id !== task.id);
  plan.updatedAt = new Date().toISOString();
  const answer = serialize(PLAN, plan, input.store, ['tasks']);
  const tasks = adding && before.includes(task.id) ? [...(answer.tasks as unknown[]), serialize(TASK, task, input.store)] : answer.tasks;
  return { body: { ...answer, tasks, tenant: { id: caller.tenantId } } };
}

/**
 * removeTaskFromManyPlans: the employee's plans of today or later in one team (`organizationTeamId` as given:
 * none binds NULL and matches no plan), the listed ones or else every one with the task. No employee filter
 * and no manager check: the query builder is the service's own. Answers the changed plans with their
 * employee, user and tasks.
 */
function removeTaskFromManyPlans(input: HandlerInput): HandlerOutput {
  const caller = planCaller(input);
  const taskId = String(input.params.taskId);
  const { employeeId, plansIds, organizationId, organizationTeamId } = input.body;
  if (!Array.isArray(plansIds)) throw badRequestMessage("Cannot read properties of undefined (reading 'length')");
  const today = new Date().toISOString().slice(0, 10);
  const plans = tenantPlans(input.store, caller).filter((plan) =>
    plan.organizationId === organizationId && organizationTeamId !== undefined && plan.organizationTeamId === organizationTeamId && plan.employeeId === employeeId &&
    dayOf(plan.date) >= today && (plansIds.length > 0 ? plansIds.includes(plan.id) : taskIdsOf(plan).includes(taskId)));
  if (plans.length < 1) throw badRequestMessage('Daily plans not found');
  if (!findTask(input.store, caller, taskId, organizationId)) throw recordNotFound();
  for (const plan of plans) plan.taskIds = taskIdsOf(plan).filter((id) => id !== taskId);
  return { body: plans.map((plan) => ({ ...serialize(PLAN, plan, input.store, ['employee', 'employee.user', 'tasks']), tenant: { id: caller.tenantId } })) };
}

export function registerDailyPlansRoutes(registry: RouteRegistry): void {
  registry.serve('PUT', '/api/daily-plan/:taskId/remove', removeTaskFromManyPlans);
  registry.serve('GET', '/api/daily-plan/me', (input) => listPlans(input, { employeeId: planCaller(input).employee?.id }));
  // getDailyPlansByTask reads `where.organizationId` (no `where` fails) and always joins employee, user and tasks.
  registry.serve('GET', '/api/daily-plan/task/:id', (input) => {
    // The TypeError wrapped in BadRequestException(error) serializes as an empty body.
    if (!isObject(input.query.where)) throw new GauzyHttpError(400, {});
    const taskId = input.params.id;
    return listPlans(input, { forced: ['employee', 'employee.user', 'tasks'], keep: (plan) => taskIdsOf(plan).includes(String(taskId)) });
  });
  registry.serve('POST', '/api/daily-plan/:id/task', (input) => changePlanTasks(input, true));
  registry.serve('PUT', '/api/daily-plan/:id/task', (input) => changePlanTasks(input, false));
  registry.serve('GET', '/api/daily-plan', (input) => listPlans(input));
  registry.serve('POST', '/api/daily-plan', createPlan);
  registry.serve('PUT', '/api/daily-plan/:id', updatePlan);
}

