import { z } from 'zod';
import { parseArguments, type CallContext, type Caller, type ToolCallResult, type ToolDispatcher } from './dispatch.js';
import { GauzyMcpError, isGauzyMcpError } from './errors.js';
import { toolListing, type Inventory, type ListedTool, type RegisteredTool } from './inventory.js';
import { viewKeeps } from './tool-view.js';
import type { ToolEffect } from './tool.js';

/**
 * The toolsets one connection turned on in catalog mode, kept where the connection lives (the stdio process, a
 * 2025-revision session's record, a WebSocket). A stateless 2026-07-28 request has none, so it is not offered
 * `enable_toolset` there.
 */
export interface ToolsetSwitch {
  readonly enabled: readonly string[];
  /** Adds toolsets; resolves once the change is kept (a session's record is shared by every instance). */
  enable(toolsets: readonly string[]): Promise<void>;
}

/** A switch held in memory; `persist` is told each new set (a session writes it to its record). */
export function createToolsetSwitch(initial: readonly string[] = [], persist?: (enabled: readonly string[]) => Promise<void>): ToolsetSwitch {
  let enabled: readonly string[] = [...new Set(initial)].sort();
  return {
    get enabled() {
      return enabled;
    },
    async enable(toolsets) {
      const next = [...new Set([...enabled, ...toolsets])].sort();
      if (next.length === enabled.length) return;
      await persist?.(next);
      enabled = next;
    },
  };
}

interface MetaTool {
  name: string;
  title: string;
  description: string;
  effect: ToolEffect;
  input: z.ZodObject;
  /** call_tool reaches whatever the tool it names reaches. */
  openWorld?: boolean;
  /** Offered only where the connection keeps state (enable_toolset). */
  needsSwitch?: boolean;
  run(args: Record<string, unknown>, context: CallContext, catalog: CatalogMode): Promise<ToolCallResult>;
}

const DEFAULT_MATCHES = 10;

/** What of a caller decides what catalog mode shows it. */
type Reach = Pick<Caller, 'scopes' | 'view' | 'toolsets'>;

/**
 * Catalog mode, for clients with small tool budgets: `tools/list` holds five meta-tools (search the catalog,
 * describe a tool, call a tool, list and enable toolsets) instead of every tool, plus the tools of the toolsets the
 * connection enabled. What a connection may reach is exactly what the full listing would show it: the token's
 * scopes, the operator's selection and the connection's view (toolsets, read-only) apply to every meta-tool, and
 * `call_tool` goes through the dispatcher like any call.
 */
const META_TOOLS: readonly MetaTool[] = [
  {
    name: 'search_tools',
    title: 'Search tools',
    description: 'Find tools in this server\'s catalog by words (e.g. "log time", "overdue invoices") or by toolset. Then describe_tool for arguments, call_tool to run.',
    effect: 'read',
    input: z.object({
      query: z.string().min(1).max(200).optional().describe('Words to match in tool names, titles and descriptions'),
      toolset: z.string().min(1).optional().describe('Only tools of this toolset (see list_toolsets)'),
      limit: z.number().int().min(1).max(50).optional().describe(`Most tools to return (default ${DEFAULT_MATCHES})`),
    }),
    run: async (args, context, catalog) => catalog.search(args as { query?: string; toolset?: string; limit?: number }, context.caller),
  },
  {
    name: 'describe_tool',
    title: 'Describe a tool',
    description: 'A tool\'s full description and its argument and result JSON Schemas.',
    effect: 'read',
    input: z.object({ name: z.string().min(1).describe('Tool name, from search_tools') }),
    run: async (args, context, catalog) => catalog.describe(args.name as string, context.caller),
  },
  {
    name: 'call_tool',
    title: 'Call a tool',
    description: 'Run a catalog tool by name with its arguments (see describe_tool); answers what the tool answers.',
    effect: 'write',
    openWorld: true,
    input: z.object({
      name: z.string().min(1).describe('Tool name'),
      arguments: z.record(z.string(), z.unknown()).optional().describe('The tool\'s arguments'),
    }),
    run: async (args, context, catalog) => catalog.callThrough(args.name as string, args.arguments as Record<string, unknown> | undefined, context),
  },
  {
    name: 'list_toolsets',
    title: 'List toolsets',
    description: 'The toolsets of this server\'s catalog: what each covers, its tool count, and whether it is enabled here.',
    effect: 'read',
    input: z.object({}),
    run: async (_args, context, catalog) => catalog.listToolsets(context.caller),
  },
  {
    name: 'enable_toolset',
    title: 'Enable toolsets',
    description: 'List the tools of these toolsets directly on this connection (tools/list changes and the client is notified).',
    effect: 'read',
    needsSwitch: true,
    input: z.object({ toolsets: z.array(z.string().min(1)).min(1).max(20).describe('Toolset names, from list_toolsets') }),
    run: async (args, context, catalog) => catalog.enable(args.toolsets as string[], context),
  },
];

