import { z } from 'zod';
import { annotationsFor, listedAnnotations, requiredScope, scopeAllows, type ListedAnnotations, type ToolAnnotations } from './annotations.js';
import { PluginExtras } from './extras.js';
import { GauzyMcpError } from './errors.js';
import { toJsonSchema, type ObjectJsonSchema } from './json-schema.js';
import { validatePlugin } from './plugin-validation.js';
import { prebuiltSchemasFor, type PrebuiltSchemas, type usePrebuiltSchemas } from './prebuilt-schemas.js';
import { bulkNameTool } from './bulk-names.js';
import { compilePreset, type CompiledPreset } from './presets.js';
import { organizationIdParam } from './schema.js';
import type { OAuthScope, PluginDefinition, ToolDefinition } from './tool.js';

/** Which tools to serve. Applied in this order: toolsets, then `include` adds, then read-only, then `exclude` (exclusion always wins). */
export interface InventoryOptions {
  /**
   * Toolset names to serve; `"all"` serves every toolset, `"default"` the toolsets their plugins mark
   * `default: true` (inside a list it adds them). Unset or empty: the default toolsets, so a client is
   * not handed hundreds of tools it never asked for.
   */
  toolsets?: readonly string[];
  readOnly?: boolean;
  /** The remote host: users sign in at the authorization server, so `localSignIn` tools are withdrawn. */
  remoteSignIn?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
}

export interface RegisteredTool {
  name: string;
  plugin: string;
  definition: ToolDefinition<z.ZodObject>;
  /** The schema arguments are parsed with: the tool's input, plus `organizationId` for session tools. */
  input: z.ZodObject;
  annotations: ToolAnnotations;
  scope: OAuthScope;
  /** The `tools/list` entry, built once, when first read. */
  listing: ListedTool;
  /** `"METHOD /route"` strings the handler may call, for the per-call check. */
  declaredRoutes: ReadonlySet<string>;
  /** The tool's preset names, compiled once. */
  presets: ReadonlyMap<string, CompiledPreset>;
}

export interface ListedTool {
  name: string;
  title: string;
  description: string;
  inputSchema: ObjectJsonSchema;
  outputSchema?: ObjectJsonSchema;
  /** The hints that differ from MCP's defaults ({@link RegisteredTool.annotations} has them all). */
  annotations: ListedAnnotations;
  /** Not set: toolset, scope and plugin were sent here once, read by no client and paid for in every tools/list (docs/TOOLS.md lists them). */
  _meta?: Record<string, unknown>;
}

export interface ToolsetInfo {
  name: string;
  description: string;
  plugin: string;
  default: boolean;
  tools: number;
}

/**
 * The loaded catalog: validated plugins, the tools selected by the options, their JSON Schemas and
 * `tools/list` entries, all computed once at start-up. Requests only look things up.
 */
export class Inventory {
  /** The tools served and listed. */
  readonly tools: readonly RegisteredTool[];
  /** Retired tools of the selected toolsets: callable by name (they answer GMCP_ERR_TOOL_RETIRED), never listed or counted. */
  readonly retired: readonly RegisteredTool[];
  readonly toolsets: readonly ToolsetInfo[];
  readonly plugins: ReadonlyArray<{ name: string; version: string; tools: number }>;
  readonly options: InventoryOptions;
  /** Resources, resource templates and prompts (no toolset filtering: they change nothing). */
  readonly extras: PluginExtras;
  private readonly byName = new Map<string, RegisteredTool>();
  private readonly scopedViews = new Map<string, readonly RegisteredTool[]>();

  constructor(plugins: readonly PluginDefinition[], options: InventoryOptions = {}) {
    this.options = options;
    const all = registerAll(plugins);
    const toolsetInfo = plugins.flatMap((plugin) =>
      plugin.toolsets.map((toolset) => ({
        name: toolset.name,
        description: toolset.description,
        plugin: plugin.name,
        // Opt-in: a toolset is served without being named only when its plugin says so.
        default: toolset.default === true,
        tools: 0,
      })),
    );
    checkOptions(options, all, toolsetInfo);
    const chosen = select(all, toolsetInfo, options).map((tool) => (options.remoteSignIn && tool.definition.localSignIn ? withdrawnForRemoteSignIn(tool) : tool));
    // Bulk names are callable like aliases, not listed: their one-item tool is.
    const selected = chosen.filter((tool) => !tool.definition.retired && !tool.definition.runsEach);
    this.tools = selected;
    // What is served is converted now, so a schema that cannot be published fails the start, not a tools/list.
    for (const tool of selected) void tool.listing;
    this.retired = chosen.filter((tool) => tool.definition.retired);
    for (const info of toolsetInfo) info.tools = selected.filter((tool) => tool.definition.toolset === info.name).length;
    this.toolsets = toolsetInfo;
    this.plugins = plugins.map((plugin) => ({ name: plugin.name, version: plugin.version, tools: selected.filter((tool) => tool.plugin === plugin.name).length }));
    for (const tool of chosen) {
      this.byName.set(tool.name, tool);
      for (const alias of otherNames(tool)) this.byName.set(alias, tool);
    }
    // Prompts that name tools are served only with them (a prompt's tools may sit in toolsets not turned on).
    this.extras = new PluginExtras(plugins, (name) => {
      const tool = this.byName.get(name);
      return tool !== undefined && !tool.definition.retired;
    });
  }

