import type { Transport } from '@modelcontextprotocol/server';
import type { StdioServerHandle } from '@modelcontextprotocol/server/stdio';
import type { Kernel } from '../kernel.js';
import { serveStdioConnection } from '../live/serve-connection.js';
import type { Logger } from '../log.js';
import { DrainingStdioTransport } from './draining-stdio.js';

/**
 * Serves the kernel over stdio (or over any stdio-shaped transport, for tests). The SDK entry picks
 * the protocol era from the client's first message: `initialize` (2025 revisions) or
 * `server/discover` (2026-07-28). stdout carries JSON-RPC only; everything else goes to stderr.
 */
export function serveKernelOverStdio(kernel: Kernel, log: Logger, transport?: Transport): StdioServerHandle & { drained: Promise<void> } {
  // Over the process's own stdio, a client that closes stdin right after its requests still gets every answer.
  const own = transport ?? new DrainingStdioTransport();
  const handle = serveStdioConnection(kernel.serverFactory, {
    transport: own,
    onerror: (error) => log.warn('stdio transport error', { error }),
    live: { live: kernel.live, resources: kernel.resources, caller: () => kernel.caller },
  });
  return { close: () => handle.close(), drained: own instanceof DrainingStdioTransport ? own.drained : new Promise<void>(() => {}) };
}
