import { defineTool, entityOutput, GauzyMcpError, isGauzyMcpError, ok, uuid, withRefusalHints, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { CONTACTS_TOOLSET as toolset, describeContact } from '../entities.js';

type Item = Record<string, unknown>;

/**
 * Gauzy's invite for a contact: PUT /api/invite/organization-contact/:id (InviteOrganizationContactHandler)
 * emails an invitation (VIEWER role) to the contact's primaryEmail and sets its inviteStatus to INVITED.
 * It answers its refusals as 500 InternalServerErrorException with a sentence; the known ones get a hint.
 */
const INVITE_ROUTE = '/api/invite/organization-contact/:id';

const INVITE_HINTS = [
  { match: /does not have a primary email/i, hint: 'Give the client a primaryEmail with update_client, then invite it again.' },
  { match: /already exists in the account as a user/i, hint: 'That email already belongs to a Gauzy user, who can sign in already; invite a different email or leave it.' },
  { match: /was not found/i, hint: 'Check the id with list_clients.' },
];

/** The handler's refusals come as 500s; they are Gauzy saying no (not Gauzy being down), so they are reported as a rejection. */
async function invite(ctx: ToolContext, clientId: string): Promise<Item> {
  try {
    return await ctx.gauzy.put<Item>(INVITE_ROUTE, {}, { params: { id: clientId } });
  } catch (error) {
    if (isGauzyMcpError(error) && error.code === 'GMCP_ERR_GAUZY_UNAVAILABLE' && error.details.status === 500 && Array.isArray(error.details.gauzyMessages) && error.details.gauzyMessages.length) {
      throw new GauzyMcpError('GMCP_ERR_GAUZY_CONFLICT', ['HTTP 500'], error.details);
    }
    throw error;
  }
}

export const inviteClient = defineTool({
  name: 'invite_client',
  title: 'Invite a client to Gauzy',
  description: "Email a client, customer or lead an invitation to Gauzy at its primaryEmail; its inviteStatus becomes INVITED.",
  toolset,
  aliases: ['invite_organization_contact'],
  effect: 'write',
  input: z.object({ clientId: uuid() }),
  output: entityOutput,
  routes: [`PUT ${INVITE_ROUTE}`],
  async handler({ clientId }, ctx) {
    const contact = await withRefusalHints(() => invite(ctx, clientId), INVITE_HINTS);
    const invited: Item = contact && typeof contact === 'object' && 'id' in contact ? contact : { id: clientId, inviteStatus: 'INVITED' };
    return ok(invited, `Invited ${describeContact(invited)}: Gauzy sends the invitation to its primary email.`);
  },
});
