import type { DtoSpec } from './dto-validation.js';
import type { Row, SandboxStore } from './store.js';

/** How a relation named in `relations[]` is joined. */
export type RelationSpec =
  /** This row holds `key` = id of one `entity` row. */
  | { kind: 'manyToOne'; entity: string; key: string }
  /** Rows of `entity` whose `key` equals this row's id. */
  | { kind: 'oneToMany'; entity: string; key: string }
  /** This row holds an id array column `key` (hidden) listing `entity` rows. */
  | { kind: 'manyToManyIds'; entity: string; key: string }
  /** The other side of a manyToManyIds: rows of `entity` whose id array column `key` lists this row. */
  | { kind: 'manyToManyListedBy'; entity: string; key: string };

export interface EntitySpec {
  /** Store table name. */
  name: string;
  /** Gauzy's entity class, as its errors name it (e.g. `Property "x" was not found in "Task"`); default: `name`. */
  gauzyClass?: string;
  /** Column defaults applied on create, after the base columns (mirrors the entity's nullable columns). */
  defaults: () => Record<string, unknown>;
  /** Columns never emitted (Gauzy's @Exclude / select:false, or sandbox bookkeeping). */
  hidden?: string[];
  relations?: Record<string, RelationSpec>;
  /** Virtual (computed) fields Gauzy adds on load. */
  virtuals?: (row: Row, store: SandboxStore) => Record<string, unknown>;
  /** The entity carries `organizationId` (TenantOrganizationBaseEntity) rather than only `tenantId`. */
  organizationScoped: boolean;
  /** Has `employeeId`: callers without CHANGE_SELECTED_EMPLOYEE only see/stamp their own. */
  employeeScoped?: boolean;
  create?: DtoSpec;
  update?: DtoSpec;
  /**
   * What a create answers: the entity TypeORM's save() returns, not a reload. `virtuals: false`: the load
   * hooks (@AfterLoad, subscribers' afterEntityLoad) have not run, so `virtuals` are left out; `relations`:
   * the relations the service set on the entity it saved (rendered like `relations[]`); `tenant`: the
   * `tenant: {id}` TenantAwareCrudService.create sets. Default: the row with its virtuals, plus `members` when
   * it is a manyToManyIds relation.
   */
  createAnswer?: { virtuals?: boolean; relations?: string[]; tenant?: boolean };
  /** Server-set fields on create (numbering, auto-membership). */
  onCreate?: (row: Row, ctx: { employeeId?: string; isEmployeeRole: boolean }, store: SandboxStore) => void;
  /** Request-body field → stored column translation (e.g. task `members:[{id}]` → memberIds). */
  fromBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Which service answers `DELETE /:id/soft` and `PUT /:id/recover`. `crud` (default): the inherited
   * CrudService — softRemove works, but softRecover looks the row up with findOneByIdString and no
   * withDeleted, so on TypeORM it never finds a soft-deleted row (404 "An error occurred during restoring
   * entity: …"); failures are 404s. `withDeleted`: the entity's service overrides both the way
   * EmployeeService does (softRemovedById / softRecoverById): the row is looked up in the request's
   * organization, recover looks with withDeleted and restores it, and every failure is a 400.
   */
  softDelete?: 'crud' | 'withDeleted';
  /**
   * Where the service's findById wraps the lookup's NotFoundException in its own exception: that status, and
   * the prefix it puts before "The requested record was not found" (default: the plain 404).
   */
  findByIdFailure?: { status: number; prefix: string };
}

const nulls = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, null]));

const TASK_FIELDS: DtoSpec['fields'] = {
  title: { type: 'string', required: true },
  status: { type: 'string', required: true },
  description: { type: 'string' },
  priority: { type: 'string' },
  size: { type: 'string' },
  issueType: { type: 'string' },
  estimate: { type: 'number' },
  dueDate: { type: 'isoDate' },
  startDate: { type: 'isoDate' },
  resolvedAt: { type: 'isoDate' },
  public: { type: 'boolean' },
  isDraft: { type: 'boolean' },
  isScreeningTask: { type: 'boolean' },
  version: { type: 'string' },
  projectId: { type: 'uuid' },
  project: { type: 'object' },
  parentId: { type: 'uuid' },
  parent: { type: 'object' },
  organizationSprintId: { type: 'uuid' },
  taskStatusId: { type: 'uuid' },
  taskSizeId: { type: 'uuid' },
  taskPriorityId: { type: 'uuid' },
  taskTypeId: { type: 'uuid' },
  tags: { type: 'array' },
  members: { type: 'array' },
  teams: { type: 'array' },
  modules: { type: 'array' },
  mentionEmployeeIds: { type: 'array' },
};

