import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { dailyPlanEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve daily plans as Gauzy does, beyond the entity's description
 * (the routes with logic are testkit/src/routes/daily-plans-routes.ts). Test code only.
 */

const any = { type: 'any' } as const;

/**
 * The keys the plan DTOs keep under `whitelist: true`, beside the organization's. Their rules (IsDate,
 * IsEnum with its own message, the employee and team ValidateIf pairs, IsEmployeeBelongsToOrganization) are
 * checked by the plan routes, in the words and order a running Gauzy answers them.
 */
const CREATE_KEYS: DtoSpec['fields'] = {
  date: any, workTimePlanned: any, status: any, taskId: any, employee: any, employeeId: any, organizationTeam: any, organizationTeamId: any,
};
// UpdateDailyPlanDTO picks date, workTimePlanned, status, employeeId and organizationTeamId (PartialType).
const UPDATE_KEYS: DtoSpec['fields'] = { date: any, workTimePlanned: any, status: any, employeeId: any, organizationTeamId: any };

export const dailyPlansSandbox: readonly SandboxEntity[] = [
  sandboxEntity(dailyPlanEntity, {
    defaults: () => ({ date: null, workTimePlanned: null, status: null, employeeId: null, organizationTeamId: null, taskIds: [] }),
    dto: {
      create: { fields: CREATE_KEYS, tenantOrganization: true, whitelist: true },
      update: { fields: UPDATE_KEYS, tenantOrganization: true, whitelist: true },
    },
  }),
];
