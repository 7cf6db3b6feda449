import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { dailyPlanEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve daily plans as Gauzy does, beyond the entity's description
 * (the routes with logic are testkit/src/routes/daily-plans-routes.ts). Test code only.
 */

/**
 * CreateDailyPlanDTO's own properties: `date` (Type(() => Date), IsNotEmpty, IsDate), `workTimePlanned`
 * (IsNotEmpty, IsNumber), `status` (IsNotEmpty, IsEnum with its own message), `taskId` (IsOptional, IsUUID).
 * The employee and team pairs (ValidateIf) are checked by the route.
 */
const STATUS = ['open', 'in-progress', 'completed'];
const CREATE_OWN: DtoSpec['fields'] = {
  date: { type: 'any', required: true },
  workTimePlanned: { type: 'number', required: true },
  status: { type: 'any', required: true, enum: STATUS },
  taskId: { type: 'uuid' },
};
const RELATION_KEYS: DtoSpec['fields'] = { employee: { type: 'any' }, employeeId: { type: 'any' }, organizationTeam: { type: 'any' }, organizationTeamId: { type: 'any' } };

export const dailyPlansSandbox: readonly SandboxEntity[] = [
  sandboxEntity(dailyPlanEntity, {
    defaults: () => ({ date: null, workTimePlanned: null, status: null, employeeId: null, organizationTeamId: null, taskIds: [] }),
    dto: {
      create: { ownFields: CREATE_OWN, fields: RELATION_KEYS, tenantOrganization: true, whitelist: true },
      // UpdateDailyPlanDTO: a PartialType of the picked fields (date, workTimePlanned, status, employeeId, organizationTeamId).
      update: {
        fields: { date: { type: 'any' }, workTimePlanned: { type: 'number' }, status: { type: 'any', enum: STATUS }, employeeId: { type: 'any' }, organizationTeamId: { type: 'any' } },
        tenantOrganization: true,
        whitelist: true,
      },
    },
  }),
];
