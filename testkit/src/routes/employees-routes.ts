import type { DtoSpec, FieldRule } from '../dto-validation.js';
import type { HandlerInput } from '../engine/context.js';
import { listRows, paginated, refuseUnknownRelation } from '../engine/crud-engine.js';
import type { CallerContext } from '../engine/context.js';
import { page, toInt } from '../engine/query.js';
import { assertUuidParam, insertEntity, scopedRows, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { badRequest, badRequestMessage, GauzyHttpError, recordNotFound } from '../http-errors.js';
import type { Row, SandboxStore } from '../store.js';
import { hashPassword } from './auth-routes.js';

/*
 * The employee routes whose Gauzy logic is more than the generic CRUD (packages/core/src/lib/employee):
 * EmployeeController's list filters, EmployeeService.pagination's name search, findById's own-record rule,
 * EmployeeCreateHandler (the user comes with the employee), EmployeeUpdateHandler and the subscriber's
 * status rules, the member list, and the month statistics. Registered before the generic entity routes, so
 * they serve every sandbox, whichever model of the employee it was given.
 */

type Where = Record<string, unknown>;

const EMPLOYEE = 'employee';

function userOf(store: SandboxStore, employee: Row): Row | undefined {
  return employee.userId ? store.get('user', String(employee.userId)) : undefined;
}

/** The query with `where` minus keys the service reads itself. */
function withWhere(input: HandlerInput, where: Where): HandlerInput {
  return { ...input, query: { ...input.query, where } };
}

const isActiveUser = (user: Row | undefined) => !!user && !user.deletedAt && user.isActive !== false && user.isArchived !== true;

/**
 * BaseQueryDTO's transform (`transform: true` routes): each where value that parses as JSON becomes
 * `Boolean(JSON.parse(v))`, recursively.
 */
function transformedValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, transformedValue(item)]));
  if (typeof value !== 'string') return value;
  try {
    return Boolean(JSON.parse(value));
  } catch {
    return value;
  }
}

/** EmployeeService.pagination's user search: every word of `name` against first and last name, `email`'s words against the email, any match (LIKE, any case). */
function matchesUserSearch(user: Row | undefined, search: { name?: unknown; email?: unknown }): boolean {
  const terms: Array<[string, unknown]> = [];
  if (search.name !== undefined && search.name !== '') {
    // `name.split` throws, and BadRequestException(error) answers an empty object.
    if (typeof search.name !== 'string') throw new GauzyHttpError(400, {});
    for (const word of search.name.split(' ')) terms.push(['firstName', word], ['lastName', word]);
  }
  if (search.email !== undefined && search.email !== '') {
    if (typeof search.email !== 'string') throw new GauzyHttpError(400, {});
    for (const word of search.email.split(' ')) terms.push(['email', word]);
  }
  if (!terms.length) return true;
  return terms.some(([column, word]) => String(user?.[column] ?? '').toLowerCase().includes(String(word).toLowerCase()));
}

/** The columns EmployeeService.pagination selects (plus the relations asked for). */
const PAGINATION_COLUMNS = [
  'id', 'short_description', 'description', 'averageIncome', 'averageExpenses', 'averageBonus', 'startedWorkOn', 'endWork', 'isTrackingEnabled',
  'deletedAt', 'allowScreenshotCapture', 'allowManualTime', 'allowModifyTime', 'allowDeleteTime', 'trackKeyboardMouseActivity', 'trackAllDisplays',
  'allowAgentAppExit', 'allowLogoutFromAgentApp', 'isActive', 'isArchived', 'isAway', 'isOnline',
];

function selected(record: Record<string, unknown>, columns: readonly string[], keep: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...columns, ...keep]) if (key in record) out[key] = record[key];
  return out;
}

/** IsEnum(CurrenciesEnum) is too long to restate; three letters is what the tools send. */
const CURRENCY: FieldRule = { type: 'string' };

/** EmploymentDTO = TenantOrganizationBaseDTO ∩ PickType(Employee, [startedWorkOn, endWork, short_description, description, anonymousBonus, employeeLevel]) + its relations. */
const EMPLOYMENT_FIELDS: DtoSpec['fields'] = {
  startedWorkOn: { type: 'isoDate' },
  endWork: { type: 'isoDate' },
  short_description: { type: 'string', maxLength: 200 },
  description: { type: 'string' },
  anonymousBonus: { type: 'boolean' },
  employeeLevel: { type: 'string', maxLength: 500 },
  organizationEmploymentTypes: { type: 'array' },
  organizationDepartments: { type: 'array' },
  organizationPosition: { type: 'object' },
  skills: { type: 'array' },
  tags: { type: 'array' },
};

