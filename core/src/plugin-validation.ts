import { z } from 'zod';
import { GauzyMcpError } from './errors.js';
import { KERNEL_API_VERSION, type PluginDefinition } from './tool.js';

export const PLUGIN_NAME_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;
export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]{2,63}$/;
export const TOOLSET_NAME_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;
export const MAX_DESCRIPTION_LENGTH = 600;
const ROUTE_PATTERN = /^(GET|POST|PUT|PATCH|DELETE) \/api\/[A-Za-z0-9\-_/:.]*$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * Checks a plugin's metadata before anything of it is served, so a bad plugin stops start-up with a
 * message that names it instead of failing later in front of a user.
 */
export function validatePlugin(plugin: PluginDefinition): void {
  const name = typeof plugin?.name === 'string' ? plugin.name : '(unnamed)';
  const fail = (problem: string): never => {
    throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [name, problem], { plugin: name });
  };
  if (!PLUGIN_NAME_PATTERN.test(name)) fail(`name must match ${PLUGIN_NAME_PATTERN}`);
  if (typeof plugin.version !== 'string' || !SEMVER.test(plugin.version)) fail('version must be semver (x.y.z)');
  if (plugin.kernel !== KERNEL_API_VERSION) fail(`it targets kernel API ${plugin.kernel}, this kernel is ${KERNEL_API_VERSION}`);
  if (!plugin.description) fail('description is required');
  if (!Array.isArray(plugin.toolsets) || plugin.toolsets.length === 0) fail('it declares no toolsets');
  const toolsets = new Set<string>();
  for (const toolset of plugin.toolsets) {
    if (!TOOLSET_NAME_PATTERN.test(toolset.name)) fail(`toolset "${toolset.name}" must match ${TOOLSET_NAME_PATTERN}`);
    if (!toolset.description) fail(`toolset "${toolset.name}" has no description`);
    toolsets.add(toolset.name);
  }
  if (!Array.isArray(plugin.tools) || plugin.tools.length === 0) fail('it declares no tools');
  const names = new Set<string>();
  for (const tool of plugin.tools) {
    const toolName = String(tool?.name);
    const where = `tool "${toolName}"`;
    for (const candidate of [toolName, ...(tool.aliases ?? [])]) {
      if (!TOOL_NAME_PATTERN.test(candidate)) fail(`${where}: name "${candidate}" must match ${TOOL_NAME_PATTERN}`);
      if (names.has(candidate)) fail(`${where}: name "${candidate}" is used twice`);
      names.add(candidate);
    }
    if (!tool.title) fail(`${where} has no title`);
    if (!tool.description || tool.description.length > MAX_DESCRIPTION_LENGTH) fail(`${where}: description must be 1-${MAX_DESCRIPTION_LENGTH} characters`);
    if (!toolsets.has(tool.toolset)) fail(`${where} is in toolset "${tool.toolset}", which the plugin does not declare`);
    if (!['read', 'write', 'delete'].includes(tool.effect)) fail(`${where}: effect must be read, write or delete`);
    if (!(tool.input instanceof z.ZodObject)) fail(`${where}: input must be a z.object(...)`);
    if (tool.output !== undefined && !(tool.output instanceof z.ZodObject)) fail(`${where}: output must be a z.object(...)`);
    if (tool.inputJsonSchema !== undefined && tool.inputJsonSchema?.type !== 'object') fail(`${where}: inputJsonSchema must be a JSON Schema with type "object"`);
    if (typeof tool.handler !== 'function') fail(`${where} has no handler`);
    if (!Array.isArray(tool.routes)) fail(`${where}: routes must be a list (empty for tools that do not call Gauzy)`);
    for (const route of tool.routes) if (!ROUTE_PATTERN.test(route)) fail(`${where}: route "${route}" must look like "GET /api/..."`);
    if (tool.session !== false && tool.routes.length === 0) fail(`${where} needs a Gauzy session but declares no routes`);
  }
}
