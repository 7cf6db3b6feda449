import { defineTool, formatValue, GauzyMcpError, isoDate, ok, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { CANDIDATES_TOOLSET as toolset } from '../entities.js';

type Item = Record<string, unknown>;

const INVITE_ROUTE = '/api/invite/emails';

/**
 * The role the invites carry: CreateInviteDTO (RoleFeatureDTO) needs one that exists, and Gauzy's app reads it by name.
 * RoleController.findOneRoleByOptions answers an EMPLOYEE caller with their own role whatever the name.
 */
async function inviteRole(ctx: ToolContext): Promise<Item> {
  const role = await ctx.gauzy.get<Item>('/api/roles/options', { query: { name: 'CANDIDATE', tenantId: ctx.scope.tenantId } });
  if (!role || typeof role.id !== 'string') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected a role']);
  return role;
}
export const MAX_EMAILS = 50;

/**
 * Gauzy sends no email of the caller's own words: its mail goes out from its own templates (invites, welcome,
 * rejection, invoices). The one that reaches several people in one call is the invite: POST /api/invite/emails
 * (InviteService.createBulk) saves an invite per address and emails each one its link to join the
 * organization, as a candidate here. It invites an address again each time (only team invites are "ignored" when pending).
 */
export const sendBulkEmails = defineTool({
  name: 'send_bulk_emails',
  title: 'Email candidate invitations',
  description: `Email Gauzy's candidate invitation (a link to sign up and apply) to up to ${MAX_EMAILS} addresses; reports each. Gauzy sends no free-text email; rejecting a candidate (update_candidate_stage) emails them too.`,
  toolset,
  effect: 'write',
  input: z.object({
    emails: z.array(z.email()).min(1).max(MAX_EMAILS),
    appliedDate: isoDate().optional(),
  }),
  output: z.looseObject({ invited: z.array(z.looseObject({})), skipped: z.array(z.string()) }),
  routes: ['GET /api/roles/options', `POST ${INVITE_ROUTE}`],
  async handler({ emails, appliedDate }, ctx) {
    const unique = [...new Set(emails.map((email) => email.toLowerCase()))];
    const role = await inviteRole(ctx);
    const answer = await ctx.gauzy.post<{ items?: Item[]; total?: number; ignored?: number }>(INVITE_ROUTE, {
      emailIds: unique,
      inviteType: 'CANDIDATE',
      roleId: role.id,
      ...(appliedDate ? { appliedDate } : {}),
      organizationId: ctx.scope.organizationId,
      tenantId: ctx.scope.tenantId,
    });
    const items = Array.isArray(answer?.items) ? answer.items : [];
    const invited = items.map((invite) => ({ email: invite.email, inviteId: invite.id, status: invite.status, expireDate: invite.expireDate ?? null }));
    const sent = new Set(invited.map((invite) => String(invite.email).toLowerCase()));
    const skipped = unique.filter((email) => !sent.has(email));
    const lines = [
      `Gauzy emailed ${invited.length} candidate invitation(s) as role ${String(role.name)}${skipped.length ? `; ${skipped.length} not sent` : ''}:`,
      ...invited.map((invite) => `- ${String(invite.email)}: invite ${String(invite.inviteId)}${invite.expireDate ? `, expires ${formatValue(invite.expireDate)}` : ''}`),
      ...skipped.map((email) => `- ${email}: not sent (Gauzy ignored it)`),
    ];
    return ok({ invited, skipped, role: role.name, sent: invited.length, skippedCount: skipped.length }, lines.join('\n'));
  },
});