/**
 * CreateOrganizationProjectDTO = IntersectionType(OrganizationProjectDTO, TenantOrganizationBaseDTO), and
 * OrganizationProjectDTO = PickType(OrganizationProject, [imageId, name, billing, budgetType]) ∩
 * PartialType(UpdateTaskModeDTO) ∩ MemberEntityBasedDTO: the picked columns come first, then the organization
 * properties (made IsOptional by the PartialType), then taskListType, memberIds, managerIds. The entity's
 * `name` has only IsNotEmpty (no IsString).
 */
const PROJECT_OWN_FIELDS: DtoSpec['fields'] = {
  imageId: { type: 'uuid' },
  name: { type: 'any', required: true },
  billing: { type: 'string', enum: ['RATE', 'FLAT_FEE', 'MILESTONES'] },
  budgetType: { type: 'string', enum: ['hours', 'cost'] },
};
const PROJECT_MORE_FIELDS: DtoSpec['fields'] = {
  taskListType: { type: 'string', enum: ['GRID', 'SPRINT'] },
  memberIds: { type: 'array' },
  managerIds: { type: 'array' },
};
const PROJECT_FIELDS: DtoSpec['fields'] = { ...PROJECT_OWN_FIELDS, ...PROJECT_MORE_FIELDS };

const idsOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((m) => (typeof m === 'string' ? m : (m as { id?: string })?.id)).filter((x): x is string => typeof x === 'string') : [];

export const TASK: EntitySpec = {
  name: 'task',
  gauzyClass: 'Task',
  organizationScoped: true,
  defaults: () => ({
    title: null, number: null, prefix: null, description: null, status: null, priority: null, size: null, issueType: null,
    estimate: null, dueDate: null, public: true, startDate: null, resolvedAt: null, version: null, isDraft: false,
    isScreeningTask: false, parentId: null, projectId: null, organizationSprintId: null, taskStatusId: null, taskSizeId: null,
    taskPriorityId: null, taskTypeId: null, memberIds: [], teamIds: [], tagIds: [],
  }),
  hidden: ['memberIds', 'teamIds', 'tagIds'],
  relations: {
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
    parent: { kind: 'manyToOne', entity: 'task', key: 'parentId' },
    children: { kind: 'oneToMany', entity: 'task', key: 'parentId' },
    members: { kind: 'manyToManyIds', entity: 'employee', key: 'memberIds' },
    teams: { kind: 'manyToManyIds', entity: 'organizationTeam', key: 'teamIds' },
    tags: { kind: 'manyToManyIds', entity: 'tag', key: 'tagIds' },
    createdByUser: { kind: 'manyToOne', entity: 'user', key: 'createdByUserId' },
  },
  // TaskSubscriber.afterEntityLoad: [prefix?.toUpperCase(), number || 0].filter(Boolean).join('-') (a task
  // without a project has no prefix: "1").
  virtuals: (row) => ({ taskNumber: [row.prefix ? String(row.prefix).toUpperCase() : '', Number(row.number) || 0].filter(Boolean).join('-') }),
  createAnswer: { virtuals: false, relations: ['members'], tenant: true },
  create: { fields: TASK_FIELDS, tenantOrganization: true, whitelist: true },
  // UpdateTaskDTO = the whole CreateTaskDTO: title and status stay required on PUT.
  update: { fields: TASK_FIELDS, tenantOrganization: true, whitelist: true },
  fromBody: (body) => {
    const out: Record<string, unknown> = { ...body };
    if ('members' in body) out.memberIds = idsOf(body.members);
    if ('teams' in body) out.teamIds = idsOf(body.teams);
    if (body.project && typeof body.project === 'object' && !out.projectId) out.projectId = (body.project as { id?: string }).id ?? null;
    for (const k of ['members', 'teams', 'project', 'parent', 'tags', 'modules', 'mentionEmployeeIds', 'organization', 'tenant', 'sentTo']) delete out[k];
    return out;
  },
  onCreate: (row, ctx, store) => {
    // number = max+1 within the project (or among project-less tasks); prefix = first 3 chars of the project name.
    const siblings = store.list('task').filter((t) => t.tenantId === row.tenantId && t.organizationId === row.organizationId && (t.projectId ?? null) === (row.projectId ?? null) && t.id !== row.id);
    row.number = siblings.reduce((max, t) => Math.max(max, Number(t.number) || 0), 0) + 1;
    const project = row.projectId ? store.get('organizationProject', String(row.projectId)) : undefined;
    row.prefix = project?.name ? String(project.name).substring(0, 3) : null;
    if (ctx.isEmployeeRole && ctx.employeeId) {
      const members = (row.memberIds as string[] | undefined) ?? [];
      if (!members.includes(ctx.employeeId)) row.memberIds = [...members, ctx.employeeId];
    }
  },
};