  /** Finds a tool by its name, an alias or a preset name (retired tools included: they answer with their reason). */
  get(name: string): RegisteredTool | undefined {
    return this.byName.get(name);
  }

  /** The preset `name` calls, when it is one (see {@link ToolDefinition.presets}). */
  presetOf(name: string): CompiledPreset | undefined {
    return this.byName.get(name)?.presets.get(name);
  }

  /** Tools a caller holding `scopes` may call (all of them when `scopes` is undefined), cached per scope set. */
  visibleTo(scopes?: readonly string[]): readonly RegisteredTool[] {
    if (!scopes) return this.tools;
    const key = [...scopes].sort().join(' ');
    let view = this.scopedViews.get(key);
    if (!view) {
      view = this.tools.filter((tool) => scopeAllows(scopes, tool.scope));
      this.scopedViews.set(key, view);
    }
    return view;
  }
}

function registerAll(plugins: readonly PluginDefinition[]): RegisteredTool[] {
  const owners = new Map<string, string>();
  const tools: RegisteredTool[] = [];
  for (const plugin of plugins) {
    validatePlugin(plugin);
    for (const definition of plugin.tools) {
      for (const name of [definition.name, ...(definition.aliases ?? []), ...Object.keys(definition.presets ?? {}), ...Object.keys(definition.bulk ?? {})]) {
        const owner = owners.get(name);
        if (owner) throw new GauzyMcpError('GMCP_ERR_DUPLICATE_TOOL', [name, owner, plugin.name], { tool: name });
        owners.set(name, plugin.name);
      }
      tools.push(register(plugin, definition));
      for (const [name, spec] of Object.entries(definition.bulk ?? {})) tools.push(register(plugin, bulkNameTool(definition, name, spec)));
    }
  }
  // Deterministic order for tools/list and cursors: by name, whatever order plugins load in.
  return tools.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function register(plugin: PluginDefinition, definition: ToolDefinition<z.ZodObject>): RegisteredTool {
  const input = strict(definition.session === false ? definition.input : definition.input.safeExtend({ organizationId: organizationIdParam }));
  const annotations = annotationsFor(definition);
  const scope = requiredScope(definition);
  const presets = new Map(Object.entries(definition.presets ?? {}).map(([name, preset]) => [name, compilePreset(name, preset, input)]));
  // Built when first read (the Inventory reads the served ones at once): zod's JSON Schema conversion is most of
  // what registering a tool costs, and a start serves a few toolsets of the many registered (41 of 200 tools by
  // default).
  let listing: ListedTool | undefined;
  const prebuilt = prebuiltSchemasFor(plugin, definition.name);
  return {
    name: definition.name,
    plugin: plugin.name,
    definition,
    input,
    annotations,
    scope,
    get listing() {
      return (listing ??= toolListing(definition, input, annotations, prebuilt));
    },
    declaredRoutes: new Set(definition.routes),
    presets,
  };
}

/**
 * The schemas of every tool `plugin` registers, converted now (never the ones handed over): what a pack's build
 * keeps beside its files, for {@link usePrebuiltSchemas} at the next start.
 */
export function convertSchemas(plugin: PluginDefinition): PrebuiltSchemas {
  return Object.fromEntries(
    registerAll([plugin]).map((tool) => {
      const { inputSchema, outputSchema } = toolListing(tool.definition, tool.input, tool.annotations);
      return [tool.name, outputSchema ? { input: inputSchema, output: outputSchema } : { input: inputSchema }];
    }),
  );
}

/** What a `tools/list` entry is built from: a pack's tool definition, or one of the kernel's catalog-mode tools. */
export type ListableTool = Pick<ToolDefinition, 'name' | 'title' | 'description' | 'effect' | 'idempotent' | 'openWorld' | 'inputJsonSchema' | 'output'>;

/** A tool's `tools/list` entry, built once: its JSON Schemas from the zod ones the arguments are parsed with, and its hints. */
export function toolListing(definition: ListableTool, input: z.ZodObject, annotations: ToolAnnotations = annotationsFor(definition), prebuilt?: PrebuiltSchemas[string]): ListedTool {
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    inputSchema: definition.inputJsonSchema ? (definition.inputJsonSchema as ObjectJsonSchema) : (prebuilt?.input ?? toJsonSchema(input, 'input')),
    ...(definition.output ? { outputSchema: prebuilt?.output ?? toJsonSchema(definition.output, 'output') } : {}),
    annotations: listedAnnotations(annotations),
  };
}

