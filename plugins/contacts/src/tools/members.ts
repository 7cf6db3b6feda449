import { defineTool, entityRoute, GauzyMcpError, ok, refLabel, uuid, withRefusalHints, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { CONTACTS_TOOLSET as toolset, contactEntity } from '../entities.js';
import { readContactSummary } from './crud.js';

type Item = Record<string, unknown>;

/**
 * Gauzy's route for who is assigned to contacts: PUT /api/organization-contact/employee takes
 * IEditEntityByMemberInput `{ addedEntityIds, removedEntityIds, member: {id}, organizationId }`
 * (UpdateEntityByMembersHandler) and answers `true`. It skips contact ids it does not find in that
 * organization without saying so, so the tool reads the contact before (404 for an unknown one) and after
 * (to see the change happened).
 */
const BY_EMPLOYEE_ROUTE = '/api/organization-contact/employee';

/** Linking an employee id no employee has fails the join table's foreign key (400 "FOREIGN KEY constraint failed"). */
const UNKNOWN_EMPLOYEE = [{ match: /FOREIGN KEY constraint failed|foreign key constraint/i, hint: 'No employee has that employeeId: find the employee with list_employees.' }];

const input = z.object({ clientId: uuid(), employeeId: uuid() });
const output = z.looseObject({ assigned: z.boolean() });
const routes = [entityRoute(contactEntity, 'findById'), `PUT ${BY_EMPLOYEE_ROUTE}` as const];

const isMember = (contact: Item, employeeId: string) => Array.isArray(contact.members) && contact.members.some((member) => (member as Item).id === employeeId);
const memberOf = (contact: Item, employeeId: string) => (Array.isArray(contact.members) ? (contact.members as Item[]).find((member) => member.id === employeeId) : undefined);

async function changeAssignment(ctx: ToolContext, clientId: string, employeeId: string, assign: boolean) {
  const before = await readContactSummary(ctx, clientId);
  const body = {
    addedEntityIds: assign ? [clientId] : [],
    removedEntityIds: assign ? [] : [clientId],
    member: { id: employeeId },
    organizationId: ctx.scope.organizationId,
    tenantId: ctx.scope.tenantId,
  };
  await withRefusalHints(() => ctx.gauzy.put(BY_EMPLOYEE_ROUTE, body), UNKNOWN_EMPLOYEE);
  const after = await readContactSummary(ctx, clientId);
  if (isMember(after, employeeId) !== assign) {
    throw new GauzyMcpError('GMCP_ERR_GAUZY_CONFLICT', ['assignment not changed'], {
      gauzyMessages: [`Gauzy answered success, but employee ${employeeId} is ${assign ? 'still not' : 'still'} assigned to client ${clientId} (is the client in this organization?)`],
    });
  }
  const employee = refLabel(memberOf(assign ? after : before, employeeId)) ?? `Employee ${employeeId}`;
  const changed = isMember(before, employeeId) !== assign;
  const members = (after.members as Item[]).map((member) => refLabel(member)).filter(Boolean);
  const client = String(after.name ?? clientId);
  const text = `${employee} ${assign ? (changed ? 'is now' : 'was already') : changed ? 'is no longer' : 'was not'} assigned to ${client} (id ${clientId}); its members: ${members.join(', ') || 'none'}.`;
  return ok({ clientId, client, employeeId, assigned: assign, members: after.members as Item[] }, text);
}

export const assignClientToEmployee = defineTool({
  name: 'assign_client_to_employee',
  title: 'Assign employee to client',
  description: 'Add an employee to the members (assigned employees) of a client, customer or lead.',
  toolset,
  aliases: ['assign_contact_to_employee'],
  effect: 'write',
  idempotent: true,
  input,
  output,
  routes,
  async handler({ clientId, employeeId }, ctx) {
    return changeAssignment(ctx, clientId, employeeId, true);
  },
});

export const unassignClientFromEmployee = defineTool({
  name: 'unassign_client_from_employee',
  title: 'Unassign employee from client',
  description: 'Remove an employee from the members of a client, customer or lead (both stay).',
  toolset,
  aliases: ['unassign_contact_from_employee'],
  effect: 'delete',
  input,
  output,
  routes,
  async handler({ clientId, employeeId }, ctx) {
    return changeAssignment(ctx, clientId, employeeId, false);
  },
});
