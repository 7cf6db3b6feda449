import { sandboxEntity, type DtoSpec, type FieldRule, type SandboxEntity } from '@gauzy-mcp/core';
import { goalEntity, goalKpiEntity, goalTimeFrameEntity, goalTemplateEntity, keyResultEntity, keyResultTemplateEntity, keyResultUpdateEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve goals and key results as Gauzy does, beyond the entities'
 * descriptions (the routes with logic are testkit/src/routes/goals-routes.ts). Test code only.
 */

const optional = (type: FieldRule['type']): FieldRule => ({ type });

/** GoalDTO (create and update alike): name IsNotEmpty + IsString, the rest IsOptional; no TenantOrganizationBaseDTO, no whitelist. */
const GOAL_DTO: DtoSpec = {
  fields: {
    name: { type: 'string', required: true },
    description: optional('string'),
    deadline: optional('string'),
    level: optional('string'),
    progress: optional('number'),
    ownerTeam: optional('object'),
    ownerTeamId: optional('string'),
    ownerEmployee: optional('object'),
    ownerEmployeeId: optional('string'),
    lead: optional('object'),
    leadId: optional('string'),
  },
};

/** KeyResultDTO (create and update alike): every field IsOptional with its type validator. */
const KEY_RESULT_DTO: DtoSpec = {
  fields: Object.fromEntries(
    [
      ['name', 'string'], ['description', 'string'], ['type', 'string'], ['targetValue', 'number'], ['initialValue', 'number'], ['unit', 'string'],
      ['update', 'number'], ['progress', 'number'], ['deadline', 'string'], ['hardDeadline', 'any'], ['softDeadline', 'any'], ['status', 'string'],
      ['weight', 'string'], ['ownerId', 'string'], ['owner', 'object'], ['lead', 'object'], ['leadId', 'string'], ['project', 'object'],
      ['projectId', 'string'], ['task', 'object'], ['kpi', 'object'], ['kpiId', 'string'], ['goal', 'object'], ['goalId', 'string'], ['updates', 'any'],
    ].map(([name, type]) => [name, optional(type as FieldRule['type'])]),
  ),
};

/** KeyresultUpdateDTO: TenantOrganizationBaseDTO; owner, progress, update, status IsNotEmpty; keyResultId optional. */
const KEY_RESULT_UPDATE_DTO: DtoSpec = {
  fields: {
    owner: { type: 'string', required: true },
    progress: { type: 'number', required: true },
    update: { type: 'number', required: true },
    status: { type: 'string', required: true },
    keyResultId: optional('any'),
    keyResult: optional('object'),
  },
  tenantOrganization: true,
};

type Body = Record<string, unknown>;

/** Relation objects (`ownerEmployee: {id}`) as their id columns (an update's `owner` is a plain id column); what TypeORM does not store is dropped. */
function fromBody(body: Body): Body {
  const out: Body = { ...body };
  for (const [relation, column] of [['ownerEmployee', 'ownerEmployeeId'], ['ownerTeam', 'ownerTeamId'], ['lead', 'leadId'], ['owner', 'ownerId'], ['goal', 'goalId'], ['keyResult', 'keyResultId'], ['alignedKeyResult', 'alignedKeyResultId'], ['project', 'projectId'], ['task', 'taskId'], ['kpi', 'kpiId']] as const) {
    const value = body[relation];
    if (!value || typeof value !== 'object') continue;
    if (typeof (value as Body).id === 'string') out[column] = (value as Body).id;
    delete out[relation];
  }
  delete out.keyResults; delete out.updates; delete out.tenant; delete out.organization;
  return out;
}

export const goalsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(goalEntity, {
    // The columns in the order Gauzy's entity declares them.
    defaults: () => ({
      name: null, description: null, deadline: null, level: null, progress: null, ownerTeamId: null, ownerEmployeeId: null, leadId: null,
      alignedKeyResultId: null, organizationStrategicInitiativeId: null,
    }),
    createAnswer: { virtuals: false, tenant: true },
    fromBody,
    dto: { create: GOAL_DTO, update: GOAL_DTO },
  }),
  sandboxEntity(keyResultEntity, {
    defaults: () => ({
      name: null, description: null, type: null, targetValue: null, initialValue: null, unit: null, update: null, progress: null, deadline: null,
      hardDeadline: null, softDeadline: null, status: null, weight: null, ownerId: null, leadId: null, projectId: null, taskId: null, kpiId: null, goalId: null,
    }),
    createAnswer: { virtuals: false, tenant: true },
    fromBody,
    dto: { create: KEY_RESULT_DTO, update: KEY_RESULT_DTO },
  }),
  sandboxEntity(keyResultUpdateEntity, {
    defaults: () => ({ update: null, progress: null, owner: null, status: null, keyResultId: null }),
    createAnswer: { virtuals: false, tenant: true },
    fromBody,
    dto: { create: KEY_RESULT_UPDATE_DTO, update: KEY_RESULT_UPDATE_DTO },
  }),
  sandboxEntity(goalTemplateEntity, { defaults: () => ({ name: null, level: null, category: null }) }),
  sandboxEntity(keyResultTemplateEntity, {
    defaults: () => ({ name: null, type: null, unit: null, targetValue: null, initialValue: null, deadline: null, kpiId: null, goalId: null }),
  }),
  sandboxEntity(goalTimeFrameEntity, { defaults: () => ({ name: null, status: null, startDate: null, endDate: null }) }),
  sandboxEntity(goalKpiEntity, {
    defaults: () => ({ name: null, description: null, type: null, unit: null, operator: null, currentValue: null, targetValue: null, leadId: null }),
  }),
];
