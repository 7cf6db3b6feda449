import { z } from 'zod';
import { GauzyMcpError } from './errors.js';
import { defineTool, type ToolDefinition } from './tool.js';

export interface RetiredToolSpec {
  name: string;
  title: string;
  toolset: string;
  /** Why the tool is not offered and what to do instead; shown to the model and the user. */
  reason: string;
  aliases?: readonly string[];
}

/**
 * A tool name that stays callable after the tool is withdrawn, so prompts and configs that name it get a
 * clear answer instead of "unknown tool". The inventory keeps it out of tools/list and the counts; it calls
 * no Gauzy route and needs no session. It follows its toolset like any tool, and as a read it also stays in
 * read-only servers (it changes nothing).
 */
export function retiredTool(spec: RetiredToolSpec): ToolDefinition {
  return defineTool({
    name: spec.name,
    title: spec.title,
    description: `Not offered: ${spec.reason}`.slice(0, 600),
    toolset: spec.toolset,
    effect: 'read',
    session: false,
    aliases: spec.aliases,
    retired: { reason: spec.reason },
    // Whatever the caller passes, the answer is the same.
    input: z.object({}),
    routes: [],
    // The dispatcher answers retired tools before any handler runs; this says the same to a direct caller.
    async handler() {
      throw new GauzyMcpError('GMCP_ERR_TOOL_RETIRED', [spec.name, spec.reason]);
    },
  });
}