const PAY_PERIODS = ['NONE', 'BI_WEEKLY', 'WEEKLY', 'TWICE_PER_MONTH', 'MONTHLY'];
const text = (names: string[]): DtoSpec['fields'] => Object.fromEntries(names.map((name) => [name, { type: 'string' } as FieldRule]));
const flags = (names: string[]): DtoSpec['fields'] => Object.fromEntries(names.map((name) => [name, { type: 'boolean' } as FieldRule]));

/** UpdateProfileDTO: what the EMPLOYEE role may change on its own record (PUT /api/employee/:id/profile), `whitelist: true`. */
const UPDATE_PROFILE_DTO: DtoSpec = {
  tenantOrganization: true,
  whitelist: true,
  fields: {
    ...EMPLOYMENT_FIELDS,
    ...text(['linkedInUrl', 'facebookUrl', 'instagramUrl', 'twitterUrl', 'githubUrl', 'gitlabUrl', 'upworkUrl', 'stackoverflowUrl', 'upworkId', 'linkedInId', 'profile_link']),
    billRateValue: { type: 'number' },
    billRateCurrency: CURRENCY,
    minimumBillingRate: { type: 'number' },
    payPeriod: { type: 'string', enum: PAY_PERIODS },
    reWeeklyLimit: { type: 'number' },
    offerDate: { type: 'isoDate' },
    acceptDate: { type: 'isoDate' },
    rejectDate: { type: 'isoDate' },
    isAway: { type: 'boolean' },
    contact: { type: 'object' },
  },
};

/** UpdateEmployeeDTO = UpdateProfileDTO ∩ the show_* switches ∩ the flags only SUPER_ADMIN/ADMIN set. */
const UPDATE_EMPLOYEE_DTO: DtoSpec = {
  ...UPDATE_PROFILE_DTO,
  fields: {
    ...UPDATE_PROFILE_DTO.fields,
    ...flags(['show_anonymous_bonus', 'show_average_bonus', 'show_average_expenses', 'show_average_income', 'show_billrate', 'show_payperiod', 'show_start_work_on']),
    ...flags([
      'isActive', 'isArchived', 'isVerified', 'isVetted', 'isOnline', 'isTrackingEnabled', 'isTrackingTime', 'isJobSearchActive', 'allowScreenshotCapture',
      'allowManualTime', 'allowModifyTime', 'allowDeleteTime', 'allowAgentAppExit', 'allowLogoutFromAgentApp', 'trackKeyboardMouseActivity', 'trackAllDisplays',
    ]),
  },
};

/** CreateEmployeeDTO = EmploymentDTO ∩ RelationalTagDTO, then `user` (ValidateIf !userId), `userId` (ValidateIf !user), `password` (ValidateIf !userId). */
const CREATE_EMPLOYMENT_DTO: DtoSpec = { tenantOrganization: true, fields: EMPLOYMENT_FIELDS };
/** UserInputDTO = CreateUserDTO (email IsNotEmpty + IsEmail; firstName, lastName, imageUrl, preferredLanguage optional). */
const USER_INPUT_FIELDS: DtoSpec['fields'] = {
  email: { type: 'email', required: true },
  firstName: { type: 'any' },
  lastName: { type: 'any' },
  imageUrl: { type: 'any' },
  preferredLanguage: { type: 'string', enum: ['en', 'bg', 'he', 'ru', 'fr', 'es', 'zh', 'de', 'pt', 'it', 'nl', 'pl', 'ar'] },
};