export const META_TOOL_NAMES: ReadonlySet<string> = new Set(META_TOOLS.map((tool) => tool.name));

interface CompiledMetaTool extends MetaTool {
  input: z.ZodObject;
  listing: ListedTool;
}

/** A tool as search_tools shows it: enough to choose, not enough to call (describe_tool has the schema). */
interface FoundTool {
  name: string;
  title: string;
  toolset: string;
  effect: ToolEffect;
  description: string;
}

export class CatalogMode {
  private readonly meta = new Map<string, CompiledMetaTool>();
  /** call_tool's entry for connections that can only read: the same tool, with hints that say so. */
  private readonly readOnlyCallListing: ListedTool;

  constructor(
    private readonly inventory: Inventory,
    private readonly dispatcher: Pick<ToolDispatcher, 'call'>,
  ) {
    for (const tool of META_TOOLS) {
      // A pack's tool of the same name would be unreachable in catalog mode: refuse the pair at start.
      if (inventory.get(tool.name)) throw new GauzyMcpError('GMCP_ERR_DUPLICATE_TOOL', [tool.name, 'the kernel (catalog mode)', inventory.get(tool.name)!.plugin], { tool: tool.name });
      const input = tool.input.strict();
      this.meta.set(tool.name, { ...tool, input, listing: toolListing(tool, input) });
    }
    const call = this.meta.get('call_tool')!;
    this.readOnlyCallListing = toolListing({ ...call, effect: 'read' }, call.input);
  }

  isMetaTool(name: string): boolean {
    return this.meta.has(name);
  }

  /** The meta-tools this caller's connection is offered, first in its catalog-mode listing. */
  listings(caller: Reach): ListedTool[] {
    const canWrite = !caller.view?.readOnly && this.reachable(caller).some((tool) => tool.definition.effect !== 'read');
    return [...this.meta.values()]
      .filter((tool) => !tool.needsSwitch || caller.toolsets)
      .map((tool) => (tool.name === 'call_tool' && !canWrite ? this.readOnlyCallListing : tool.listing));
  }

  /** Tools listed beside the meta-tools: those of the toolsets the connection enabled. */
  enabledTools(caller: Reach): RegisteredTool[] {
    const enabled = new Set(caller.toolsets?.enabled ?? []);
    return enabled.size ? this.reachable(caller).filter((tool) => enabled.has(tool.definition.toolset)) : [];
  }

  /** Runs a meta-tool; a refusal is thrown as a coded error, which the dispatcher turns into the call's answer. */
  async call(name: string, rawArgs: unknown, context: CallContext): Promise<ToolCallResult> {
    const tool = this.meta.get(name)!;
    if (tool.needsSwitch && !context.caller.toolsets) throw new GauzyMcpError('GMCP_ERR_UNKNOWN_TOOL', [name]);
    return tool.run(parseArguments(name, tool.input, rawArgs), context, this);
  }

