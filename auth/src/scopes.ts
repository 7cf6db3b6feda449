import { scopeAllows } from '@gauzy-mcp/core/internal';

/** The scopes this server issues for the MCP host, from least to most. */
export const MCP_SCOPES = ['mcp.read', 'mcp.write', 'mcp.admin'] as const;
export type McpScope = (typeof MCP_SCOPES)[number];

/** What a client that asks for no scope gets: the everyday ones; admin must be asked for. */
export const DEFAULT_SCOPE = 'mcp.read mcp.write';

/**
 * What each scope lets an MCP client do, in the words the consent page shows. This is the one place the
 * scopes are described: anything else that explains them to a person reads this map.
 *
 * The host derives a tool's scope from its effect: reading needs mcp.read, creating, changing and deleting
 * need mcp.write, and only a tool marked `admin` needs mcp.admin. None of the bundled packs marks a tool so
 * (scope-descriptions.test.ts holds that against the host's listing), which the admin wording says.
 */
export const SCOPE_DESCRIPTIONS: Readonly<Record<McpScope, { summary: string; detail: string }>> = {
  'mcp.read': {
    summary: 'Read your projects, tasks and time logs',
    detail: 'And the rest of what your Gauzy role lets you see. Reading changes nothing.',
  },
  'mcp.write': {
    summary: 'Create and change them',
    detail: 'Start and stop timers, log time, add and edit tasks, and delete records.',
  },
  'mcp.admin': {
    summary: 'Use admin-only tools',
    detail: 'No tool gauzy-mcp ships needs it: it matters only for admin-only tools a plugin adds.',
  },
};

/**
 * Everything a grant of `requested` allows, in order: mcp.write includes reading and mcp.admin includes
 * both (the host's own rule), so the consent page lists what the client will really be able to do.
 */
export function scopesAllowedBy(requested: readonly string[]): McpScope[] {
  return MCP_SCOPES.filter((scope) => scopeAllows(requested, scope));
}
