import { sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { availabilitySlotEntity, employeeEntity, positionEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve this pack's entities as Gauzy does. Test code only. The employee
 * keeps the platform's hooks (column defaults, fullName, isDeleted); its list, search, read, create and update
 * routes have Gauzy's logic in testkit/src/routes/employees-routes.ts.
 */
export const employeesSandbox: readonly SandboxEntity[] = [
  sandboxEntity(employeeEntity),
  sandboxEntity(positionEntity, { defaults: () => ({ name: null }) }),
  sandboxEntity(availabilitySlotEntity, {
    defaults: () => ({ startTime: null, endTime: null, allDay: false, type: null, employeeId: null }),
  }),
];
