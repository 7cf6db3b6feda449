import { isGauzyMcpError } from '@gauzy-mcp/core';
import { fileURLToPath } from 'node:url';
import { loadPlugins, pluginPackagesFromEnv } from './plugins.js';

// Each command loads only what it runs: stdio never loads Fastify, the host or the authorization server.

const USAGE = `Usage: gauzy-mcp <command>

Commands:
  stdio      MCP server over stdin/stdout (Claude Desktop, Cursor). Without API_BASE_URL it starts the
             bundled Gauzy sandbox and signs in as its demo user; with API_BASE_URL, GAUZY_AUTH_EMAIL and
             GAUZY_AUTH_PASSWORD it talks to your Gauzy.
  demo       The whole system on embedded defaults: the bundled Gauzy sandbox and the remote host in
             front of it on http://127.0.0.1:$PORT/mcp (PORT default 3001, HOST default 127.0.0.1).
  serve      The remote host (Streamable HTTP, HTTP+SSE, WebSocket) from a JSON config:
             --config <file> or GAUZY_MCP_CONFIG, with env overrides (PORT, API_BASE_URL, REDIS_URL, ...).
             --auth-config <file> (or GAUZY_MCP_AUTH_CONFIG) also runs the OAuth authorization server.
  sandbox    The Gauzy sandbox alone on http://127.0.0.1:$PORT (default 3000), for plugin authors.
  tools      How many tools each pack brings, their names, and what their tools/list entries weigh (bytes).
  docs       Write (--write) or check (--check) docs/TOOLS.md, the generated tool reference.
  prompts    Play the example prompts through an MCP client over stdio against the Gauzy the environment
             names (API_BASE_URL, GAUZY_AUTH_EMAIL, GAUZY_AUTH_PASSWORD; without them the sandbox), and say
             whether the text answers each. --project <part of a name>, --task <part of a title>.
`;

const DOCS_PATH = fileURLToPath(new URL('../../docs/TOOLS.md', import.meta.url));

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'stdio':
      return (await import('./commands/stdio.js')).runStdio(process.env);
    case 'demo':
      return (await import('./commands/serve.js')).runDemo(process.env);
    case 'serve':
      return (await import('./commands/serve.js')).runServe(rest, process.env);
    case 'sandbox':
      return (await import('./commands/sandbox.js')).runSandbox(process.env);
    case 'tools': {
      const { toolsReport } = await import('./commands/tools.js');
      process.stdout.write(toolsReport(await loadPlugins(pluginPackagesFromEnv(process.env))));
      return;
    }
    case 'prompts':
      return (await import('./commands/prompts.js')).runPrompts(rest, process.env);
    case 'docs': {
      const { writeOrCheckDocs } = await import('./commands/docs.js');
      const mode = rest.includes('--write') ? 'write' : 'check';
      const current = writeOrCheckDocs(await loadPlugins(), DOCS_PATH, mode);
      if (mode === 'check' && !current) {
        process.stderr.write('docs/TOOLS.md is out of date: run `node cli/bin/gauzy-mcp.js docs --write`.\n');
        process.exitCode = 1;
      }
      return;
    }
    default:
      process.stderr.write(USAGE);
      process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = isGauzyMcpError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`gauzy-mcp: ${message}\n`);
  process.exit(1);
});