  /** What this caller may call here: served, allowed by its scopes, kept by its connection's view. */
  private reachable(caller: Reach): readonly RegisteredTool[] {
    const visible = this.inventory.visibleTo(caller.scopes);
    return caller.view ? visible.filter((tool) => viewKeeps(caller.view, tool)) : visible;
  }

  /** The tool a name calls (a preset or bulk name is judged by the listed tool it runs), when this caller may reach it. */
  private reachableTool(name: string, caller: Reach): RegisteredTool | undefined {
    const tool = this.inventory.get(name);
    if (!tool || tool.definition.retired) return undefined;
    const listed = tool.definition.runsEach ? this.inventory.get(tool.definition.runsEach.tool) : tool;
    return listed && this.reachable(caller).includes(listed) ? tool : undefined;
  }

  search(args: { query?: string; toolset?: string; limit?: number }, caller: Caller): ToolCallResult {
    if (args.query === undefined && args.toolset === undefined) {
      throw invalid('search_tools', '(arguments)', 'give a query, a toolset, or both');
    }
    const reachable = this.reachable(caller);
    if (args.toolset !== undefined && !reachable.some((tool) => tool.definition.toolset === args.toolset)) {
      throw invalid('search_tools', 'toolset', `no toolset "${args.toolset}" here; list_toolsets names them`);
    }
    const words = (args.query ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 1);
    const scored = reachable
      .filter((tool) => args.toolset === undefined || tool.definition.toolset === args.toolset)
      .map((tool) => ({ tool, ...(words.length ? relevance(tool, words) : { matched: 1, score: 1 }) }))
      .filter((entry) => entry.matched > 0)
      .sort((a, b) => b.matched - a.matched || b.score - a.score || (a.tool.name < b.tool.name ? -1 : 1));
    const limit = args.limit ?? DEFAULT_MATCHES;
    const tools: FoundTool[] = scored.slice(0, limit).map(({ tool }) => ({
      name: tool.name,
      title: tool.definition.title,
      toolset: tool.definition.toolset,
      effect: tool.definition.effect,
      description: firstSentence(tool.definition.description),
    }));
    const more = scored.length - tools.length;
    const text = tools.length
      ? [
          `${scored.length} tool${scored.length === 1 ? '' : 's'} match${scored.length === 1 ? 'es' : ''}${more > 0 ? `, the first ${tools.length} shown (raise limit or narrow the query for the rest)` : ''}:`,
          ...tools.map((tool) => `- ${tool.name} (${tool.toolset}, ${tool.effect}): ${tool.description}`),
          'describe_tool gives a tool\'s arguments; call_tool runs it.',
        ].join('\n')
      : `No tool here matches "${args.query}"${args.toolset ? ` in ${args.toolset}` : ''}. Try other words, or list_toolsets.`;
    return result({ matched: scored.length, tools }, text);
  }

  describe(name: string, caller: Caller): ToolCallResult {
    const tool = this.reachableTool(name, caller);
    if (!tool) throw invalid('describe_tool', 'name', this.notHere(name, caller));
    const listing = tool.listing;
    const structured = {
      name: tool.name,
      ...(tool.name !== name ? { calledAs: name } : {}),
      title: listing.title,
      toolset: tool.definition.toolset,
      effect: tool.definition.effect,
      description: listing.description,
      inputSchema: listing.inputSchema,
      ...(listing.outputSchema ? { outputSchema: listing.outputSchema } : {}),
    };
    const text = [
      `${tool.name}: ${listing.title} (${tool.definition.toolset}, ${tool.definition.effect}).`,
      listing.description,
      `Arguments (JSON Schema): ${JSON.stringify(listing.inputSchema)}`,
      `Run it with call_tool {"name":"${tool.name}","arguments":{…}}.`,
    ].join('\n');
    return result(structured, text);
  }

