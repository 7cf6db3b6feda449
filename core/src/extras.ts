import { UriTemplate } from '@modelcontextprotocol/server';
import { GauzyMcpError } from './errors.js';
import { PROMPT_NAME_PATTERN } from './plugin-validation.js';
import type { PluginDefinition, PromptDefinition, ResourceDefinition, ResourceTemplateDefinition } from './tool.js';

/**
 * The resources, resource templates and prompts plugins bring, checked once at start (unique URIs and
 * names across plugins; each plugin's own shapes are checked by validatePlugin) with their listings
 * built once, like the tool catalog.
 */
export class PluginExtras {
  readonly resources = new Map<string, ResourceDefinition>();
  readonly templates: Array<{ definition: ResourceTemplateDefinition; template: UriTemplate }> = [];
  readonly prompts = new Map<string, PromptDefinition>();
  readonly resourceListing: Array<Record<string, unknown>>;
  readonly templateListing: Array<Record<string, unknown>>;
  readonly promptListing: Array<Record<string, unknown>>;

  /** `served` says whether a tool name is callable here; a prompt whose `uses` are not all served is left out. */
  constructor(plugins: readonly PluginDefinition[], served: (tool: string) => boolean = () => true) {
    const owners = new Map<string, string>();
    const claim = (key: string, plugin: string) => {
      const owner = owners.get(key);
      if (owner) throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [plugin, `${key} is already served by ${owner}`]);
      owners.set(key, plugin);
    };
    for (const plugin of plugins) {
      for (const resource of plugin.resources ?? []) {
        if (!resource.uri || !resource.name || typeof resource.read !== 'function') throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [plugin.name, 'a resource needs uri, name and read()']);
        claim(`resource ${resource.uri}`, plugin.name);
        this.resources.set(resource.uri, resource);
      }
      for (const definition of plugin.resourceTemplates ?? []) {
        if (!definition.uriTemplate || !definition.name || typeof definition.read !== 'function') throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [plugin.name, 'a resource template needs uriTemplate, name and read()']);
        claim(`resource template ${definition.uriTemplate}`, plugin.name);
        this.templates.push({ definition, template: new UriTemplate(definition.uriTemplate) });
      }
      for (const prompt of plugin.prompts ?? []) {
        if (!PROMPT_NAME_PATTERN.test(prompt.name) || !prompt.description || typeof prompt.get !== 'function') {
          throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', [plugin.name, `prompt "${prompt.name}" needs a name of [A-Za-z0-9_.-], a description and get()`]);
        }
        claim(`prompt ${prompt.name}`, plugin.name);
        if ((prompt.uses ?? []).every(served)) this.prompts.set(prompt.name, prompt);
      }
    }
    this.resourceListing = [...this.resources.values()].map(({ uri, name, title, description, mimeType }) => defined({ uri, name, title, description, mimeType }));
    this.templateListing = this.templates.map(({ definition: { uriTemplate, name, title, description, mimeType } }) => defined({ uriTemplate, name, title, description, mimeType }));
    this.promptListing = [...this.prompts.values()].map(({ name, title, description, arguments: args }) => defined({ name, title, description, arguments: args?.map((arg) => defined({ ...arg })) }));
  }

  get hasResources(): boolean {
    return this.resources.size > 0 || this.templates.length > 0;
  }

  get hasPrompts(): boolean {
    return this.prompts.size > 0;
  }

  /** The fixed resource at `uri`, else the first template that matches it. */
  resolve(uri: string): { resource: ResourceDefinition } | { template: ResourceTemplateDefinition; variables: Record<string, string> } | undefined {
    const resource = this.resources.get(uri);
    if (resource) return { resource };
    for (const { definition, template } of this.templates) {
      const match = template.match(uri);
      if (match) return { template: definition, variables: Object.fromEntries(Object.entries(match).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)])) };
    }
    return undefined;
  }
}

function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
