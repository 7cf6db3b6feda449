import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { dealEntity, pipelineEntity, pipelineStageEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve deals, pipelines and their stages as Gauzy does, beyond the entities'
 * descriptions (the routes with logic are testkit/src/routes/sales-routes.ts). Test code only.
 */

/**
 * CreateDealDTO (whitelist): title IsNotEmpty IsString; probability IsInt Min(0) Max(5) and stageId IsUUID, neither
 * optional (checked when missing); clientId IsOptional IsUUID; isActive, isArchived; TenantOrganizationBaseDTO.
 */
export const DEAL_CREATE: DtoSpec = {
  fields: {
    title: { type: 'string', required: true },
    probability: { type: 'number', checkedWhenMissing: true, min: 0, max: 5 },
    stageId: { type: 'uuid', checkedWhenMissing: true },
    clientId: { type: 'uuid' },
    isActive: { type: 'boolean' },
    isArchived: { type: 'boolean' },
  },
  tenantOrganization: true,
  whitelist: true,
};

/** CreatePipelineDTO = UpdatePipelineDTO (no whitelist): name IsNotEmpty IsString, description optional; `stages` is not validated. */
export const PIPELINE_DTO: DtoSpec = {
  fields: { name: { type: 'string', required: true }, description: { type: 'string' }, isActive: { type: 'boolean' }, isArchived: { type: 'boolean' } },
  tenantOrganization: true,
};

export const salesSandbox: readonly SandboxEntity[] = [
  sandboxEntity(pipelineEntity, {
    defaults: () => ({ description: null, name: null }),
    dto: { create: PIPELINE_DTO, update: PIPELINE_DTO },
  }),
  sandboxEntity(pipelineStageEntity, {
    defaults: () => ({ description: null, index: null, name: null, pipelineId: null }),
  }),
  sandboxEntity(dealEntity, {
    defaults: () => ({ title: null, probability: null, stageId: null, clientId: null }),
    dto: { create: DEAL_CREATE, update: { fields: {} } },
  }),
];
