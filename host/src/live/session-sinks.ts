import type { LiveSink } from '@gauzy-mcp/core/internal';
import { notifySession } from '../http/sessions.js';
import type { HostState } from '../state/index.js';

/** The sink id of a 2025 session's subscriptions: the same on every instance, so any of them can end them. */
export const sessionSinkId = (sessionId: string) => `session:${sessionId}`;

/**
 * Where a 2025 session's live views are notified: its own stream, through the shared event log and bus, so the
 * instance holding the client's GET stream delivers it (and a client that reconnects with Last-Event-ID still gets
 * it). A session that expired is no longer there to notify; its subscriptions then end at the next poll.
 */
export function sessionSinks(state: HostState): (sessionId: string) => LiveSink {
  return (sessionId) => ({
    id: sessionSinkId(sessionId),
    notify: (uri) => notifySession(state, sessionId, { jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri } }),
    alive: () => state.sessions.exists(sessionId),
  });
}
