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

  return {
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
