import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '@gauzy-mcp/core';
import { createCredentialCaller, type GauzyHttp } from '@gauzy-mcp/core/internal';
import type { HostConfig } from './config.js';
import { HostHttpError, RPC } from './http/errors.js';
import type { Authenticator, Identity } from './identity.js';

type Account = Extract<HostConfig['identity'], { mode: 'development' }>['accounts'][number];

/**
 * Development identity: configured Gauzy accounts, each signed in once and shared by every request that
 * presents its token (or by every request, when there is a single account without one). Allowed only
 * on loopback (the config refuses other hosts); the OAuth bearer check replaces it for real deployments.
 */
/** How long a readiness probe waits for an account's sign-in. */
const READINESS_SIGN_IN_MS = 5_000;
/** How long a failed sign-in answers readiness probes before it is tried again. */
const FAILED_SIGN_IN_CACHE_MS = 60_000;

export function createDevAuthenticator(accounts: readonly Account[], http: GauzyHttp, log: Logger): Authenticator {
  const identities = new Map<string, Identity>();
  const identityFor = (account: Account): Identity => {
    let identity = identities.get(account.name);
    if (!identity) {
      const key = `dev:${account.name}`;
      const caller = createCredentialCaller(http, {
        credentials: { email: account.email, password: account.password },
        organizationId: account.organizationId,
        log: log.child({ account: account.name }),
        subject: key,
      });
      identity = { key, label: `${account.name} <${account.email}>`, caller };
      identities.set(account.name, identity);
    }
    return identity;
  };
  const anonymousAccount = accounts.length === 1 && !accounts[0]!.token ? accounts[0] : undefined;
  const tokens = accounts.flatMap((account) => (account.token ? [{ account, token: Buffer.from(account.token) }] : []));
  const challenge = (error?: string) =>
    new HostHttpError(401, RPC.UNAUTHORIZED, error ? 'The bearer token is not one of the configured development tokens.' : 'A bearer token is required.', {
      'www-authenticate': error ? `Bearer realm="gauzy-mcp", error="${error}"` : 'Bearer realm="gauzy-mcp"',
    });

  // A failed sign-in is remembered a while: readiness probes must not turn a wrong password into a stream of logins.
  const failures = new Map<string, { until: number; reason: string }>();
  const checkAccount = async (account: Account): Promise<string | undefined> => {
    const known = failures.get(account.name);
    if (known && known.until > Date.now()) return known.reason;
    try {
      // Signs in once, then answers from the session's token until it expires: a probe is not a sign-in.
      await identityFor(account).caller.gauzy.session.accessToken(AbortSignal.timeout(READINESS_SIGN_IN_MS));
      failures.delete(account.name);
      return undefined;
    } catch (error) {
      const reason = `${account.name} <${account.email}> cannot sign in to Gauzy: ${(error as Error).message}`;
      failures.set(account.name, { until: Date.now() + FAILED_SIGN_IN_CACHE_MS, reason });
      return reason;
    }
  };

  return {
    async checkCredentials() {
      const reasons = (await Promise.all(accounts.map(checkAccount))).filter((reason): reason is string => reason !== undefined);
      if (reasons.length) throw new Error(reasons.join('; '));
    },
    mode: anonymousAccount ? `development (one shared Gauzy account: ${anonymousAccount.email})` : `development (${accounts.length} Gauzy accounts selected by bearer token)`,
    async authenticate(headers) {
      const header = headers.authorization;
      const value = Array.isArray(header) ? header[0] : header;
      if (!value) {
        if (anonymousAccount) return identityFor(anonymousAccount);
        throw challenge();
      }
      const match = /^Bearer\s+(\S+)$/i.exec(value);
      if (!match) throw challenge('invalid_request');
      const presented = Buffer.from(match[1]!);
      const found = tokens.find(({ token }) => token.length === presented.length && timingSafeEqual(token, presented));
      if (!found) throw challenge('invalid_token');
      return identityFor(found.account);
    },
  };
}
