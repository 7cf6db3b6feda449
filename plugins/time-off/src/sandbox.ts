import { sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { timeOffPolicyEntity, timeOffRequestEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve time off as Gauzy does, beyond the entities' descriptions (the
 * routes with logic are testkit/src/routes/time-off-routes.ts). Test code only.
 */

type Body = Record<string, unknown>;

/** `employees: [{id}]` (a request's) or `[id]` (a policy's, which TimeOffPolicyService looks up by id) → the join table's ids. */
const employeeIdsOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map((entry) => String(entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : entry)) : undefined;

function fromBody(body: Body): Body {
  const out: Body = { ...body };
  const employeeIds = employeeIdsOf(body.employees);
  if (employeeIds) out.employeeIds = employeeIds;
  const policy = body.policy as { id?: unknown } | undefined;
  if (policy && typeof policy === 'object' && typeof policy.id === 'string') out.policyId = policy.id;
  delete out.employees; delete out.policy; delete out.organization; delete out.tenant; delete out.document;
  return out;
}

export const timeOffSandbox: readonly SandboxEntity[] = [
  sandboxEntity(timeOffPolicyEntity, {
    // The columns in the order Gauzy's entity declares them.
    defaults: () => ({ name: null, requiresApproval: null, paid: null, employeeIds: [] }),
    // TimeOffPolicyService.create saves a new entity with the employees it found (their users joined): that is its answer.
    createAnswer: { virtuals: false, relations: ['employees', 'employees.user'] },
    fromBody,
  }),
  sandboxEntity(timeOffRequestEntity, {
    defaults: () => ({
      documentUrl: null, description: null, start: null, end: null, requestDate: null, status: null, isHoliday: false, policyId: null,
      documentId: null, employeeIds: [],
    }),
    // The document asset is an eager relation: every find loads it.
    virtuals: () => ({ document: null }),
    createAnswer: { virtuals: false },
    fromBody,
  }),
];
