import {
  GauzyMcpError,
  crudTools,
  defineTool,
  entityOutput,
  entityRoute,
  listOutput,
  listResult,
  ok,
  pagination,
  requireEmployeeId,
  uuid,
  withRefusalHints,
  type RefusalHint,
  type ToolContext,
  type ToolOutput,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { TIME_OFF_TOOLSET as toolset, describeRequest, timeOffRequestEntity } from '../entities.js';
import {
  POLICY_LIST,
  REQUEST_BY_ID,
  REQUEST_PAGINATION,
  cutNote,
  findRequest,
  readPolicies,
  readRequest,
  readRequestRecord,
  readRequests,
  employeeOf,
  employeeParam,
  requestFilters,
} from './read.js';

type Item = Record<string, unknown>;

const REQUEST_CREATE = entityRoute(timeOffRequestEntity, 'create');
const REQUEST_UPDATE = entityRoute(timeOffRequestEntity, 'update');
const APPROVE = 'PUT /api/time-off-request/approval/:id' as const;
const DENY = 'PUT /api/time-off-request/denied/:id' as const;

/** Gauzy's EMPLOYEE role has TIME_OFF_VIEW only: reading one request by id, filing, changing and deciding are for admins. */
export const adminsOnly: RefusalHint = {
  code: 'GMCP_ERR_GAUZY_FORBIDDEN',
  match: /Forbidden/,
  hint: 'Your Gauzy role may only list time off (list_time_off_requests; yours: employeeId "me"); ask an admin to file, change, approve or deny requests.',
};

/** A page of requests, by first day, each on one line with its employees, days, status and policy. */
function requestPage(read: Awaited<ReturnType<typeof readRequests>>, page: { take: number; skip: number }, noun: string): ToolOutput {
  const result = listResult({ items: read.items, unpaged: true, skip: page.skip, take: page.take, noun, describe: describeRequest });
  const note = cutNote(read);
  if (!note) return result;
  return { structured: { ...result.structured, matched: read.matched, read: read.read, note }, text: `${result.text}\n${note}` };
}

export const listTimeOffRequests = defineTool({
  name: 'list_time_off_requests',
  title: 'List time-off requests',
  description: 'Who is off when: time-off requests overlapping startDate..endDate, with employees, days, status, policy; yours: employeeId "me".',
  toolset,
  effect: 'read',
  aliases: timeOffRequestEntity.aliases?.list,
  // Gauzy has no "my" or "pending" route for time off: each is a filter of this list.
  presets: { get_my_time_off_requests: { employeeId: 'me' }, get_pending_time_off_requests: { status: 'REQUESTED' } },
  input: z.object({ ...requestFilters, employeeId: employeeParam, ...pagination }),
  output: listOutput,
  routes: [REQUEST_PAGINATION],
  async handler({ take, skip, employeeId, ...filters }, ctx) {
    const whose = employeeOf(ctx, employeeId, 'list_time_off_requests');
    return requestPage(await readRequests(ctx, { ...filters, employeeId: whose }), { take, skip }, employeeId === 'me' ? 'time-off requests of yours' : 'time-off requests');
  },
});

export const getTimeOffRequest = defineTool({
  name: 'get_time_off_request_by_id',
  title: 'Get a time-off request',
  description: 'One time-off request by id, with employees, days, status and policy.',
  toolset,
  effect: 'read',
  aliases: timeOffRequestEntity.aliases?.get,
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: [REQUEST_BY_ID, REQUEST_PAGINATION],
  async handler({ id }, ctx) {
    const request = await withRefusalHints(() => readRequest(ctx, id), [adminsOnly]);
    return ok(request, `Found time-off request: ${describeRequest(request)}`);
  },
});

/** The policy a new request goes under: the one named, or the organization's only one. */
async function policyFor(ctx: ToolContext, policyId: string | undefined): Promise<Item> {
  const policies = await withRefusalHints(() => readPolicies(ctx, policyId ? { id: policyId } : {}), [adminsOnly]);
  if (policies.length === 1) return policies[0]!;
  const message = policyId
    ? `no time-off policy ${policyId} in this organization; list_time_off_policies names them`
    : policies.length
      ? `the organization has ${policies.length} time-off policies; name one: ${policies.map((policy) => `${String(policy.name)} (id ${String(policy.id)})`).join(', ')}`
      : 'the organization has no time-off policy; create one with create_time_off_policy';
  throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['create_time_off_request'], { issues: [{ field: 'policyId', message }], fields: ['policyId'] });
}

/**
 * The save's database error is Gauzy's whole answer (`new BadRequestException(error)`: a body with the query
 * and an SQL code, no message); with every column sent, what fails is an employee id that is no employee's.
 */
async function unknownEmployeeHint<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GauzyMcpError && error.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && !(error.details.gauzyMessages as unknown[] | undefined)?.length) {
      error.details.hint = 'Gauzy gave no reason; an employee id that is not one of its employees fails this way: check employeeIds with list_employees.';
    }
    throw error;
  }
}

const endBeforeStart = (tool: string) =>
  new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field: 'end', message: 'must not be before start' }], fields: ['end'] });

const { start, end, description, employeeIds, policyId } = timeOffRequestEntity.fields;

