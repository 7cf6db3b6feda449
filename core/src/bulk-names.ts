import { z } from 'zod';
import { bulkOutput, MAX_BULK_ITEMS, runBulk } from './crud.js';
import { fieldIssues } from './dispatch.js';
import { GauzyMcpError } from './errors.js';
import type { ToolDefinition } from './tool.js';

/**
 * A name that runs a tool once per item (`bulk_create_daily_plans` runs create_daily_plan for each of `plans`),
 * for reference names of bulk routes Gauzy does not have. Callable, not listed: the one-item tool is in the
 * catalog already, and a listed twin would cost every conversation its schema again.
 */
export interface BulkNameSpec {
  /** The argument holding the items, as the reference tool named it (`plans`, `ids`). */
  field: string;
  /** The items are ids, each run as `{ id }` (a bulk delete). */
  ids?: true;
}

/** The definition a bulk name is served by: the tool's routes, toolset and effect; its items checked one by one. */
export function bulkNameTool(tool: ToolDefinition, name: string, spec: BulkNameSpec): ToolDefinition {
  const itemInput = typeof tool.input.strict === 'function' ? tool.input.strict() : tool.input;
  const accepted = Object.keys(itemInput.shape);
  return {
    name,
    title: `${tool.title} (several)`,
    description: `Runs ${tool.name} once for each of ${spec.field} (up to ${MAX_BULK_ITEMS}), reporting each.`,
    toolset: tool.toolset,
    effect: tool.effect,
    admin: tool.admin,
    session: tool.session,
    routes: tool.routes,
    runsEach: { tool: tool.name, field: spec.field },
    input: z.object({ [spec.field]: z.array(spec.ids ? z.string() : z.unknown()).min(1).max(MAX_BULK_ITEMS) }),
    output: bulkOutput,
    async handler(args, ctx) {
      const items = (args as Record<string, unknown[]>)[spec.field]!;
      // Each item's line is the tool's own first line ("Created daily plan: ..."), which names what it did.
      const lines = new Map<number, string>();
      return runBulk(
        items,
        ctx,
        async (item, index) => {
          // A bad item fails alone, named by its fields; the others still run.
          const parsed = itemInput.safeParse(spec.ids ? { id: item } : item);
          if (!parsed.success) {
            const issues = fieldIssues(parsed.error, accepted);
            throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [`${tool.name} (${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')})`], { issues, fields: issues.map((issue) => issue.field) });
          }
          const answer = await tool.handler(parsed.data, ctx);
          const [first = '', next] = answer.text.split('\n');
          lines.set(index, first.endsWith(':') && next ? `${first} ${next.replace(/^- /, '')}` : first);
          return answer.structured;
        },
        { noun: 'items', verb: `Ran ${tool.name} for`, label: (_result, index) => lines.get(index) },
      );
    },
  };
}

/** Gives tools their bulk names, by tool name: `withBulkNames(crudTools, { create_client: { bulk_create_organization_contacts: { field: 'contacts' } } })`. */
export function withBulkNames(tools: readonly ToolDefinition[], byTool: Readonly<Record<string, Readonly<Record<string, BulkNameSpec>>>>): ToolDefinition[] {
  return tools.map((tool) => (byTool[tool.name] ? { ...tool, bulk: { ...tool.bulk, ...byTool[tool.name] } } : tool));
}