export const ORGANIZATION_PROJECT: EntitySpec = {
  name: 'organizationProject',
  gauzyClass: 'OrganizationProject',
  organizationScoped: true,
  // OrganizationProjectService.findById: HttpException(`Failed to find organization project: ${error.message}`, BAD_REQUEST).
  findByIdFailure: { status: 400, prefix: 'Failed to find organization project: ' },
  defaults: () => ({
    name: null, startDate: null, endDate: null, billing: null, currency: null, public: null, owner: null, taskListType: 'GRID',
    code: null, description: null, color: null, billable: null, billingFlat: null, openSource: null, projectUrl: null,
    openSourceProjectUrl: null, budget: null, budgetType: 'cost', imageUrl: null, icon: null, status: 'open', isTasksAutoSync: true,
    isTasksAutoSyncOnLabel: true, syncTag: null, archiveTasksIn: null, closeTasksIn: null, membersCount: 0,
    organizationContactId: null, imageId: null, defaultAssigneeId: null, customFields: { repositoryId: null },
  }),
  relations: {
    members: { kind: 'oneToMany', entity: 'organizationProjectEmployee', key: 'organizationProjectId' },
    tasks: { kind: 'oneToMany', entity: 'task', key: 'projectId' },
    teams: { kind: 'manyToManyListedBy', entity: 'organizationTeam', key: 'projectIds' },
    tags: { kind: 'manyToManyIds', entity: 'tag', key: 'tagIds' },
    organizationContact: { kind: 'manyToOne', entity: 'organizationContact', key: 'organizationContactId' },
  },
  hidden: ['tagIds'],
  virtuals: () => ({ image: null }),
  createAnswer: { virtuals: false, relations: ['members', 'tags'], tenant: true },
  // OrganizationProjectSubscriber.beforeEntityCreate: no imageUrl ⇒ getDummyImage(330, 300, initials of the first
  // two words); Gauzy samples the colour from four, the sandbox picks one by the name so answers repeat.
  onCreate: (row) => {
    if (row.imageUrl || !row.name) return;
    const name = String(row.name);
    const initials = name.toLowerCase().split(' ').slice(0, 2).map((word) => word.charAt(0)).join('').toUpperCase();
    const colours = ['269aff', 'ffaf26', '8b72ff', '0ecc9D'];
    const colour = colours[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % colours.length];
    row.imageUrl = `https://dummyimage.com/330x300/${colour}/ffffff.jpg&text=${initials}`;
  },
  create: { ownFields: PROJECT_OWN_FIELDS, fields: PROJECT_MORE_FIELDS, tenantOrganization: 'optional' },
  update: { fields: { ...PROJECT_FIELDS, name: { type: 'string' } }, tenantOrganization: true },
  fromBody: (body) => {
    const out: Record<string, unknown> = { ...body };
    delete out.memberIds; delete out.managerIds; delete out.members; delete out.organization; delete out.tenant; delete out.tags;
    return out;
  },
};

export const ORGANIZATION_PROJECT_EMPLOYEE: EntitySpec = {
  name: 'organizationProjectEmployee',
  gauzyClass: 'OrganizationProjectEmployee',
  organizationScoped: true,
  defaults: () => ({ isManager: false, assignedAt: null, organizationProjectId: null, employeeId: null, roleId: null }),
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    organizationProject: { kind: 'manyToOne', entity: 'organizationProject', key: 'organizationProjectId' },
  },
};

