import { GauzyMcpError, crudTools, defined, defineTool, entityOutput, entityRoute, listOutput, listResult, ok, pagination, uuid, withRefusalHints, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { TIME_OFF_TOOLSET as toolset, describePolicy, timeOffPolicyEntity } from '../entities.js';
import { POLICY_LIST, REQUEST_COUNT, REQUEST_PAGINATION, compactPolicy, readPolicies, readPolicy, readRequests } from './read.js';
import { adminsOnly } from './requests.js';

type Item = Record<string, unknown>;

const POLICY_CREATE = entityRoute(timeOffPolicyEntity, 'create');
const POLICY_DELETE = entityRoute(timeOffPolicyEntity, 'delete');
const REQUEST_UPDATE = 'PUT /api/time-off-request/:id' as const;
const path = (route: string) => route.slice(route.indexOf(' ') + 1);

/**
 * The policies through GET /api/time-off-policy (`?data=`), which answers every match at once with its
 * employees joined: the page is cut here. A policy by id is this list with `id` (GET /:id joins no employees).
 */
export const listTimeOffPolicies = defineTool({
  name: 'list_time_off_policies',
  title: 'List time-off policies',
  description: 'Time-off policies (one: give id): paid or not, needing approval or not, employees covered.',
  toolset,
  effect: 'read',
  aliases: ['get_time_off_policies', 'get_time_off_policy'],
  input: z.object({ id: uuid().optional(), ...pagination }),
  output: listOutput,
  routes: [POLICY_LIST],
  async handler({ take, skip, ...filters }, ctx) {
    const policies = await withRefusalHints(() => readPolicies(ctx, defined(filters)), [adminsOnly]);
    return listResult({ items: policies, unpaged: true, skip, take, noun: 'time-off policies', describe: describePolicy });
  },
});

/** How many requests are filed under a policy (GET /count: countBy the flat query, soft-deleted ones left out). */
async function requestsUnder(ctx: ToolContext, policyId: string): Promise<number> {
  const count = await ctx.gauzy.get<number>(path(REQUEST_COUNT), { query: { policyId, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId } });
  if (typeof count !== 'number') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['count was not a number']);
  return count;
}

const scoped = (ctx: ToolContext, body: Item) => ({ ...body, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId });
const idsOf = (policy: Item) => (Array.isArray(policy.employees) ? (policy.employees as Item[]).map((employee) => String(employee.id)) : []);

/**
 * Gauzy cannot change a policy in place: TimeOffPolicyService.update deletes it (and, by the foreign key's
 * ON DELETE CASCADE, every request filed under it) and saves a new one. So the change is made the safe way
 * round: the new policy first, the requests moved to it, then the old one deleted. A failure on the way
 * stops there and says what was done.
 */
