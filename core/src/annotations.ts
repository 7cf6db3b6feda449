import type { OAuthScope, ToolDefinition } from './tool.js';

export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** The annotations as `tools/list` sends them: only what differs from the defaults MCP gives every hint. */
export type ListedAnnotations = Partial<Omit<ToolAnnotations, 'title'>>;

/** Every hint, resolved: what the kernel, the docs and the tests reason about. */
export function annotationsFor(tool: Pick<ToolDefinition, 'title' | 'effect' | 'idempotent' | 'openWorld'>): ToolAnnotations {
  return {
    title: tool.title,
    readOnlyHint: tool.effect === 'read',
    destructiveHint: tool.effect === 'delete',
    // A read changes nothing, so repeating it is always harmless, whatever the definition says.
    idempotentHint: tool.effect === 'read' || (tool.idempotent ?? tool.effect !== 'write'),
    openWorldHint: tool.openWorld ?? false,
  };
}

/** The defaults the MCP schema gives a hint a server leaves out (ToolAnnotations in the 2025-03-26 and later revisions). */
export const MCP_HINT_DEFAULTS = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true } as const;

/**
 * The hints worth sending. The listing is paid for in every conversation, so it leaves out what a client
 * reads the same way without it: a hint equal to MCP's default, the destructive and idempotent hints of a
 * read-only tool (the spec gives them meaning only when `readOnlyHint` is false), and `title`, which the
 * tool's own `title` already carries and takes precedence over. `readOnlyHint` is always sent: it is the
 * hint clients act on (auto-approval), and `false` should not depend on a client knowing the default.
 */
export function listedAnnotations(hints: ToolAnnotations): ListedAnnotations {
  const listed: ListedAnnotations = { readOnlyHint: hints.readOnlyHint };
  if (!hints.readOnlyHint) {
    if (hints.destructiveHint !== MCP_HINT_DEFAULTS.destructiveHint) listed.destructiveHint = hints.destructiveHint;
    if (hints.idempotentHint !== MCP_HINT_DEFAULTS.idempotentHint) listed.idempotentHint = hints.idempotentHint;
  }
  if (hints.openWorldHint !== MCP_HINT_DEFAULTS.openWorldHint) listed.openWorldHint = hints.openWorldHint;
  return listed;
}

/** What a client reading `listed` understands, every default applied (the inverse of {@link listedAnnotations}). */
export function resolvedAnnotations(listed: ListedAnnotations, title: string): ToolAnnotations {
  const readOnlyHint = listed.readOnlyHint ?? MCP_HINT_DEFAULTS.readOnlyHint;
  return {
    title,
    readOnlyHint,
    // A read-only tool changes nothing: it destroys nothing and repeating it is harmless.
    destructiveHint: readOnlyHint ? false : listed.destructiveHint ?? MCP_HINT_DEFAULTS.destructiveHint,
    idempotentHint: readOnlyHint ? true : listed.idempotentHint ?? MCP_HINT_DEFAULTS.idempotentHint,
    openWorldHint: listed.openWorldHint ?? MCP_HINT_DEFAULTS.openWorldHint,
  };
}

export function requiredScope(tool: Pick<ToolDefinition, 'effect' | 'admin'>): OAuthScope {
  if (tool.admin) return 'mcp.admin';
  return tool.effect === 'read' ? 'mcp.read' : 'mcp.write';
}

/** `mcp.admin` implies write, and write implies read. */
export function scopeAllows(granted: Iterable<string>, needed: OAuthScope): boolean {
  const set = new Set(granted);
  if (set.has('mcp.admin')) return true;
  if (needed === 'mcp.read') return set.has('mcp.read') || set.has('mcp.write');
  return set.has(needed);
}
