import { type DtoSpec, GAUZY_CURRENCY_CODES, sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { equipmentEntity, equipmentSharingEntity, equipmentSharingPolicyEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve equipment as Gauzy does, beyond the entities' descriptions (the
 * routes with logic are testkit/src/routes/equipment-routes.ts). Test code only.
 */

type Body = Record<string, unknown>;

/** CreateEquipmentDTO = UpdateEquipmentDTO (transform, no whitelist): name IsNotEmpty, currency IsNotEmpty + IsEnum. */
const EQUIPMENT_DTO: DtoSpec = {
  fields: {
    name: { type: 'string', required: true },
    type: { type: 'string' },
    serialNumber: { type: 'string' },
    manufacturedYear: { type: 'number' },
    initialCost: { type: 'number' },
    maxSharePeriod: { type: 'number' },
    autoApproveShare: { type: 'boolean' },
    tags: { type: 'array' },
    currency: { type: 'any', required: true, enum: [...GAUZY_CURRENCY_CODES] },
  },
  tenantOrganization: true,
};

/** `{id}` lists of a body (`employees`, `teams`, `tags`) → the join tables' ids. */
const idsOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map((entry) => String(entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : entry)) : undefined;

function fromBody(body: Body): Body {
  const out: Body = { ...body };
  for (const [relation, key] of [['employees', 'employeeIds'], ['teams', 'teamIds'], ['tags', 'tagIds']] as const) {
    const ids = idsOf(body[relation]);
    if (ids) out[key] = ids;
    delete out[relation];
  }
  delete out.equipment; delete out.equipmentSharingPolicy; delete out.organization; delete out.tenant; delete out.image;
  return out;
}

export const equipmentSandbox: readonly SandboxEntity[] = [
  sandboxEntity(equipmentEntity, {
    // The columns in the order Gauzy's entity declares them; type, serialNumber, currency and autoApproveShare are NOT NULL.
    defaults: () => ({
      name: null, type: null, serialNumber: null, manufacturedYear: null, initialCost: null, currency: null, maxSharePeriod: null,
      autoApproveShare: null, imageId: null, tagIds: [],
    }),
    createAnswer: { virtuals: false, tenant: true },
    fromBody,
    dto: { create: EQUIPMENT_DTO, update: EQUIPMENT_DTO },
  }),
  sandboxEntity(equipmentSharingEntity, {
    defaults: () => ({
      name: null, shareRequestDay: null, shareStartDay: null, shareEndDay: null, status: null, equipmentId: null, equipmentSharingPolicyId: null,
      employeeIds: [], teamIds: [],
    }),
    createAnswer: { virtuals: false, tenant: true },
    fromBody,
  }),
  sandboxEntity(equipmentSharingPolicyEntity, {
    defaults: () => ({ name: null, description: null }),
    createAnswer: { virtuals: false, tenant: true },
  }),
];