export const updateTimeOffPolicy = defineTool({
  name: 'update_time_off_policy',
  title: 'Change a time-off policy',
  description: 'Rename a time-off policy, set paid or requiresApproval, add or remove employees; Gauzy gives it a new id (requests moved).',
  toolset,
  effect: 'write',
  aliases: ['assign_employees_to_time_off_policy'],
  input: z.object({
    id: uuid(),
    name: timeOffPolicyEntity.fields.name.optional(),
    paid: z.boolean().optional(),
    requiresApproval: z.boolean().optional(),
    employeeIds: z.array(uuid()).optional().describe('Employees to add'),
    removeEmployeeIds: z.array(uuid()).optional(),
  }),
  output: entityOutput,
  routes: [POLICY_LIST, REQUEST_COUNT, REQUEST_PAGINATION, POLICY_CREATE, REQUEST_UPDATE, POLICY_DELETE],
  async handler({ id, employeeIds: added = [], removeEmployeeIds: removed = [], ...changes }, ctx) {
    if (!added.length && !removed.length && Object.values(changes).every((value) => value === undefined)) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_time_off_policy'], { issues: [{ field: '(arguments)', message: 'give at least one of name, paid, requiresApproval, employeeIds, removeEmployeeIds' }] });
    }
    const current = await withRefusalHints(() => readPolicy(ctx, id), [adminsOnly]);
    const employees = [...new Set([...idsOf(current), ...added])].filter((employee) => !removed.includes(employee));
    const body = { name: changes.name ?? current.name, paid: changes.paid ?? current.paid, requiresApproval: changes.requiresApproval ?? current.requiresApproval, employees };
    const filed = await requestsUnder(ctx, id);
    const requests = filed ? (await readRequests(ctx, { policyId: id })).items : [];
    if (requests.length !== filed) {
      const message = `${filed} requests are filed under the policy and only ${requests.length} could be read to move them: Gauzy would delete the others with the old policy. Nothing was changed.`;
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_time_off_policy'], { issues: [{ field: 'id', message }], fields: ['id'] });
    }
    const created = await ctx.gauzy.post<Item>(timeOffPolicyEntity.path, scoped(ctx, body));
    const newId = String(created.id);
    let moved = 0;
    for (const request of requests) {
      try {
        await ctx.gauzy.put(path(REQUEST_UPDATE), scoped(ctx, { policyId: newId }), { params: { id: String(request.id) } });
        moved++;
      } catch (error) {
        const why = error instanceof GauzyMcpError ? [error.message, ...((error.details.gauzyMessages as string[] | undefined) ?? [])].join(' ') : 'failed';
        const message = `The new policy ${newId} was made and ${moved} of ${requests.length} requests were moved to it; request ${String(request.id)} could not be (${why}), so the old policy ${id} was kept with the rest.`;
        throw new GauzyMcpError('GMCP_ERR_GAUZY_CONFLICT', ['update_time_off_policy'], { gauzyMessages: [message], newPolicyId: newId, moved });
      }
    }
    await ctx.gauzy.delete(path(POLICY_DELETE), { params: { id }, query: { tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId } });
    const policy = compactPolicy(await readPolicy(ctx, newId));
    const text = `Updated time-off policy (Gauzy replaces it: new id ${newId}, the old ${id} is gone${moved ? `, its ${moved === 1 ? '1 request' : `${moved} requests`} moved to the new one` : ''}): ${describePolicy(policy)}`;
    return ok({ ...policy, replacedId: id, movedRequests: moved }, text);
  },
});

export const deleteTimeOffPolicy = defineTool({
  name: 'delete_time_off_policy',
  title: 'Delete a time-off policy',
  description: 'Permanently delete a time-off policy by id and (Gauzy cascades) every request under it.',
  toolset,
  effect: 'delete',
  input: z.object({ id: uuid() }),
  output: z.object({ id: z.string(), deletedRequests: z.number() }),
  routes: [POLICY_LIST, REQUEST_COUNT, POLICY_DELETE],
  async handler({ id }, ctx) {
    const policy = await withRefusalHints(() => readPolicy(ctx, id), [adminsOnly]);
    const filed = await requestsUnder(ctx, id);
    await ctx.gauzy.delete(path(POLICY_DELETE), { params: { id }, query: { tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId } });
    const requests = filed === 1 ? 'its 1 time-off request' : `its ${filed} time-off requests`;
    return ok({ id, deletedRequests: filed }, `Deleted time-off policy ${String(policy.name)} (id ${id}) and, with it, ${requests}.`);
  },
});

const derived = crudTools(timeOffPolicyEntity, {
  toolset,
  tools: {
    list: false,
    create: { title: 'Create a time-off policy', description: 'Create a time-off policy for some employees.' },
    update: false,
    delete: false,
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});

/** The derived create, its answer rendered as a policy with its employees by name. */
export const createTimeOffPolicy = defineTool({
  ...derived.create!,
  async handler(args, ctx) {
    const answer = await withRefusalHints(() => derived.create!.handler(args, ctx), [adminsOnly]);
    const policy = compactPolicy(answer.structured);
    return ok(policy, `Created time-off policy: ${describePolicy(policy)}`);
  },
});
