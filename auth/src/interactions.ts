import { createHmac, timingSafeEqual } from 'node:crypto';
import { isGauzyMcpError, type Logger } from '@gauzy-mcp/core';
import { GauzySession, type GauzyHttp } from '@gauzy-mcp/core/internal';
import type { CredentialVault } from '@gauzy-mcp/core/state';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { GrantLedger } from './grant-ledger.js';
import { formTargetOf, sendPage } from './page-security.js';
import { consentPage, errorPage, signInPage } from './pages.js';
import { StateUnavailableError } from '@gauzy-mcp/core/state';
import type { SignInThrottle } from './sign-in-throttle.js';

/** Retry-After on the 503 a sign-in gets while the shared throttle count cannot be reached. */
const THROTTLE_UNAVAILABLE_RETRY_SECONDS = 5;

export interface InteractionDeps {
  provider: Provider;
  vault: CredentialVault;
  gauzy: GauzyHttp;
  /** Whether `gauzy` is the bundled sandbox, which the pages say beside its address. */
  gauzySandbox: boolean;
  log: Logger;
  ledger: GrantLedger;
  throttle: SignInThrottle;
  /** Signs the forms' CSRF tokens; shared by a cluster's instances (derived from the cookie keys). */
  csrfSecret: Buffer;
}

/**
 * The pages oidc-provider sends the user to: sign in with Gauzy (its tokens go to the vault, never the
 * password), then choose an organization and consent. Every form carries a CSRF token bound to the
 * interaction, and a user whose vault entry is gone signs in to Gauzy again instead of only consenting.
 */