/** The names besides its own a tool answers to: aliases and preset names. */
export function otherNames(tool: RegisteredTool): string[] {
  return [...(tool.definition.aliases ?? []), ...tool.presets.keys()];
}

const REMOTE_SIGN_IN_REASON =
  'on this server you sign in to Gauzy at its authorization server when your MCP client connects (OAuth), not with a tool. To act as another user, reconnect and sign in as them; get_session_info says who you are';

/** A tool that cannot work where sign-in happens at the authorization server: kept callable, answering why. */
function withdrawnForRemoteSignIn(tool: RegisteredTool): RegisteredTool {
  return { ...tool, definition: { ...tool.definition, retired: { reason: REMOTE_SIGN_IN_REASON } } };
}

/**
 * Unknown arguments are refused, not ignored: a model that passes `search` to a tool without one must learn
 * that it did not filter. Strict at the top level, where a misspelt or invented argument lands; the
 * published schema says `additionalProperties: false`.
 */
function strict(input: z.ZodObject): z.ZodObject {
  return typeof input.strict === 'function' ? input.strict() : input;
}

export { toJsonSchema, type ObjectJsonSchema };

/** Selects every toolset. */
export const ALL_TOOLSETS = 'all';
/** Selects the toolsets their plugins mark `default: true`; what is served when no toolset is named. */
export const DEFAULT_TOOLSETS = 'default';

/** The toolset names a `toolsets` option selects (see {@link InventoryOptions.toolsets}). */
function enabledToolsets(toolsets: ReadonlyArray<{ name: string; default: boolean }>, requested: readonly string[] | undefined): Set<string> {
  const enabled = new Set<string>();
  for (const name of requested && requested.length > 0 ? requested : [DEFAULT_TOOLSETS]) {
    if (name === ALL_TOOLSETS) toolsets.forEach((toolset) => enabled.add(toolset.name));
    else if (name === DEFAULT_TOOLSETS) toolsets.filter((toolset) => toolset.default).forEach((toolset) => enabled.add(toolset.name));
    else enabled.add(name);
  }
  return enabled;
}

function checkOptions(options: InventoryOptions, tools: readonly RegisteredTool[], toolsets: readonly ToolsetInfo[]): void {
  const toolsetNames = new Set(toolsets.map((toolset) => toolset.name));
  const unknown = (options.toolsets ?? []).filter((name) => name !== ALL_TOOLSETS && name !== DEFAULT_TOOLSETS && !toolsetNames.has(name));
  if (unknown.length > 0) {
    const defaults = toolsets.filter((toolset) => toolset.default).map((toolset) => toolset.name).sort();
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [
      `unknown toolset${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}; known: ${[...toolsetNames].sort().join(', ')} (default: ${defaults.join(', ') || 'none'}), or "${ALL_TOOLSETS}" or "${DEFAULT_TOOLSETS}"`,
    ]);
  }
  const toolNames = new Set(tools.flatMap((tool) => [tool.name, ...otherNames(tool)]));
  for (const name of [...(options.include ?? []), ...(options.exclude ?? [])]) {
    if (!toolNames.has(name)) throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`unknown tool "${name}" in the include/exclude lists`]);
  }
}

function select(tools: readonly RegisteredTool[], toolsets: readonly ToolsetInfo[], options: InventoryOptions): RegisteredTool[] {
  const enabled = enabledToolsets(toolsets, options.toolsets);
  const matches = (tool: RegisteredTool, names: readonly string[] | undefined) =>
    (names ?? []).some((name) => name === tool.name || otherNames(tool).includes(name));
  return tools.filter(
    (tool) =>
      (enabled.has(tool.definition.toolset) || matches(tool, options.include)) &&
      !(options.readOnly && tool.definition.effect !== 'read') &&
      !matches(tool, options.exclude),
  );
}

/** Reads the inventory options from the environment (`GAUZY_MCP_TOOLSETS`, `GAUZY_MCP_READ_ONLY`, `GAUZY_MCP_TOOLS`, `GAUZY_MCP_EXCLUDE_TOOLS`). */
export function inventoryOptionsFromEnv(env: NodeJS.ProcessEnv): InventoryOptions {
  const list = (value: string | undefined) => value?.split(/[\s,]+/).filter(Boolean);
  return {
    toolsets: list(env.GAUZY_MCP_TOOLSETS),
    readOnly: parseBoolean(env.GAUZY_MCP_READ_ONLY, 'GAUZY_MCP_READ_ONLY'),
    include: list(env.GAUZY_MCP_TOOLS),
    exclude: list(env.GAUZY_MCP_EXCLUDE_TOOLS),
  };
}

export function parseBoolean(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${name} must be true or false, not "${value}"`]);
}