export const EMPLOYEE: EntitySpec = {
  name: 'employee',
  gauzyClass: 'Employee',
  organizationScoped: true,
  defaults: () => ({
    valueDate: null, short_description: null, description: null, startedWorkOn: null, endWork: null, payPeriod: 'TWICE_PER_MONTH',
    billRateValue: 0, minimumBillingRate: 0, billRateCurrency: 'USD', reWeeklyLimit: 40, offerDate: null, acceptDate: null,
    rejectDate: null, employeeLevel: null, anonymousBonus: null, averageIncome: null, averageBonus: null, totalWorkHours: null,
    averageExpenses: null, show_anonymous_bonus: null, show_average_bonus: null, show_average_expenses: null,
    show_average_income: null, show_billrate: null, show_payperiod: null, show_start_work_on: null, isJobSearchActive: null,
    linkedInUrl: null, facebookUrl: null, instagramUrl: null, twitterUrl: null, githubUrl: null, gitlabUrl: null, upworkUrl: null,
    stackoverflowUrl: null, isVerified: null, isVetted: null, totalJobs: null, jobSuccess: null, profile_link: null,
    isTrackingEnabled: false, isOnline: false, isAway: false, isTrackingTime: false, allowScreenshotCapture: true,
    allowManualTime: false, allowModifyTime: false, allowDeleteTime: false, allowAgentAppExit: true, allowLogoutFromAgentApp: true,
    trackKeyboardMouseActivity: false, trackAllDisplays: true, upworkId: null, linkedInId: null, userId: null, contactId: null,
    organizationPositionId: null,
  }),
  relations: {
    user: { kind: 'manyToOne', entity: 'user', key: 'userId' },
    organization: { kind: 'manyToOne', entity: 'organization', key: 'organizationId' },
    projects: { kind: 'oneToMany', entity: 'organizationProjectEmployee', key: 'employeeId' },
    teams: { kind: 'oneToMany', entity: 'organizationTeamEmployee', key: 'employeeId' },
  },
  virtuals: (row, store) => {
    const user = row.userId ? store.get('user', String(row.userId)) : undefined;
    const fullName = user ? [user.firstName, user.lastName].filter(Boolean).join(' ') : '';
    return { fullName, isDeleted: !!row.deletedAt };
  },
};

export const USER: EntitySpec = {
  name: 'user',
  gauzyClass: 'User',
  organizationScoped: false,
  defaults: () => ({
    thirdPartyId: null, firstName: null, lastName: null, email: null, phoneNumber: null, username: null, timeZone: null, timeFormat: 12,
    imageUrl: 'assets/images/avatars/avatar-default.svg', preferredLanguage: 'en', preferredComponentLayout: 'TABLE', lastLoginAt: null,
    roleId: null, imageId: null, defaultTeamId: null, lastTeamId: null, defaultOrganizationId: null, lastOrganizationId: null,
  }),
  // Never emitted by Gauzy's TransformInterceptor.
  hidden: ['hash', 'refreshToken', 'code', 'codeExpireAt', 'emailVerifiedAt', 'emailToken', 'password'],
  relations: {
    role: { kind: 'manyToOne', entity: 'role', key: 'roleId' },
    employee: { kind: 'oneToMany', entity: 'employee', key: 'userId' },
  },
  virtuals: (row) => ({
    image: null,
    name: [row.firstName, row.lastName].filter(Boolean).join(' '),
    isEmailVerified: !!row.emailVerifiedAt,
  }),
};

export const ROLE: EntitySpec = {
  name: 'role',
  gauzyClass: 'Role',
  organizationScoped: false,
  defaults: () => ({ name: null, isSystem: true }),
  // Sandbox keeps the enabled permissions on the role row (Gauzy: role_permission rows).
  hidden: ['permissions'],
};

export const ORGANIZATION: EntitySpec = {
  name: 'organization',
  gauzyClass: 'Organization',
  organizationScoped: false,
  defaults: () => ({
    name: null, isDefault: false, profile_link: null, banner: null, totalEmployees: null, short_description: null,
    client_focus: null, overview: null, imageUrl: null, currency: 'USD', valueDate: null, defaultValueDateType: 'TODAY',
    defaultAlignmentType: null, timeZone: null, regionCode: null, brandColor: null, dateFormat: null, officialName: null,
    startWeekOn: null, taxId: null, numberFormat: null, minimumProjectSize: null, bonusType: null, bonusPercentage: null,
    invitesAllowed: null, show_income: null, show_profits: null, show_bonuses_paid: null, show_total_hours: null,
    show_minimum_project_size: null, show_projects_count: null, show_clients_count: null, show_clients: null,
    show_employees_count: null, inviteExpiryPeriod: null, fiscalStartDate: null, fiscalEndDate: null, registrationDate: null,
    futureDateAllowed: null, allowManualTime: true, allowModifyTime: true, allowDeleteTime: true, allowTrackInactivity: true,
    inactivityTimeLimit: 10, activityProofDuration: 1, requireReason: null, requireDescription: null, requireProject: null,
    requireTask: null, requireClient: null, timeFormat: 12, defaultStartTime: null, defaultEndTime: null, standardWorkHoursPerDay: 8,
    allowScreenshotCapture: true, upworkOrganizationId: null, upworkOrganizationName: null, randomScreenshot: false,
    trackOnSleep: false, screenshotFrequency: 10, enforced: false, imageId: null,
  }),
  virtuals: () => ({ image: null }),
};

