import { defineTool, withRefusalHints, type RefusalHint, type ToolDefinition } from '@gauzy-mcp/core';

/** Every deal and pipeline route needs VIEW_SALES_PIPELINES or EDIT_SALES_PIPELINES; Gauzy's EMPLOYEE role has neither. */
const SALES_PERMISSIONS: RefusalHint = {
  code: 'GMCP_ERR_GAUZY_FORBIDDEN',
  match: /Forbidden resource/,
  hint: "Gauzy's sales pipelines and deals need the VIEW_SALES_PIPELINES permission (EDIT_SALES_PIPELINES to change them), which the EMPLOYEE role lacks: ask an admin to grant it to your role or to do this for you.",
};

/** The tool, its Gauzy 403 answered with what to do about it. */
export function withSalesHints(tool: ToolDefinition): ToolDefinition {
  if (tool.retired) return tool;
  return defineTool({ ...tool, handler: (args, ctx) => withRefusalHints(() => tool.handler(args, ctx), [SALES_PERMISSIONS]) });
}
