import { definePlugin, defineTool, ok, type SessionStatus } from '@gauzy-mcp/core';
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };

const toolset = 'session';
const SIGN_IN_ROUTES = ['POST /api/auth/login', 'GET /api/user/me', 'GET /api/user-organization'] as const;

const statusOutput = z.looseObject({ signedIn: z.boolean(), mode: z.string(), gauzyBaseUrl: z.string() });

function describeStatus(status: SessionStatus): string {
  if (!status.signedIn || !status.identity) {
    return `Not signed in to Gauzy at ${status.gauzyBaseUrl}.${status.configuredAccount ? ` The next tool call signs in as ${status.configuredAccount}.` : ''}`;
  }
  const who = status.identity;
  const org = who.organizations.find((entry) => entry.id === who.organizationId);
  return [
    `Signed in to ${status.gauzyBaseUrl} as ${who.name} <${who.email}>${who.role ? ` (${who.role})` : ''}.`,
    `Organization: ${org?.name ?? who.organizationId}${who.organizations.length > 1 ? ` (${who.organizations.length} available)` : ''}; employee: ${who.employeeId ?? 'none'}.`,
    status.tokenExpiresAt ? `Access token valid until ${status.tokenExpiresAt}; refreshed ${status.refreshCount} time(s).` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** What happens next after a sign-out, so the user is never surprised by a sign-in or by its absence. */
function afterSignOut(status: SessionStatus): string {
  if (status.mode !== 'credentials') return '';
  return status.configuredAccount
    ? `The next tool call signs in again as ${status.configuredAccount}, the account this server is configured with; call \`login\` to act as someone else.`
    : 'No account is configured on this server: call `login` with an email and password to sign in again.';
}

export const login = defineTool({
  name: 'login',
  localSignIn: true,
  title: 'Sign in to Gauzy',
  description: 'Sign in to Gauzy as another user with email and password; later tool calls act as that user.',
  toolset,
  effect: 'write',
  idempotent: true,
  session: false,
  input: z.object({ email: z.email().describe('Gauzy account email'), password: z.string().min(1).max(200).describe('Gauzy account password (never logged or returned)') }),
  output: statusOutput,
  routes: SIGN_IN_ROUTES,
  async handler({ email, password }, ctx) {
    await ctx.session.signIn({ email, password }, ctx.signal);
    const status = ctx.session.status();
    return ok({ ...status }, describeStatus(status));
  },
});

export const logout = defineTool({
  name: 'logout',
  aliases: ['cleanup_sessions'],
  title: 'Sign out of Gauzy',
  description:
    'Sign out of Gauzy: revokes the refresh token and forgets the tokens (and any `login` account). The next call signs in again with the configured account, if any; otherwise call `login`.',
  toolset,
  effect: 'write',
  idempotent: true,
  session: false,
  input: z.object({}),
  output: statusOutput,
  routes: ['POST /api/auth/logout'],
  async handler(_args, ctx) {
    await ctx.session.signOut(ctx.signal);
    const status = ctx.session.status();
    return ok({ ...status }, `Signed out of Gauzy at ${status.gauzyBaseUrl}. ${afterSignOut(status)}`);
  },
});

export const getSessionInfo = defineTool({
  name: 'get_session_info',
  // One tool answers both: what get_auth_status reported is the first line of this answer.
  aliases: ['get_auth_status'],
  title: 'Session details',
  description: 'Who you are signed in to Gauzy as: user, employee, tenant, the organizations you can act in, token expiry.',
  toolset,
  effect: 'read',
  session: false,
  input: z.object({}),
  output: statusOutput,
  routes: [],
  async handler(_args, ctx) {
    const status = ctx.session.status();
    const orgs = status.identity?.organizations.map((org) => `- ${org.name ?? '(unnamed)'} (id ${org.id})${org.id === status.identity?.organizationId ? ' [current]' : ''}`) ?? [];
    return ok({ ...status }, [describeStatus(status), ...(orgs.length ? ['Organizations:', ...orgs] : [])].join('\n'));
  },
});

export const refreshAuthToken = defineTool({
  name: 'refresh_auth_token',
  title: 'Refresh the Gauzy token',
  description: 'Refresh the Gauzy access token now (normally automatic 10 seconds before it expires).',
  toolset,
  effect: 'write',
  idempotent: true,
  session: false,
  input: z.object({}),
  output: statusOutput,
  routes: ['POST /api/auth/refresh-token', 'POST /api/auth/login'],
  async handler(_args, ctx) {
    const status = await ctx.session.refresh(ctx.signal);
    return ok({ ...status }, `Token refreshed. ${describeStatus(status)}`);
  },
});

export const sessionPlugin = definePlugin({
  name: 'session',
  version: packageJson.version,
  description: 'Gauzy sign-in and session tools.',
  kernel: '^1.0.0',
  toolsets: [{ name: toolset, description: 'Sign in, sign out, session and token status', default: true }],
  tools: [login, logout, getSessionInfo, refreshAuthToken],
});

export default sessionPlugin;
