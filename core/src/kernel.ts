import { credentialSessionControl } from './credential-session.js';
import { ToolDispatcher, type Caller } from './dispatch.js';
import { GauzyClient } from './gauzy/client.js';
import { GauzyHttp } from './gauzy/http.js';
import type { RetryPolicy } from './gauzy/retry.js';
import { GauzySession, type GauzyCredentials } from './gauzy/session.js';
import { Inventory, type InventoryOptions } from './inventory.js';
import type { Logger } from './log.js';
import { createServerFactory, SERVER_NAME, PROTOCOL_VERSIONS } from './protocol/server.js';
import type { PluginDefinition, ServerFacts } from './tool.js';
import { KERNEL_VERSION } from './version.js';

export interface KernelOptions {
  plugins: readonly PluginDefinition[];
  inventory?: InventoryOptions;
  gauzyBaseUrl: string;
  credentials?: GauzyCredentials;
  organizationId?: string;
  sandbox?: boolean;
  transport: string;
  log: Logger;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  listPageSize?: number;
}

/**
 * A single-user kernel: the catalog, one Gauzy session, and the server factory that serves it.
 * stdio uses it as is; tests use it over an in-memory transport.
 */
export function createKernel(options: KernelOptions) {
  const inventory = new Inventory(options.plugins, options.inventory);
  const http = new GauzyHttp({ baseUrl: options.gauzyBaseUrl, timeoutMs: options.timeoutMs, retry: options.retry, log: options.log.child({ component: 'gauzy' }) });
  const session = new GauzySession(http, { credentials: options.credentials, organizationId: options.organizationId, log: options.log.child({ component: 'session' }) });
  const client = new GauzyClient(http, session);
  const facts: ServerFacts = {
    name: SERVER_NAME,
    version: KERNEL_VERSION,
    protocolVersions: PROTOCOL_VERSIONS,
    transport: options.transport,
    gauzyBaseUrl: http.baseUrl,
    sandbox: options.sandbox ?? false,
    readOnly: options.inventory?.readOnly ?? false,
    toolCount: inventory.tools.length,
    toolsets: inventory.toolsets.map(({ name, description, plugin, tools }) => ({ name, description, plugin, tools })),
    plugins: inventory.plugins,
  };
  const dispatcher = new ToolDispatcher(inventory, facts, options.log);
  const caller: Caller = { gauzy: client, session: credentialSessionControl(client) };
  const serverFactory = createServerFactory({ inventory, dispatcher, facts, resolveCaller: () => caller, listPageSize: options.listPageSize });
  return { inventory, client, session, caller, dispatcher, facts, serverFactory };
}

export type Kernel = ReturnType<typeof createKernel>;
