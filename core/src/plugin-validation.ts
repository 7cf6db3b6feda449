import { UriTemplate } from '@modelcontextprotocol/server';
import type { z } from 'zod';
import { GauzyMcpError } from './errors.js';
import { CallerValue } from './presets.js';
import { isValidRange, satisfies } from './semver-range.js';
import { KERNEL_API_VERSION, type PluginDefinition, type ToolDefinition } from './tool.js';

export const PLUGIN_NAME_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;
export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]{2,63}$/;
export const TOOLSET_NAME_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;
export const MAX_DESCRIPTION_LENGTH = 600;
/** MCP's name rule (tools, prompts): 1-128 characters of letters, digits, `_`, `.` and `-`. */
export const PROMPT_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
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
  if (typeof plugin.kernel !== 'string' || !isValidRange(plugin.kernel)) fail(`kernel must be a semver range such as '^1.0.0', got ${JSON.stringify(plugin.kernel)}`);
  if (!satisfies(KERNEL_API_VERSION, plugin.kernel)) fail(`it needs kernel API ${plugin.kernel}, this kernel implements ${KERNEL_API_VERSION}`);
  if (!plugin.description) fail('description is required');
  for (const field of ['resources', 'resourceTemplates', 'prompts'] as const) {
    if (plugin[field] !== undefined && !Array.isArray(plugin[field])) fail(`${field} must be a list`);
  }
  if (!Array.isArray(plugin.tools)) fail('tools must be a list (empty for a plugin that brings only resources or prompts)');
  const bringsExtras = (plugin.resources?.length ?? 0) + (plugin.resourceTemplates?.length ?? 0) + (plugin.prompts?.length ?? 0) > 0;
  if (plugin.tools.length === 0 && !bringsExtras) fail('it declares no tools');
  // Toolsets group tools: a plugin that brings only resources or prompts may declare none.
  if (!Array.isArray(plugin.toolsets) || (plugin.toolsets.length === 0 && plugin.tools.length > 0)) fail('it declares no toolsets');
  const toolsets = new Set<string>();
  for (const toolset of plugin.toolsets) {
    if (!TOOLSET_NAME_PATTERN.test(toolset.name)) fail(`toolset "${toolset.name}" must match ${TOOLSET_NAME_PATTERN}`);
    if (!toolset.description) fail(`toolset "${toolset.name}" has no description`);
    // Operators select toolsets by name, and these two names already mean a selection.
    if (toolset.name === 'all' || toolset.name === 'default') fail(`toolset "${toolset.name}" is a reserved name (it selects toolsets)`);
    if (toolset.default !== undefined && typeof toolset.default !== 'boolean') fail(`toolset "${toolset.name}": default must be true or false`);
    toolsets.add(toolset.name);
  }
  const names = new Set<string>();
  for (const tool of plugin.tools) {
    const toolName = String(tool?.name);
    const where = `tool "${toolName}"`;
    for (const candidate of [toolName, ...(tool.aliases ?? []), ...Object.keys(tool.presets ?? {}), ...Object.keys(tool.bulk ?? {})]) {
      if (!TOOL_NAME_PATTERN.test(candidate)) fail(`${where}: name "${candidate}" must match ${TOOL_NAME_PATTERN}`);
      if (names.has(candidate)) fail(`${where}: name "${candidate}" is used twice`);
      names.add(candidate);
    }
    if (!tool.title) fail(`${where} has no title`);
    if (!tool.description || tool.description.length > MAX_DESCRIPTION_LENGTH) fail(`${where}: description must be 1-${MAX_DESCRIPTION_LENGTH} characters`);
    if (!toolsets.has(tool.toolset)) fail(`${where} is in toolset "${tool.toolset}", which the plugin does not declare`);
    if (!['read', 'write', 'delete'].includes(tool.effect)) fail(`${where}: effect must be read, write or delete`);
    if (!isZodObject(tool.input)) fail(`${where}: input must be a z.object(...) (zod 4)`);
    // Session tools get `organizationId` added to their input (Inventory), through zod 4.1's safeExtend.
    if (tool.session !== false && typeof (tool.input as { safeExtend?: unknown }).safeExtend !== 'function') {
      fail(`${where}: input must be a z.object(...) of zod 4.1 or later (not zod/mini) for a tool with a session`);
    }
    if (tool.output !== undefined && !isZodObject(tool.output)) fail(`${where}: output must be a z.object(...) (zod 4)`);
    if (tool.inputJsonSchema !== undefined && tool.inputJsonSchema?.type !== 'object') fail(`${where}: inputJsonSchema must be a JSON Schema with type "object"`);
    if (typeof tool.handler !== 'function') fail(`${where} has no handler`);
    if (tool.logs !== undefined && typeof tool.logs !== 'boolean') fail(`${where}: logs must be true or false`);
    if (tool.retired !== undefined && (typeof tool.retired?.reason !== 'string' || tool.retired.reason.length === 0)) fail(`${where}: a retired tool must say why (retired.reason)`);
    validatePresets(tool, where, fail);
    for (const [name, spec] of Object.entries(tool.bulk ?? {})) {
      if (!/^[a-z][A-Za-z0-9]{0,40}$/.test(String(spec?.field))) fail(`${where}: bulk name "${name}" needs the field its items come in (a word like "plans")`);
      if (spec.ids && !((tool.input as z.ZodObject).shape as Record<string, unknown>).id) fail(`${where}: bulk name "${name}" runs ids, but the tool takes no id`);
    }
    if (!Array.isArray(tool.routes)) fail(`${where}: routes must be a list (empty for tools that do not call Gauzy)`);
    for (const route of tool.routes) if (!ROUTE_PATTERN.test(route)) fail(`${where}: route "${route}" must look like "GET /api/..."`);
    if (tool.session !== false && tool.routes.length === 0) fail(`${where} needs a Gauzy session but declares no routes`);
  }
  validateExtras(plugin, fail);
}

