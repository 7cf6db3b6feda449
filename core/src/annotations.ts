import type { OAuthScope, ToolDefinition } from './tool.js';

export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** Every hint is explicit: clients must not have to guess a default. */
export function annotationsFor(tool: Pick<ToolDefinition, 'title' | 'effect' | 'idempotent' | 'openWorld'>): ToolAnnotations {
  return {
    title: tool.title,
    readOnlyHint: tool.effect === 'read',
    destructiveHint: tool.effect === 'delete',
    idempotentHint: tool.idempotent ?? tool.effect !== 'write',
    openWorldHint: tool.openWorld ?? false,
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
