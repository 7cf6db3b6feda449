import { defineEntity, sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';

/**
 * The entities every Gauzy has, which the sandbox always knows: sign-in, roles, organizations, employees,
 * teams, and the tags and clients other entities point to. Only the routes the sandbox's own logic and
 * the packs read are served (each a route of Gauzy's table); a pack's entity of the same name replaces one.
 */

export const userEntity = defineEntity({
  name: 'user', gauzyClass: 'User', noun: 'user', plural: 'users', path: '/api/user', operations: ['findById'], scope: 'tenant', fields: {},
  relations: {
    role: { kind: 'manyToOne', entity: 'role', key: 'roleId' },
    employee: { kind: 'oneToMany', entity: 'employee', key: 'userId' },
  },
});

export const roleEntity = defineEntity({
  name: 'role', gauzyClass: 'Role', noun: 'role', plural: 'roles', path: '/api/roles', operations: ['findById'], scope: 'tenant', fields: {},
});

export const organizationEntity = defineEntity({
  name: 'organization', gauzyClass: 'Organization', noun: 'organization', plural: 'organizations', path: '/api/organization', operations: ['findById'], scope: 'tenant', fields: {},
});

export const userOrganizationEntity = defineEntity({
  name: 'userOrganization', gauzyClass: 'UserOrganization', noun: 'user organization', plural: 'user organizations', path: '/api/user-organization',
  operations: ['findAll'], scope: 'organization', fields: {},
  relations: {
    user: { kind: 'manyToOne', entity: 'user', key: 'userId' },
    organization: { kind: 'manyToOne', entity: 'organization', key: 'organizationId' },
  },
});

export const employeeEntity = defineEntity({
  name: 'employee', gauzyClass: 'Employee', noun: 'employee', plural: 'employees', path: '/api/employee',
  operations: ['findAll', 'pagination', 'count', 'findById'], scope: 'organization', fields: {},
  relations: {
    user: { kind: 'manyToOne', entity: 'user', key: 'userId' },
    organization: { kind: 'manyToOne', entity: 'organization', key: 'organizationId' },
    projects: { kind: 'oneToMany', entity: 'organizationProjectEmployee', key: 'employeeId' },
    teams: { kind: 'oneToMany', entity: 'organizationTeamEmployee', key: 'employeeId' },
  },
});

export const organizationTeamEntity = defineEntity({
  name: 'organizationTeam', gauzyClass: 'OrganizationTeam', noun: 'team', plural: 'teams', path: '/api/organization-team',
  operations: ['findAll', 'findById'], scope: 'organization', fields: {},
  relations: {
    members: { kind: 'oneToMany', entity: 'organizationTeamEmployee', key: 'organizationTeamId' },
    projects: { kind: 'manyToMany', entity: 'organizationProject', key: 'projectIds' },
  },
});

export const tagEntity = defineEntity({
  name: 'tag', gauzyClass: 'Tag', noun: 'tag', plural: 'tags', path: '/api/tags', operations: ['findAll', 'findById'], scope: 'organization', fields: {},
});

export const organizationContactEntity = defineEntity({
  name: 'organizationContact', gauzyClass: 'OrganizationContact', noun: 'client', plural: 'clients', path: '/api/organization-contact',
  operations: ['findAll', 'findById'], list: { query: 'data', paging: 'offset' }, scope: 'organization', fields: {},
});

const SERVED_PLATFORM_ENTITIES: readonly SandboxEntity[] = [
  sandboxEntity(userEntity, {
    defaults: () => ({
      thirdPartyId: null, firstName: null, lastName: null, email: null, phoneNumber: null, username: null, timeZone: null, timeFormat: 12,
      imageUrl: 'assets/images/avatars/avatar-default.svg', preferredLanguage: 'en', preferredComponentLayout: 'TABLE', lastLoginAt: null,
      roleId: null, imageId: null, defaultTeamId: null, lastTeamId: null, defaultOrganizationId: null, lastOrganizationId: null,
    }),
    // Never emitted by Gauzy's TransformInterceptor.
    hidden: ['hash', 'refreshToken', 'code', 'codeExpireAt', 'emailVerifiedAt', 'emailToken', 'password'],
    virtuals: (row) => ({
      image: null,
      name: [row.firstName, row.lastName].filter(Boolean).join(' '),
      isEmailVerified: !!row.emailVerifiedAt,
    }),
  }),
  sandboxEntity(roleEntity, {
    defaults: () => ({ name: null, isSystem: true }),
    // Sandbox keeps the enabled permissions on the role row (Gauzy: role_permission rows).
    hidden: ['permissions'],
  }),
  sandboxEntity(organizationEntity, {
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
  }),
  sandboxEntity(userOrganizationEntity, { defaults: () => ({ isDefault: true, userId: null }) }),
  sandboxEntity(employeeEntity, {
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
    virtuals: (row, rows) => {
      const user = row.userId ? rows.get('user', String(row.userId)) : undefined;
      const fullName = user ? [user.firstName, user.lastName].filter(Boolean).join(' ') : '';
      return { fullName, isDeleted: !!row.deletedAt };
    },
  }),
  sandboxEntity(organizationTeamEntity, {
    defaults: () => ({
      name: null, color: null, emoji: null, teamSize: null, logo: null, prefix: null, shareProfileView: true,
      requirePlanToTrack: false, public: false, profile_link: null, imageId: null,
    }),
    virtuals: () => ({ image: null }),
  }),
  sandboxEntity(tagEntity, {
    defaults: () => ({ name: null, description: null, color: null, textColor: null, icon: null, isSystem: false, tagTypeId: null, organizationTeamId: null }),
  }),
  sandboxEntity(organizationContactEntity, {
    defaults: () => ({
      name: null, contactType: null, primaryEmail: null, primaryPhone: null, inviteStatus: null, notes: null, budget: null, budgetType: 'cost',
      createdBy: null, imageUrl: null, contactId: null, imageId: null,
    }),
    virtuals: () => ({ image: null }),
  }),
];

/**
 * Join tables Gauzy serves no generic route for (their rows come and go through the team and project
 * routes), described for the relations that pass through them.
 */
export const organizationTeamEmployeeEntity = defineEntity({
  name: 'organizationTeamEmployee', gauzyClass: 'OrganizationTeamEmployee', noun: 'team member', plural: 'team members', path: '', operations: [], scope: 'organization', fields: {},
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    organizationTeam: { kind: 'manyToOne', entity: 'organizationTeam', key: 'organizationTeamId' },
  },
});

export const organizationProjectEmployeeEntity = defineEntity({
  name: 'organizationProjectEmployee', gauzyClass: 'OrganizationProjectEmployee', noun: 'project member', plural: 'project members', path: '', operations: [], scope: 'organization', fields: {},
  relations: {
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    organizationProject: { kind: 'manyToOne', entity: 'organizationProject', key: 'organizationProjectId' },
  },
});

const JOIN_ENTITIES: readonly SandboxEntity[] = [
  sandboxEntity(organizationTeamEmployeeEntity, {
    defaults: () => ({ order: null, isTrackingEnabled: true, activeTaskId: null, isManager: false, organizationTeamId: null, employeeId: null, roleId: null }),
  }),
  sandboxEntity(organizationProjectEmployeeEntity, {
    defaults: () => ({ isManager: false, assignedAt: null, organizationProjectId: null, employeeId: null, roleId: null }),
  }),
];

/** Every entity the sandbox always knows. */
export const PLATFORM_ENTITIES: readonly SandboxEntity[] = [...SERVED_PLATFORM_ENTITIES, ...JOIN_ENTITIES];