/** Each preset fixes arguments the tool takes, to values its schema accepts; the caller's ids need a session. */
function validatePresets(tool: ToolDefinition, where: string, fail: (message: string) => never): void {
  if (tool.presets === undefined) return;
  if (typeof tool.presets !== 'object' || tool.presets === null) fail(`${where}: presets must map names to the arguments they fix`);
  const shape = (tool.input as z.ZodObject).shape as Record<string, z.ZodType>;
  for (const [name, preset] of Object.entries(tool.presets)) {
    const entries = Object.entries(preset ?? {});
    if (entries.length === 0) fail(`${where}: preset "${name}" fixes no argument (make it an alias)`);
    for (const [key, value] of entries) {
      if (!shape[key]) fail(`${where}: preset "${name}" fixes "${key}", which the tool does not take`);
      if (value instanceof CallerValue) {
        if (tool.session === false) fail(`${where}: preset "${name}" takes ${value.label}, which needs a session`);
      } else if (!shape[key].safeParse(value).success) fail(`${where}: preset "${name}" fixes "${key}" to ${JSON.stringify(value)}, which the tool's schema refuses`);
    }
  }
}

/**
 * A zod 4 object schema, recognised by its shape rather than `instanceof`: a plugin installed with its own
 * copy of zod builds schemas whose classes are not this copy's, and zod 4 schemas of any copy interoperate.
 */
export function isZodObject(value: unknown): boolean {
  const internals = (value as { _zod?: { def?: { type?: unknown } } } | null | undefined)?._zod;
  return (
    typeof internals?.def === 'object' &&
    internals.def.type === 'object' &&
    typeof (value as { safeParse?: unknown }).safeParse === 'function' &&
    typeof (value as { '~standard'?: { validate?: unknown } })['~standard']?.validate === 'function'
  );
}