export const USER_ORGANIZATION: EntitySpec = {
  name: 'userOrganization',
  gauzyClass: 'UserOrganization',
  organizationScoped: true,
  defaults: () => ({ isDefault: true, userId: null }),
  relations: {
    user: { kind: 'manyToOne', entity: 'user', key: 'userId' },
    organization: { kind: 'manyToOne', entity: 'organization', key: 'organizationId' },
  },
};

export const ORGANIZATION_TEAM: EntitySpec = {
  name: 'organizationTeam',
  gauzyClass: 'OrganizationTeam',
  organizationScoped: true,
  defaults: () => ({
    name: null, color: null, emoji: null, teamSize: null, logo: null, prefix: null, shareProfileView: true,
    requirePlanToTrack: false, public: false, profile_link: null, imageId: null,
  }),
  relations: {
    members: { kind: 'oneToMany', entity: 'organizationTeamEmployee', key: 'organizationTeamId' },
    projects: { kind: 'manyToManyIds', entity: 'organizationProject', key: 'projectIds' },
  },
  hidden: ['projectIds'],
  virtuals: () => ({ image: null }),
};

export const ORGANIZATION_TEAM_EMPLOYEE: EntitySpec = {
  name: 'organizationTeamEmployee',
  gauzyClass: 'OrganizationTeamEmployee',
  organizationScoped: true,
  defaults: () => ({ order: null, isTrackingEnabled: true, activeTaskId: null, isManager: false, organizationTeamId: null, employeeId: null, roleId: null }),
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    organizationTeam: { kind: 'manyToOne', entity: 'organizationTeam', key: 'organizationTeamId' },
  },
};

export const TIME_LOG_TYPES = ['TRACKED', 'MANUAL', 'IDLE', 'RESUMED'] as const;
export const TIME_LOG_SOURCES = ['MOBILE', 'BROWSER', 'DESKTOP', 'BROWSER_EXTENSION', 'HUBSTAFF', 'UPWORK', 'TEAMS', 'CLOC'] as const;

export const TIME_LOG: EntitySpec = {
  name: 'timeLog',
  gauzyClass: 'TimeLog',
  organizationScoped: true,
  employeeScoped: true,
  defaults: () => ({
    startedAt: null, stoppedAt: null, editedAt: null, logType: 'TRACKED', source: 'BROWSER', description: null, reason: null,
    isBillable: false, isRunning: false, version: null, employeeId: null, timesheetId: null, projectId: null, taskId: null,
    organizationContactId: null, organizationTeamId: null,
  }),
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
    task: { kind: 'manyToOne', entity: 'task', key: 'taskId' },
    organizationTeam: { kind: 'manyToOne', entity: 'organizationTeam', key: 'organizationTeamId' },
  },
  virtuals: (row) => {
    const start = Date.parse(String(row.startedAt));
    // A running log keeps stoppedAt = startedAt (Gauzy), so its stored duration is 0 until stopped.
    const stop = Date.parse(String(row.stoppedAt));
    const duration = Number.isFinite(start) && Number.isFinite(stop) ? Math.max(0, Math.floor((stop - start) / 1000)) : 0;
    return { duration, isEdited: !!row.editedAt };
  },
};

/** Every entity the sandbox knows, by store name. Tool packs add their spec here. */
export const ENTITY_SPECS: Record<string, EntitySpec> = Object.fromEntries(
  [TASK, ORGANIZATION_PROJECT, ORGANIZATION_PROJECT_EMPLOYEE, EMPLOYEE, USER, ROLE, ORGANIZATION, USER_ORGANIZATION,
    ORGANIZATION_TEAM, ORGANIZATION_TEAM_EMPLOYEE, TIME_LOG].map((s) => [s.name, s]),
);

export { nulls };