export const createTimeOffRequest = defineTool({
  name: 'create_time_off_request',
  title: 'Request time off',
  description: 'Ask for time off (default: yours): REQUESTED if the policy needs approval, else APPROVED.',
  toolset,
  effect: 'write',
  input: z.object({ employeeIds, policyId, start, end, description }),
  output: entityOutput,
  routes: [POLICY_LIST, REQUEST_CREATE, REQUEST_PAGINATION],
  async handler(args, ctx) {
    const employees = args.employeeIds ?? [requireEmployeeId(ctx, 'create_time_off_request')];
    if (Date.parse(args.start) > Date.parse(args.end)) throw endBeforeStart('create_time_off_request');
    const policy = await policyFor(ctx, args.policyId);
    const status = policy.requiresApproval ? 'REQUESTED' : 'APPROVED';
    const created = await withRefusalHints(
      () =>
        unknownEmployeeHint(() => ctx.gauzy.post<Item>(timeOffRequestEntity.path, {
          employees: employees.map((id) => ({ id })),
          policyId: policy.id,
          start: args.start,
          end: args.end,
          ...(args.description ? { description: args.description } : {}),
          status,
          isHoliday: false,
          requestDate: new Date().toISOString(),
          organizationId: ctx.scope.organizationId,
          tenantId: ctx.scope.tenantId,
        })),
      [adminsOnly],
    );
    const request = (await findRequest(ctx, String(created.id), created.start ?? args.start)) ?? created;
    return ok(request, `Filed time-off request: ${describeRequest(request)}`);
  },
});

export const updateTimeOffRequest = defineTool({
  name: 'update_time_off_request',
  title: 'Change a time-off request',
  description: "Change a time-off request's days, policy or description; the rest stays. Status: approve_/deny_time_off_request.",
  toolset,
  effect: 'write',
  input: z.object({ id: uuid(), start: start.optional(), end: end.optional(), policyId: uuid().optional(), description }),
  output: entityOutput,
  routes: [REQUEST_BY_ID, REQUEST_UPDATE, REQUEST_PAGINATION],
  async handler({ id, ...changes }, ctx) {
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_time_off_request'], { issues: [{ field: '(arguments)', message: 'give at least one of start, end, policyId, description' }] });
    }
    // Read first: Gauzy's PUT answers an unknown id with a 400, and the days must stay in order.
    const current = await withRefusalHints(() => readRequestRecord(ctx, id), [adminsOnly]);
    const [first, last] = [String(given.start ?? current.start), String(given.end ?? current.end)];
    if (Date.parse(first) > Date.parse(last)) throw endBeforeStart('update_time_off_request');
    // TimeOffRequestService.updateTimeOffByAdmin saves `{ id, ...body }`: what is not sent stays.
    const body = { ...given, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    await withRefusalHints(() => ctx.gauzy.put(timeOffRequestEntity.path + '/:id', body, { params: { id } }), [adminsOnly]);
    const request = await readRequest(ctx, id, { ...current, start: first });
    return ok(request, `Updated time-off request: ${describeRequest(request)}`);
  },
});

/** Approving and denying: admins only (Gauzy's RoleGuard: SUPER_ADMIN, ADMIN). */
function decisionTool(name: string, verb: 'Approve' | 'Deny', status: 'APPROVED' | 'DENIED', route: typeof APPROVE | typeof DENY) {
  return defineTool({
    name,
    title: `${verb} a time-off request`,
    description: `${verb} a time-off request (admins); one already ${status} stays as it is.`,
    toolset,
    effect: 'write',
    input: z.object({ id: uuid() }),
    output: entityOutput,
    routes: [REQUEST_BY_ID, route, REQUEST_PAGINATION],
    async handler({ id }, ctx) {
      const current = await withRefusalHints(() => readRequestRecord(ctx, id), [adminsOnly]);
      const previousStatus = current.status ?? null;
      if (previousStatus === status) {
        const request = await readRequest(ctx, id, current);
        return ok({ ...request, previousStatus, changed: false }, `Already ${status}, nothing changed: ${describeRequest(request)}`);
      }
      await withRefusalHints(() => ctx.gauzy.put(route.slice('PUT '.length), {}, { params: { id } }), [adminsOnly]);
      const request = await readRequest(ctx, id, { ...current, status });
      return ok({ ...request, previousStatus, changed: true }, `${verb === 'Approve' ? 'Approved' : 'Denied'} (was ${String(previousStatus)}): ${describeRequest(request)}`);
    },
  });
}

export const approveTimeOffRequest = decisionTool('approve_time_off_request', 'Approve', 'APPROVED', APPROVE);
export const denyTimeOffRequest = decisionTool('deny_time_off_request', 'Deny', 'DENIED', DENY);

const derived = crudTools(timeOffRequestEntity, {
  toolset,
  tools: {
    pagination: false,
    get: false,
    count: false,
    create: false,
    update: false,
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
    delete: { description: 'Permanently delete one time-off request by id (admins).' },
  },
});

export const deleteTimeOffRequest = defineTool({
  ...derived.delete!,
  handler: (args, ctx) => withRefusalHints(() => derived.delete!.handler(args, ctx), [adminsOnly]),
});

