import type { ReadResourceResult } from '@modelcontextprotocol/server';
import { scopeAllows } from './annotations.js';
import { declaredRoutesOnly, NO_CLIENT_CHANNEL, resolveScope, type Caller } from './dispatch.js';
import { GauzyMcpError } from './errors.js';
import type { PluginExtras } from './extras.js';
import type { Logger } from './log.js';
import type { ResourceDefinition, ResourceReadContext, ResourceTemplateDefinition, ServerFacts, ToolScope } from './tool.js';

export type ResourceContents = ReadResourceResult['contents'];

/** Whether a caller may read a URI: `unknown` names no resource here, `forbidden` needs a scope their token lacks. */
export type ResourceAccess = 'ok' | 'unknown' | 'forbidden';

/** A resource that reads Gauzy needs what a read tool needs. */
const READ_SCOPE = 'mcp.read';

/**
 * Reads the plugins' resources as a given caller: `resources/read` on any transport, and every poll a live
 * subscription makes. A resource that declares Gauzy routes gets the caller's Gauzy client (those routes only)
 * and scope, so one user's read never runs on another's session.
 */
export class ResourceReader {
  private readonly routesOf = new WeakMap<object, { name: string; declaredRoutes: ReadonlySet<string> }>();

  constructor(
    private readonly extras: PluginExtras,
    private readonly facts: ServerFacts,
    private readonly log: Logger,
  ) {}

  access(uri: string, caller: Pick<Caller, 'scopes'>): ResourceAccess {
    const found = this.extras.resolve(uri);
    if (!found) return 'unknown';
    const definition = 'resource' in found ? found.resource : found.template;
    if (readsGauzy(definition) && caller.scopes && !scopeAllows(caller.scopes, READ_SCOPE)) return 'forbidden';
    return 'ok';
  }

  /** The contents at `uri` as `caller` sees them; throws GauzyMcpError when access is not `ok` or Gauzy refuses. */
  async read(uri: string, caller: Caller, signal: AbortSignal): Promise<ResourceContents> {
    const access = this.access(uri, caller);
    if (access === 'unknown') throw new GauzyMcpError('GMCP_ERR_NOT_SUPPORTED', [`Resource not found: ${uri}`]);
    if (access === 'forbidden') throw new GauzyMcpError('GMCP_ERR_INSUFFICIENT_SCOPE', [READ_SCOPE], { requiredScope: READ_SCOPE });
    const found = this.extras.resolve(uri)!;
    if ('resource' in found) return found.resource.read(await this.context(found.resource, uri, caller, signal));
    return found.template.read(uri, found.variables, await this.context(found.template, uri, caller, signal));
  }

  private async context(definition: ResourceDefinition | ResourceTemplateDefinition, uri: string, caller: Caller, signal: AbortSignal): Promise<ResourceReadContext> {
    const routes = this.routes(definition);
    const scope = readsGauzy(definition) ? await resolveScope({ caller, signal }, undefined) : undefined;
    return {
      gauzy: declaredRoutesOnly(routes, caller.gauzy, { signal }),
      get scope(): ToolScope {
        if (!scope) throw new GauzyMcpError('GMCP_ERR_INTERNAL', [`${routes.name} (declares no routes but used scope)`]);
        return scope;
      },
      session: caller.session,
      server: this.facts,
      log: this.log.child({ resource: uri }),
      signal,
      progress: async () => {},
      client: NO_CLIENT_CHANNEL,
    };
  }

  private routes(definition: ResourceDefinition | ResourceTemplateDefinition): { name: string; declaredRoutes: ReadonlySet<string> } {
    let routes = this.routesOf.get(definition);
    if (!routes) {
      routes = { name: 'uri' in definition ? definition.uri : definition.uriTemplate, declaredRoutes: new Set(definition.routes ?? []) };
      this.routesOf.set(definition, routes);
    }
    return routes;
  }
}

function readsGauzy(definition: ResourceDefinition | ResourceTemplateDefinition): boolean {
  return (definition.routes?.length ?? 0) > 0;
}