  async callThrough(name: string, args: Record<string, unknown> | undefined, context: CallContext): Promise<ToolCallResult> {
    if (this.meta.has(name)) throw invalid('call_tool', 'name', `${name} is one of the catalog tools: call it directly`);
    // The dispatcher decides as for a direct call: outside the connection's view it is unknown, above the token's
    // scopes it answers which scope it needs, retired it says why.
    try {
      return await this.dispatcher.call(name, args, context);
    } catch (error) {
      if (isGauzyMcpError(error, 'GMCP_ERR_UNKNOWN_TOOL')) throw invalid('call_tool', 'name', this.notHere(name, context.caller));
      throw error;
    }
  }

  listToolsets(caller: Caller): ToolCallResult {
    const reachable = this.reachable(caller);
    const enabled = new Set(caller.toolsets?.enabled ?? []);
    const toolsets = this.inventory.toolsets
      .map((toolset) => ({ name: toolset.name, description: toolset.description, tools: reachable.filter((tool) => tool.definition.toolset === toolset.name).length, enabled: enabled.has(toolset.name) }))
      .filter((toolset) => toolset.tools > 0)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const how = caller.toolsets
      ? 'enable_toolset lists a toolset\'s tools directly; search_tools finds tools in any of them.'
      : 'search_tools finds tools in any of them; call_tool runs one.';
    return result({ toolsets }, [...toolsets.map((toolset) => `- ${toolset.name} (${toolset.tools} tools${toolset.enabled ? ', enabled' : ''}): ${toolset.description}`), how].join('\n'));
  }

  async enable(names: readonly string[], context: CallContext): Promise<ToolCallResult> {
    const toolsets = context.caller.toolsets!;
    const reachable = this.reachable(context.caller);
    const unknown = names.filter((name) => !reachable.some((tool) => tool.definition.toolset === name));
    if (unknown.length) throw invalid('enable_toolset', 'toolsets', `not served here: ${unknown.join(', ')}; list_toolsets names them`);
    const before = new Set(toolsets.enabled);
    await toolsets.enable(names);
    const added = names.filter((name) => !before.has(name));
    if (added.length) await context.toolsChanged?.();
    const listed = reachable.filter((tool) => names.includes(tool.definition.toolset)).map((tool) => tool.name);
    const text = added.length
      ? `Enabled ${added.join(', ')}: ${listed.length === 1 ? '1 tool is' : `${listed.length} tools are`} now in tools/list (${listed.join(', ')}); the client was told the list changed. call_tool runs them too.`
      : `${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} already enabled.`;
    return result({ enabled: [...toolsets.enabled], tools: listed }, text);
  }

  private notHere(name: string, caller: Reach): string {
    const close = this.reachable(caller)
      .map((tool) => ({ name: tool.name, distance: editDistance(name, tool.name) }))
      .filter((entry) => entry.distance <= Math.max(2, Math.floor(name.length / 4)))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 3)
      .map((entry) => entry.name);
    return `no tool "${name}" here${close.length ? `; did you mean ${close.join(', ')}?` : '; search_tools finds tools by words'}`;
  }
}

function invalid(tool: string, field: string, message: string): GauzyMcpError {
  return new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message }], fields: [field] });
}

function result(structured: Record<string, unknown>, text: string): ToolCallResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** Tools matching more of the words come first; among them, a word in the name weighs most, then title, toolset, description. */
function relevance(tool: RegisteredTool, words: readonly string[]): { matched: number; score: number } {
  const name = tool.name.toLowerCase();
  const title = tool.definition.title.toLowerCase();
  const toolset = tool.definition.toolset.toLowerCase();
  const description = tool.definition.description.toLowerCase();
  let matched = 0;
  let score = 0;
  for (const word of words) {
    // "invoices" finds list_invoices and "invoice"; "logs" finds time_log.
    const stem = word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
    const found = (name.includes(stem) ? 4 : 0) + (title.includes(stem) ? 3 : 0) + (toolset.includes(stem) ? 2 : 0) + (description.includes(stem) ? 1 : 0);
    if (found > 0) matched += 1;
    score += found;
  }
  return { matched, score };
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