export function registerInteractionRoutes(app: FastifyInstance, deps: InteractionDeps): void {
  const { provider, vault, gauzy, log, ledger, throttle, csrfSecret } = deps;
  const instance = { host: new URL(gauzy.baseUrl).host, sandbox: deps.gauzySandbox };
  const csrfFor = (uid: string) => createHmac('sha256', csrfSecret).update(uid).digest('base64url');
  const csrfValid = (uid: string, presented: unknown) => {
    const expected = Buffer.from(csrfFor(uid));
    const given = Buffer.from(typeof presented === 'string' ? presented : '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const interactionDetails = (request: FastifyRequest, reply: FastifyReply) => provider.interactionDetails(request.raw, reply.raw);

  app.get('/oauth2/interaction/:uid', async (request, reply) => {
    const details = await interactionDetails(request, reply);
    const formTargets = formTargetsOf(details.params.redirect_uri);
    const client = await provider.Client.find(String(details.params.client_id));
    const clientName = client?.clientName ?? String(details.params.client_id);
    const uid = details.uid;
    const needsGauzy = details.prompt.name === 'login' || !(details.session?.accountId && (await vault.get(details.session.accountId)));
    if (needsGauzy) {
      return sendPage(reply, signInPage({ action: `/oauth2/interaction/${uid}/login`, csrf: csrfFor(uid), clientName, gauzy: instance }), { formTargets });
    }
    const record = details.session?.accountId ? await vault.get(details.session.accountId) : undefined;
    const missing = (details.prompt.details.missingResourceScopes ?? {}) as Record<string, string[]>;
    return sendPage(
      reply,
      consentPage({
        action: `/oauth2/interaction/${uid}/consent`,
        csrf: csrfFor(uid),
        clientName,
        redirectHost: hostOf(String(details.params.redirect_uri)),
        gauzy: instance,
        account: record ? { name: record.identity.name, email: record.identity.email } : undefined,
        scopes: Object.values(missing).flat(),
        organizations: record?.identity.organizations ?? [],
        selectedOrganizationId: record?.identity.organizationId,
      }),
      { formTargets },
    );
  });

  app.post('/oauth2/interaction/:uid/login', async (request, reply) => {
    const details = await interactionDetails(request, reply);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const needsGauzy = details.prompt.name === 'login' || !(details.session?.accountId && (await vault.get(details.session.accountId)));
    if (!needsGauzy || !csrfValid(details.uid, form.csrf)) return sendPage(reply, errorPage('This form expired or was not sent by this page. Start again from your MCP client.'), { status: 403 });
    const client = await provider.Client.find(String(details.params.client_id));
    const credentials = signInFields(form);
    const again = (error: string, status = 200) =>
      sendPage(reply, signInPage({ action: `/oauth2/interaction/${details.uid}/login`, csrf: csrfFor(details.uid), clientName: client?.clientName ?? String(details.params.client_id), gauzy: instance, email: typeof form.email === 'string' ? form.email : '', error }), { status, formTargets: formTargetsOf(details.params.redirect_uri) });
    // Only a plausible email and password go to Gauzy: anything else (blank, repeated, an object) is asked for again.
    if (!credentials) return again('Enter your Gauzy email and password.');
    // The attempt is counted before the password goes to Gauzy. Without the shared count (Redis down) the
    // sign-in is refused with 503: a password is never tried uncounted, and an outage is never a 500.
    const wait = await throttle.attempt(request.ip, credentials.email).catch((error: unknown) => {
      if (!(error instanceof StateUnavailableError)) throw error;
      log.warn('sign-in refused: the throttle store is unavailable', { error: error.message });
      return undefined;
    });
    if (wait === undefined) {
      reply.header('retry-after', String(THROTTLE_UNAVAILABLE_RETRY_SECONDS));
      return again('Sign-in is unavailable for a moment. Try again shortly.', 503);
    }
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return again(`Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, 429);
    }
    // Settling the count after Gauzy answered: a failure to reach the store then is logged, and the answer stands.
    const settle = (how: 'succeeded' | 'undecided') => throttle[how](request.ip, credentials.email).catch((error: unknown) => log.warn('could not update the sign-in throttle', { error: (error as Error).message }));
    const session = new GauzySession(gauzy, { credentials, log: log });
    try {
      await session.signIn();
    } catch (error) {
      // Gauzy's 400 is its validation of the login body: as much a refusal of these credentials as its 401.
      // A refusal keeps the attempt counted.
      if (isGauzyMcpError(error, 'GMCP_ERR_NOT_SIGNED_IN') || isGauzyMcpError(error, 'GMCP_ERR_GAUZY_BAD_REQUEST')) return again('Gauzy did not accept that email and password.');
      // Gauzy did not judge the password: the attempt is given back.
      await settle('undecided');
      if (isGauzyMcpError(error, 'GMCP_ERR_GAUZY_RATE_LIMITED')) return again('Gauzy is refusing sign-ins for a moment. Try again shortly.', 429);
      log.warn('Gauzy sign-in failed', { error: isGauzyMcpError(error) ? error.code : (error as Error).message });
      return again('Gauzy could not be reached. Try again in a moment.', 502);
    }
    await settle('succeeded');
    const snapshot = session.snapshot()!;
    const accountId = snapshot.identity.userId;
    await vault.put(accountId, snapshot);
    await provider.interactionFinished(request.raw, reply.raw, { login: { accountId } }, { mergeWithLastSubmission: false });
    return reply.hijack();
  });

  app.post('/oauth2/interaction/:uid/consent', async (request, reply) => {
    const details = await interactionDetails(request, reply);
    const form = (request.body ?? {}) as Record<string, unknown>;
    if (details.prompt.name !== 'consent' || !csrfValid(details.uid, form.csrf)) return sendPage(reply, errorPage('This form expired or was not sent by this page. Start again from your MCP client.'), { status: 403 });
    if (form.decision !== 'allow') {
      await provider.interactionFinished(request.raw, reply.raw, { error: 'access_denied', error_description: 'The user denied access.' }, { mergeWithLastSubmission: false });
      return reply.hijack();
    }
    const accountId = details.session!.accountId!;
    const record = await vault.get(accountId);
    const chosen = form.organizationId;
    if (record && chosen && chosen !== record.identity.organizationId) {
      const organization = record.identity.organizations.find((org) => org.id === chosen);
      if (!organization) return sendPage(reply, errorPage('That organization is not one of yours.'), { status: 400 });
      await vault.put(accountId, { ...record, identity: { ...record.identity, organizationId: organization.id } });
    }
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    const missing = (details.prompt.details.missingResourceScopes ?? {}) as Record<string, string[]>;
    for (const [indicator, scopes] of Object.entries(missing)) grant!.addResourceScope(indicator, scopes.join(' '));
    const missingOidc = details.prompt.details.missingOIDCScope as string[] | undefined;
    if (missingOidc) grant!.addOIDCScope(missingOidc.join(' '));
    const grantId = await grant!.save();
    await ledger.granted(accountId, grantId);
    await provider.interactionFinished(request.raw, reply.raw, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    return reply.hijack();
  });

}

/** The sign-in form's email and password when both are single, plausible strings (an email is at most 254 characters). */
function signInFields(form: Record<string, unknown>): { email: string; password: string } | undefined {
  const { email, password } = form;
  if (typeof email !== 'string' || typeof password !== 'string') return undefined;
  const trimmed = email.trim();
  if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(trimmed)) return undefined;
  if (password.length === 0 || password.length > 1024) return undefined;
  return { email: trimmed, password };
}

/** After an interaction the browser is redirected to the client's redirect_uri: the forms may lead there. */
function formTargetsOf(redirectUri: unknown): string[] {
  const target = typeof redirectUri === 'string' ? formTargetOf(redirectUri) : undefined;
  return target ? [target] : [];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
