import { definePlugin, defineTool, GauzyMcpError, isGauzyMcpError, ok } from '@gauzy-mcp/core';
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };

const toolset = 'diagnostics';

const checkOutput = z.object({ name: z.string(), ok: z.boolean(), ms: z.number(), detail: z.string() });

export const testApiConnection = defineTool({
  name: 'test_api_connection',
  title: 'Test the Gauzy connection',
  description: 'Check that Gauzy answers and that the session is accepted, with the time each check took. Use when tools fail unexpectedly.',
  toolset,
  effect: 'read',
  session: false,
  input: z.object({}),
  output: z.object({ ok: z.boolean(), gauzyBaseUrl: z.string(), checks: z.array(checkOutput) }),
  routes: ['GET /api/auth/authenticated', 'GET /api/user/me'],
  async handler(_args, ctx) {
    const checks: Array<z.infer<typeof checkOutput>> = [];
    const run = async (name: string, probe: () => Promise<string>) => {
      const started = performance.now();
      try {
        const detail = await probe();
        checks.push({ name, ok: true, ms: Math.round(performance.now() - started), detail });
      } catch (error) {
        const detail = isGauzyMcpError(error) ? `${error.code}: ${error.message}` : 'unexpected error';
        checks.push({ name, ok: false, ms: Math.round(performance.now() - started), detail });
      }
    };
    await run('gauzy reachable', async () => `GET /api/auth/authenticated answered ${JSON.stringify(await ctx.gauzy.get('/api/auth/authenticated'))}`);
    await run('session accepted', async () => {
      const me = await ctx.gauzy.get<{ email?: string }>('/api/user/me');
      if (!me?.email) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['/api/user/me had no email']);
      return `signed in as ${me.email}`;
    });
    const allOk = checks.every((check) => check.ok);
    const lines = checks.map((check) => `- ${check.ok ? 'ok' : 'FAILED'} ${check.name} (${check.ms} ms): ${check.detail}`);
    return ok({ ok: allOk, gauzyBaseUrl: ctx.gauzy.baseUrl, checks }, [`Gauzy at ${ctx.gauzy.baseUrl}: ${allOk ? 'all checks passed' : 'some checks failed'}.`, ...lines].join('\n'));
  },
});

export const getServerInfo = defineTool({
  name: 'get_server_info',
  title: 'Server information',
  description: 'This MCP server\'s name, version, transport, the Gauzy it talks to, and its loaded plugins.',
  toolset,
  effect: 'read',
  session: false,
  input: z.object({}),
  output: z.looseObject({ name: z.string(), version: z.string(), gauzyBaseUrl: z.string() }),
  routes: [],
  async handler(_args, ctx) {
    const facts = ctx.server;
    return ok(
      { name: facts.name, version: facts.version, transport: facts.transport, gauzyBaseUrl: facts.gauzyBaseUrl, sandbox: facts.sandbox, readOnly: facts.readOnly, toolCount: facts.toolCount, plugins: facts.plugins },
      `${facts.name} ${facts.version} over ${facts.transport}, serving ${facts.toolCount} tools from ${facts.plugins.length} plugins against ${facts.gauzyBaseUrl}${facts.sandbox ? ' (bundled sandbox)' : ''}${facts.readOnly ? ', read-only' : ''}.`,
    );
  },
});

export const testMcpCapabilities = defineTool({
  name: 'test_mcp_capabilities',
  title: 'MCP capabilities',
  description: 'The MCP protocol revisions this server speaks and its toolsets with their tool counts.',
  toolset,
  effect: 'read',
  session: false,
  input: z.object({}),
  output: z.looseObject({ protocolVersions: z.array(z.string()), toolCount: z.number(), toolsets: z.array(z.looseObject({ name: z.string(), tools: z.number() })) }),
  routes: [],
  async handler(_args, ctx) {
    const facts = ctx.server;
    return ok(
      { protocolVersions: [...facts.protocolVersions], toolCount: facts.toolCount, readOnly: facts.readOnly, capabilities: { tools: true, pagination: true, structuredContent: true, progress: true }, toolsets: facts.toolsets },
      [`Protocol revisions: ${facts.protocolVersions.join(', ')}.`, `${facts.toolCount} tools:`, ...facts.toolsets.map((toolset) => `- ${toolset.name} (${toolset.tools}): ${toolset.description}`)].join('\n'),
    );
  },
});

export const diagnosticsPlugin = definePlugin({
  name: 'diagnostics',
  version: packageJson.version,
  description: 'Connection test and server capabilities.',
  kernel: '^1.0.0',
  toolsets: [{ name: toolset, description: 'Connection test, server info and capabilities' }],
  tools: [testApiConnection, getServerInfo, testMcpCapabilities],
});

export default diagnosticsPlugin;