function validateCreate(input: HandlerInput, caller: CallerContext): Record<string, unknown> {
  const body = input.body;
  const messages: string[] = [];
  const collect = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      const message = (error as GauzyHttpError).body as { message?: string[] } | undefined;
      if (!(error instanceof GauzyHttpError) || !Array.isArray(message?.message)) throw error;
      messages.push(...message.message);
    }
  };
  collect(() => validateBody(input.store, caller, body, CREATE_EMPLOYMENT_DTO));
  const hasUserId = body.userId !== undefined && body.userId !== null;
  const hasUser = body.user !== undefined && body.user !== null;
  if (!hasUserId) {
    if (!hasUser || typeof body.user !== 'object' || Array.isArray(body.user)) messages.push('user must be an object');
    else collect(() => validateBody(input.store, caller, body.user as Record<string, unknown>, { fields: USER_INPUT_FIELDS }, 'user.'));
  }
  if (!hasUser) {
    if (body.userId === undefined || body.userId === null || body.userId === '') messages.push('userId should not be empty');
    if (typeof body.userId !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(body.userId)) messages.push('userId must be a UUID');
  }
  if (!hasUserId && (body.password === undefined || body.password === null || body.password === '')) messages.push('password should not be empty');
  if (messages.length) throw badRequest(messages);
  return body;
}

/**
 * EmployeeSubscriber.updateEmployeeStatus (before insert and update): a saved start date makes the employee
 * active, tracking and capturing screenshots and clears the end date; an end date alone makes them inactive
 * and archived. Either also sets their user_organization row's isActive / isArchived.
 */
function applyWorkStatus(store: SandboxStore, saved: Record<string, unknown>, employee: Row): void {
  const started = !!saved.startedWorkOn;
  const ended = !!saved.endWork;
  if (!started && !ended) return;
  Object.assign(employee, { isTrackingEnabled: started, allowScreenshotCapture: started, isActive: started, isArchived: ended });
  if (started) employee.endWork = null;
  for (const link of store.list('userOrganization')) {
    if (link.userId === employee.userId && link.organizationId === employee.organizationId) Object.assign(link, { isActive: started, isArchived: ended });
  }
}

