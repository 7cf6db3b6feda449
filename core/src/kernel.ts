import { createToolsetSwitch } from './catalog-mode.js';
import { credentialSessionControl } from './credential-session.js';
import { ToolDispatcher, type Caller, type ToolDispatcherOptions } from './dispatch.js';
import { GauzyClient } from './gauzy/client.js';
import { GauzyHttp } from './gauzy/http.js';
import type { RetryPolicy } from './gauzy/retry.js';
import { GauzySession, type GauzyCredentials } from './gauzy/session.js';
import { Inventory, type InventoryOptions } from './inventory.js';
import { LiveViews, type LiveViewsOptions } from './live/live-views.js';
import type { Logger } from './log.js';
import { createServerFactory, SERVER_NAME, PROTOCOL_VERSIONS, type ProtocolServerOptions } from './protocol/server.js';
import { createDirectResponder } from './protocol/direct-answers.js';
import { ResourceReader } from './resource-reader.js';
import type { PluginDefinition, ServerFacts } from './tool.js';
import { KERNEL_VERSION } from './version.js';

export interface CatalogOptions {
  plugins: readonly PluginDefinition[];
  inventory?: InventoryOptions;
  gauzyBaseUrl: string;
  sandbox?: boolean;
  transport: string;
  log: Logger;
  onCallFinished?: ToolDispatcherOptions['onCallFinished'];
  /**
   * Connections may be in catalog mode (meta-tools listed instead of every tool, see CatalogMode). The single-user
   * kernel (stdio) then serves its one connection that way; the host lets each connection choose.
   */
  catalogMode?: boolean;
  /** Live views (resource subscriptions): the poll interval, and for the host how instances share the work. */
  live?: Omit<LiveViewsOptions, 'read' | 'log'>;
}

/**
 * Everything that is the same for every caller: the validated catalog, the facts the server states
 * about itself, and the dispatcher. Built once per process; the host serves all its users from one.
 */
export function createCatalog(options: CatalogOptions) {
  const inventory = new Inventory(options.plugins, { ...options.inventory, remoteSignIn: options.transport === 'http' });
  const facts: ServerFacts = {
    name: SERVER_NAME,
    version: KERNEL_VERSION,
    protocolVersions: PROTOCOL_VERSIONS,
    transport: options.transport,
    gauzyBaseUrl: options.gauzyBaseUrl.replace(/\/+$/, ''),
    sandbox: options.sandbox ?? false,
    readOnly: options.inventory?.readOnly ?? false,
    toolCount: inventory.tools.length,
    toolsets: inventory.toolsets.map(({ name, description, plugin, tools }) => ({ name, description, plugin, tools })),
    plugins: inventory.plugins,
  };
  const dispatcher = new ToolDispatcher(inventory, facts, options.log, { onCallFinished: options.onCallFinished });
  const resources = new ResourceReader(inventory.extras, facts, options.log);
  const live = new LiveViews({ ...options.live, read: (uri, caller, signal) => resources.read(uri, caller, signal), log: options.log.child({ component: 'live' }) });
  const serverFactoryFor = (resolveCaller: ProtocolServerOptions['resolveCaller'], listPageSize?: number) =>
    createServerFactory({ inventory, dispatcher, facts, resolveCaller, listPageSize, catalogMode: options.catalogMode, resources, live });
  const directResponder = (listPageSize?: number) => createDirectResponder({ inventory, dispatcher, facts, listPageSize });
  return { inventory, facts, dispatcher, resources, live, serverFactoryFor, directResponder };
}

export type Catalog = ReturnType<typeof createCatalog>;

export interface GauzyConnectionOptions {
  gauzyBaseUrl: string;
  log: Logger;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

/** One HTTP connection setup to a Gauzy; cheap, and shareable by every user's session. */
export function createGauzyHttp(options: GauzyConnectionOptions): GauzyHttp {
  return new GauzyHttp({ baseUrl: options.gauzyBaseUrl, timeoutMs: options.timeoutMs, retry: options.retry, log: options.log.child({ component: 'gauzy' }) });
}

export interface CredentialCallerOptions {
  credentials?: GauzyCredentials;
  organizationId?: string;
  /** Told to the user when there are no credentials to sign in with (see `GauzySessionOptions.signInHint`). */
  signInHint?: string;
  log: Logger;
  scopes?: readonly string[];
  subject?: string;
}

/** A caller that signs in to Gauzy with an account's own email and password (stdio, or the host's development accounts). */
export function createCredentialCaller(http: GauzyHttp, options: CredentialCallerOptions): Caller & { client: GauzyClient } {
  const session = new GauzySession(http, {
    credentials: options.credentials,
    organizationId: options.organizationId,
    signInHint: options.signInHint,
    log: options.log.child({ component: 'session' }),
  });
  const client = new GauzyClient(http, session);
  return { client, gauzy: client, session: credentialSessionControl(client), scopes: options.scopes, subject: options.subject };
}

export interface KernelOptions extends CatalogOptions {
  credentials?: GauzyCredentials;
  organizationId?: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  listPageSize?: number;
}

/**
 * A single-user kernel: the catalog, one Gauzy session, and the server factory that serves it.
 * stdio uses it as is; tests use it over an in-memory transport.
 */
export function createKernel(options: KernelOptions) {
  const catalog = createCatalog(options);
  const http = createGauzyHttp(options);
  const { client, ...caller } = createCredentialCaller(http, {
    credentials: options.credentials,
    organizationId: options.organizationId,
    signInHint: signInHintFor(catalog.inventory),
    log: options.log,
  });
  // One process, one connection: the toolsets it enables live as long as the process.
  const connectionCaller: Caller = options.catalogMode ? { ...caller, view: { catalog: true }, toolsets: createToolsetSwitch() } : caller;
  const serverFactory = catalog.serverFactoryFor(() => connectionCaller, options.listPageSize);
  return { ...catalog, client, session: client.session, caller: connectionCaller, serverFactory };
}

export type Kernel = ReturnType<typeof createKernel>;

/** How a user without configured credentials signs in here: only true if this server serves a `login` tool. */
function signInHintFor(inventory: Inventory): string {
  return inventory.get('login') ? 'call the `login` tool with an email and password' : 'this server serves no `login` tool, so it needs credentials in its configuration';
}
