import type { GauzyClient } from './gauzy/client.js';
import type { GauzyCredentials } from './gauzy/session.js';
import type { SessionControl, SessionStatus } from './tool.js';

/** Session operations for a server that signs in with the user's own credentials (stdio). */
export function credentialSessionControl(client: GauzyClient): SessionControl {
  const session = client.session;
  const status = (): SessionStatus => ({
    signedIn: session.signedIn,
    identity: session.identity,
    gauzyBaseUrl: client.baseUrl,
    tokenExpiresAt: session.tokenExpiresAt ? new Date(session.tokenExpiresAt).toISOString() : undefined,
    hasRefreshToken: session.hasRefreshToken,
    refreshCount: session.refreshCount,
    mode: 'credentials',
    configuredAccount: session.configuredAccount,
  });
  return {
    status,
    signIn: (credentials: GauzyCredentials, signal?: AbortSignal) => session.signIn(credentials, signal),
    signOut: (signal?: AbortSignal) => session.signOut(signal),
    refresh: async (signal?: AbortSignal) => {
      await session.refresh(signal);
      return status();
    },
  };
}
