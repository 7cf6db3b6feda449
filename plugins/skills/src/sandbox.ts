import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { awardEntity, skillEntity } from './entities.js';

/** What the testkit's sandbox needs to serve skills and employee awards as Gauzy does. Test code only. */

/** CreateEmployeeAwardDTO / UpdateEmployeeAwardDTO: name and year IsNotEmpty; create also takes employeeId. */
const AWARD_CREATE: DtoSpec = { fields: { name: { type: 'string', required: true }, year: { type: 'string', required: true }, employeeId: { type: 'uuid' } }, tenantOrganization: true };
const AWARD_UPDATE: DtoSpec = { fields: { name: { type: 'string', required: true }, year: { type: 'string', required: true } }, tenantOrganization: true };

export const skillsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(skillEntity, {
    defaults: () => ({ name: null, description: null, color: null, employeeIds: [] }),
    createAnswer: { virtuals: false, tenant: true },
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      if (Array.isArray(body.employees)) out.employeeIds = (body.employees as Array<{ id?: unknown }>).map((employee) => String(employee.id));
      // PUT /api/skills/:id is TypeORM's update: the many-to-many is not saved (seen on the real Gauzy).
      delete out.employees; delete out.tenant; delete out.organization;
      return out;
    },
  }),
  sandboxEntity(awardEntity, {
    defaults: () => ({ name: null, year: null, employeeId: null }),
    createAnswer: { virtuals: false, tenant: true },
    dto: { create: AWARD_CREATE, update: AWARD_UPDATE },
  }),
];
