import { crudConformance } from '@gauzy-mcp/testkit';
import { timeOffPolicyEntity, timeOffRequestEntity } from '../src/entities.js';
import timeOffPlugin from '../src/index.js';
import { timeOffSandbox } from '../src/sandbox.js';

/** The demo seed's policies (testkit/src/seeds/time-off.ts). */
const VACATION = '5b2f1d3c-8e4a-4f9b-8c2d-3e4f5a6b7c82';

// The standard tools of both entities, checked by the suites derived from them; time-off.test.ts covers the rest.
crudConformance({
  entity: timeOffRequestEntity,
  plugin: timeOffPlugin,
  sandboxEntities: timeOffSandbox,
  sample: {
    create: (seed) => ({ employeeIds: [seed.users.employee.employeeId], policyId: VACATION, start: '2031-03-02', end: '2031-03-06', description: 'Checked by the conformance suite' }),
    update: { end: '2031-03-09' },
  },
});

crudConformance({
  entity: timeOffPolicyEntity,
  // update_time_off_policy replaces the policy (Gauzy gives it a new id): the suite's "the same row, changed"
  // cannot hold, so it is left to time-off.test.ts.
  plugin: { ...timeOffPlugin, tools: timeOffPlugin.tools.filter((tool) => tool.name !== 'update_time_off_policy') },
  sandboxEntities: timeOffSandbox,
  sample: {
    create: (seed) => ({ name: 'Conformance policy', paid: false, requiresApproval: true, employeeIds: [seed.users.employee.employeeId] }),
    update: { paid: true },
  },
});