/** EmployeeSubscriber.createSlug: the profile link from the user's full name (else username, else the email's name). */
function profileLink(user: Row): string {
  const full = [user.firstName, user.lastName].map((part) => String(part ?? '').trim()).filter(Boolean).join(' ');
  const source = full || String(user.username ?? '').trim() || String(user.email ?? '').split('@')[0]!;
  return source.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const isAdminRole = (store: SandboxStore, user: Row) => ['ADMIN', 'SUPER_ADMIN'].includes(String(store.get('role', String(user.roleId))?.name));

function createEmployeeRow(input: HandlerInput, caller: CallerContext, body: Record<string, unknown>, user: Row, extra: Record<string, unknown> = {}): Row {
  const { store } = input;
  const organizationId = String(body.organizationId ?? (body.organization as { id?: string } | undefined)?.id);
  const data: Record<string, unknown> = {};
  for (const key of ['startedWorkOn', 'endWork', 'short_description', 'description', 'anonymousBonus', 'employeeLevel']) if (body[key] !== undefined) data[key] = body[key];
  // The entity's own column defaults (the platform's stand for Gauzy's seed): no pay period, currency or limits yet.
  const unset = { payPeriod: null, billRateValue: 0, minimumBillingRate: 0, billRateCurrency: null, reWeeklyLimit: 0 };
  const row = insertEntity(store, EMPLOYEE, { ...unset, ...data, ...extra, userId: user.id, profile_link: profileLink(user) }, { tenantId: caller.tenantId, organizationId, createdByUserId: String(caller.user.id) });
  applyWorkStatus(store, body, row);
  // UserOrganizationService.addUserToOrganization: the user joins the organization.
  if (!store.list('userOrganization').some((link) => link.userId === user.id && link.organizationId === organizationId && !link.deletedAt)) {
    insertEntity(store, 'userOrganization', { userId: user.id, isDefault: false }, { tenantId: caller.tenantId, organizationId });
  }
  return row;
}

/** What TenantAwareCrudService.create answers: the saved entity, with the user object the handler set. */
const createdAnswer = (store: SandboxStore, row: Row) => ({
  body: { ...serialize(EMPLOYEE, row, store, ['user'], { virtuals: false }), tenant: { id: row.tenantId }, organization: { id: row.organizationId } },
});

function updateHandler(dto: DtoSpec) {
  return (input: HandlerInput) => {
    const caller = requireCaller(input);
    const id = assertUuidParam(input.params.id);
    const body = validateBody(input.store, caller, input.body, dto);
    // EmployeeUpdateHandler: PROFILE_EDIT without ORG_EMPLOYEES_EDIT changes only one's own record.
    if (caller.permissions.has('PROFILE_EDIT') && !caller.permissions.has('ORG_EMPLOYEES_EDIT') && caller.employee?.id !== id) {
      // ForbiddenException, rewrapped by the TransformInterceptor (no `error`).
      throw new GauzyHttpError(403, { statusCode: 403, message: 'Failed to update employee profile.' });
    }
    const saved: Record<string, unknown> = { ...body, upworkId: body.upworkId || null, linkedInId: body.linkedInId || null, id };
    const row = scopedRows(input.store, EMPLOYEE, caller, { withDeleted: true }).find((employee) => employee.id === id);
    // TypeORM's save inserts an unknown id, and the employee's user column is NOT NULL.
    if (!row) throw badRequestMessage('SqliteError: NOT NULL constraint failed: employee.userId');
    const columns = { ...saved };
    for (const key of ['id', 'tenant', 'tenantId', 'organization', 'sentTo', 'tags', 'skills', 'contact', 'organizationPosition', 'organizationEmploymentTypes', 'organizationDepartments']) delete columns[key];
    Object.assign(row, columns, { updatedAt: new Date().toISOString(), updatedByUserId: caller.user.id });
    applyWorkStatus(input.store, saved, row);
    // TypeORM's save answers the object it saved, not the reloaded employee.
    return { body: { ...saved, tenantId: caller.tenantId, updatedAt: row.updatedAt } };
  };
}

/** The columns EmployeeService.findMembers selects. */
const MEMBER_COLUMNS = ['id', 'isActive', 'isArchived', 'userId', 'isOnline', 'isAway'];
const MEMBER_USER_COLUMNS = ['id', 'firstName', 'lastName', 'email', 'imageUrl'];

interface MonthStatistic { month: number; year: number; income: number; expense: number; expenseWithoutSalary: number; profit: number; directIncomeBonus: number; bonus: number }

const round2 = (value: number) => Number(value.toFixed(2));

export function registerEmployeesRoutes(registry: RouteRegistry): void {
  // EmployeeController.findAll: `where.user` is replaced by { isActive: true, isArchived: false } (active users only).
  registry.serve('GET', '/api/employee', (input) => {
    const where = { ...((input.query.where as Where | undefined) ?? {}) };
    delete where.user;
    const narrowed = withWhere(input, where);
    return paginated(narrowed, EMPLOYEE, listRows(narrowed, EMPLOYEE, (row) => isActiveUser(userOf(input.store, row))), false);
  });

  // EmployeeService.pagination: tenant, organizationId, four boolean columns, tags, and the user name/email search; skip = page.
  registry.serve('GET', '/api/employee/pagination', (input) => {
    const where = (transformedValue(input.query.where ?? {}) ?? {}) as Where;
    const raw = (input.query.where ?? {}) as Where;
    const honoured: Where = { organizationId: raw.organizationId, tenantId: raw.tenantId };
    for (const key of ['isActive', 'isArchived', 'isTrackingEnabled', 'allowScreenshotCapture']) if (key in where) honoured[key] = where[key];
    const search = (where.user && typeof where.user === 'object' ? where.user : {}) as { name?: unknown; email?: unknown };
    const tags = Array.isArray(raw.tags) ? raw.tags.map(String) : raw.tags && typeof raw.tags === 'object' ? Object.values(raw.tags).map(String) : [];
    const narrowed = withWhere(input, honoured);
    const rows = listRows(narrowed, EMPLOYEE, (row) => matchesUserSearch(userOf(input.store, row), search) && (!tags.length || ((row.tagIds as string[] | undefined) ?? []).some((id) => tags.includes(id))));
    const relations = normalizeRelations(input.query.relations);
    const refused = refuseUnknownRelation(input, EMPLOYEE, relations, true);
    if (refused) return refused;
    const heads = [...new Set(relations.map((path) => path.split('.')[0]!))];
    const items = page(rows, toInt(input.query.take) ?? 10, toInt(input.query.skip), true).map((row) => selected(serialize(EMPLOYEE, row, input.store, relations), PAGINATION_COLUMNS, [...heads, 'fullName', 'isDeleted']));
    return { body: { items, total: rows.length } };
  });

  // EmployeeService.findMembers: active employees with active users, of the organization (and team / project).
  registry.serve('GET', '/api/employee/members', (input) => {
    const caller = requireCaller(input);
    const { store } = input;
    const query = validateBody(store, caller, input.query, { tenantOrganization: true, fields: { organizationTeamId: { type: 'uuid' }, organizationProjectId: { type: 'uuid' } } });
    const teamId = query.organizationTeamId as string | undefined;
    const projectId = query.organizationProjectId as string | undefined;
    const inTeam = (employee: Row) => !teamId || store.list('organizationTeamEmployee').some((link) => link.organizationTeamId === teamId && link.employeeId === employee.id && !link.deletedAt);
    const inProject = (employee: Row) => !projectId || store.list('organizationProjectEmployee').some((link) => link.organizationProjectId === projectId && link.employeeId === employee.id && !link.deletedAt);
    const rows = scopedRows(store, EMPLOYEE, caller).filter((employee) =>
      employee.organizationId === query.organizationId && employee.isActive !== false && employee.isArchived !== true && isActiveUser(userOf(store, employee)) && inTeam(employee) && inProject(employee));
    const items = rows.map((employee) => {
      const user = userOf(store, employee)!;
      const rendered = serialize('user', user, store);
      return { ...selected(employee, MEMBER_COLUMNS, []), user: { ...selected(rendered, MEMBER_USER_COLUMNS, ['image', 'name']) }, fullName: rendered.name };
    });
    return { body: { items, total: items.length } };
  });

  // findById: withDeleted; a caller without CHANGE_SELECTED_EMPLOYEE gets their own employee, whatever the id.
  registry.serve('GET', '/api/employee/:id', (input) => {
    const caller = requireCaller(input);
    const id = assertUuidParam(input.params.id);
    const relations = normalizeRelations(input.query.relations);
    const refused = refuseUnknownRelation(input, EMPLOYEE, relations, false);
    if (refused) return refused;
    const wanted = caller.selfScoped ? caller.employee?.id : id;
    const row = scopedRows(input.store, EMPLOYEE, caller, { withDeleted: true }).find((employee) => employee.id === wanted);
    if (!row) throw recordNotFound();
    return { body: serialize(EMPLOYEE, row, input.store, relations) };
  });

  // EmployeeCreateHandler.
  registry.serve('POST', '/api/employee', (input) => {
    const caller = requireCaller(input);
    const { store } = input;
    const body = validateCreate(input, caller);
    const organizationId = String(body.organizationId ?? (body.organization as { id?: string } | undefined)?.id);
    if (typeof body.userId === 'string' && body.userId) {
      // The userId path: a user it cannot find is logged and the answer is empty.
      const user = store.get('user', body.userId);
      if (!user || user.tenantId !== caller.tenantId || user.deletedAt) return { body: undefined };
      const admin = isAdminRole(store, user);
      return createdAnswer(store, createEmployeeRow(input, caller, body, user, { allowManualTime: admin, allowModifyTime: admin, allowDeleteTime: admin }));
    }
    const given = body.user as Record<string, unknown>;
    const existing = store.list('user').find((user) => user.tenantId === caller.tenantId && user.email === given.email && !user.deletedAt);
    if (existing) {
      if (store.list(EMPLOYEE).some((employee) => employee.userId === existing.id && employee.organizationId === organizationId && !employee.deletedAt)) {
        throw badRequestMessage('Employee already exists for this user in this organization');
      }
      const admin = isAdminRole(store, existing);
      return createdAnswer(store, createEmployeeRow(input, caller, body, existing, { allowManualTime: admin, allowModifyTime: admin, allowDeleteTime: admin }));
    }
    const role = store.list('role').find((candidate) => candidate.tenantId === caller.tenantId && candidate.name === 'EMPLOYEE');
    const name = [given.firstName, given.lastName].filter(Boolean).join(' ') || String(given.email);
    const user = insertEntity(store, 'user', {
      email: given.email, firstName: given.firstName ?? null, lastName: given.lastName ?? null, roleId: role?.id ?? null, hash: hashPassword(String(body.password)),
      preferredLanguage: given.preferredLanguage ?? 'en', preferredComponentLayout: 'TABLE',
      imageUrl: given.imageUrl ?? `https://dummyimage.com/330x300/8b72ff/ffffff.jpg&text=${encodeURIComponent(name.slice(0, 1).toUpperCase())}`,
    }, { tenantId: caller.tenantId });
    return createdAnswer(store, createEmployeeRow(input, caller, body, user));
  });

  registry.serve('PUT', '/api/employee/:id', updateHandler(UPDATE_EMPLOYEE_DTO));
  registry.serve('PUT', '/api/employee/:id/profile', updateHandler(UPDATE_PROFILE_DTO));

  /*
   * MonthAggregatedEmployeeStatisticsQueryHandler: per month (0-based) of the range, the employee's incomes (isBonus ones
   * also as direct bonus) and one-time expenses, profit = income - expense, and the organization's bonus rule
   * (profit-based 75% unless set). Recurring and split expenses, which the sandbox does not hold, count as none.
   */
  registry.serve('GET', '/api/employee-statistics/months', (input) => {
    const caller = requireCaller(input);
    const { store } = input;
    const query = validateBody(store, caller, input.query, { tenantOrganization: true, whitelist: true, fields: { startDate: { type: 'isoDate' }, endDate: { type: 'isoDate' }, employeeId: { type: 'string' }, employee: { type: 'object' } } });
    const employeeId = String(query.employeeId ?? (query.employee as { id?: string } | undefined)?.id ?? '');
    // IsEmployeeBelongsToOrganization on employeeId (or employee).
    const employee = store.get(EMPLOYEE, employeeId);
    if (!employee || employee.deletedAt || employee.tenantId !== caller.tenantId || employee.organizationId !== query.organizationId) {
      throw badRequest([`This employee (${JSON.stringify(query.employeeId ?? query.employee)}) does not belong to the specified organization.`]);
    }
    const now = new Date();
    const start = query.startDate ? Date.parse(String(query.startDate)) : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const end = query.endDate ? Date.parse(String(query.endDate)) : Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1;
    const inRange = (row: Row) => {
      const at = Date.parse(String(row.valueDate));
      return row.employeeId === employeeId && row.organizationId === query.organizationId && at >= start && at <= end;
    };
    // Incomes and expenses are employee-owned: TenantAwareCrudService gives an EMPLOYEE-role caller only their own.
    const own = (row: Row) => !caller.selfScoped || row.employeeId === caller.employee?.id;
    const months = new Map<string, MonthStatistic>();
    const monthOf = (row: Row) => {
      const at = new Date(String(row.valueDate));
      const key = `${at.getUTCMonth()}-${at.getUTCFullYear()}`;
      const stat = months.get(key) ?? { month: at.getUTCMonth(), year: at.getUTCFullYear(), income: 0, expense: 0, expenseWithoutSalary: 0, profit: 0, directIncomeBonus: 0, bonus: 0 };
      months.set(key, stat);
      return stat;
    };
    for (const income of scopedRows(store, 'income', caller).filter((row) => inRange(row) && own(row))) {
      const stat = monthOf(income);
      const amount = Number(income.amount ?? 0);
      stat.income = round2(stat.income + amount);
      if (income.isBonus) {
        stat.bonus = round2(stat.bonus + amount);
        stat.directIncomeBonus = round2(stat.directIncomeBonus + amount);
      }
    }
    for (const expense of scopedRows(store, 'expense', caller).filter((row) => inRange(row) && own(row))) {
      const stat = monthOf(expense);
      const amount = Number(expense.amount ?? 0);
      stat.expense = round2(stat.expense + amount);
      stat.expenseWithoutSalary = round2(stat.expenseWithoutSalary + amount);
    }
    const organization = store.get('organization', String(employee.organizationId));
    const bonusType = String(organization?.bonusType ?? 'PROFIT_BASED_BONUS');
    const percentage = Number(organization?.bonusPercentage ?? 0);
    for (const stat of months.values()) {
      stat.profit = round2(stat.income - stat.expense);
      const bonus = bonusType === 'REVENUE_BASED_BONUS' ? (stat.income * (percentage || 10)) / 100 : bonusType === 'PROFIT_BASED_BONUS' ? (stat.profit * (percentage || 75)) / 100 : 0;
      stat.bonus = round2(stat.bonus + bonus);
    }
    return { body: [...months.values()].sort((a, b) => (a.year === b.year ? b.month - a.month : b.year - a.year)) };
  });
}