/** Resources, resource templates and prompts: shapes and names within the plugin (across plugins: see PluginExtras). */
function validateExtras(plugin: PluginDefinition, fail: (problem: string) => never): void {
  const optionalFunction = (value: unknown) => value === undefined || typeof value === 'function';
  const describedWell = (description: unknown, required: boolean) =>
    description === undefined ? !required : typeof description === 'string' && description.length > 0 && description.length <= MAX_DESCRIPTION_LENGTH;
  const uris = new Set<string>();
  for (const resource of plugin.resources ?? []) {
    const where = `resource "${String(resource?.uri)}"`;
    if (typeof resource?.uri !== 'string' || !URL.canParse(resource.uri)) fail(`${where}: uri must be an absolute URI`);
    if (uris.has(resource.uri)) fail(`${where} is declared twice`);
    uris.add(resource.uri);
    if (typeof resource.name !== 'string' || resource.name.length === 0) fail(`${where} has no name`);
    if (!describedWell(resource.description, false)) fail(`${where}: description must be 1-${MAX_DESCRIPTION_LENGTH} characters`);
    if (typeof resource.read !== 'function') fail(`${where} has no read()`);
    checkResourceRoutes(resource.routes, where, fail);
  }
  for (const definition of plugin.resourceTemplates ?? []) {
    const where = `resource template "${String(definition?.uriTemplate)}"`;
    if (typeof definition?.uriTemplate !== 'string') fail(`${where}: uriTemplate must be an RFC 6570 template`);
    let variables: string[];
    try {
      variables = new UriTemplate(definition.uriTemplate).variableNames;
    } catch (error) {
      return fail(`${where}: ${(error as Error).message}`);
    }
    if (variables.length === 0) fail(`${where} has no {variable}; a fixed URI is a resource`);
    if (uris.has(definition.uriTemplate)) fail(`${where} is declared twice`);
    uris.add(definition.uriTemplate);
    if (typeof definition.name !== 'string' || definition.name.length === 0) fail(`${where} has no name`);
    if (!describedWell(definition.description, false)) fail(`${where}: description must be 1-${MAX_DESCRIPTION_LENGTH} characters`);
    if (typeof definition.read !== 'function') fail(`${where} has no read()`);
    if (!optionalFunction(definition.complete)) fail(`${where}: complete must be a function`);
    checkResourceRoutes(definition.routes, where, fail);
  }
  const prompts = new Set<string>();
  for (const prompt of plugin.prompts ?? []) {
    const where = `prompt "${String(prompt?.name)}"`;
    if (typeof prompt?.name !== 'string' || !PROMPT_NAME_PATTERN.test(prompt.name)) fail(`${where}: name must match ${PROMPT_NAME_PATTERN}`);
    if (prompts.has(prompt.name)) fail(`${where} is declared twice`);
    prompts.add(prompt.name);
    if (!describedWell(prompt.description, true)) fail(`${where}: description must be 1-${MAX_DESCRIPTION_LENGTH} characters`);
    if (typeof prompt.get !== 'function') fail(`${where} has no get()`);
    if (!optionalFunction(prompt.complete)) fail(`${where}: complete must be a function`);
    if (prompt.arguments !== undefined && !Array.isArray(prompt.arguments)) fail(`${where}: arguments must be a list`);
    const argumentNames = new Set<string>();
    for (const argument of prompt.arguments ?? []) {
      if (typeof argument?.name !== 'string' || argument.name.length === 0) fail(`${where}: every argument needs a name`);
      if (argumentNames.has(argument.name)) fail(`${where}: argument "${argument.name}" is declared twice`);
      argumentNames.add(argument.name);
    }
  }
}

/** A resource that reads Gauzy declares its routes as a tool does (it is then read as the caller). */
function checkResourceRoutes(routes: unknown, where: string, fail: (problem: string) => never): void {
  if (routes === undefined) return;
  if (!Array.isArray(routes)) fail(`${where}: routes must be a list`);
  for (const route of routes as unknown[]) if (typeof route !== 'string' || !ROUTE_PATTERN.test(route)) fail(`${where}: route "${String(route)}" must look like "GET /api/..."`);
}
