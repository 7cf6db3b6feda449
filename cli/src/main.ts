import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { pluginPackagesFromEnv } from './plugin-list.js';

// Each command loads only what it runs: stdio never loads Fastify, the host or the authorization server, and
// nothing here loads the kernel before stdio has taken stdin (its early start answers while the kernel loads).

/** The commands, what each says about itself, and the options each takes (`value`: followed by a value). */
const COMMANDS: Record<string, { help: string; options?: Record<string, 'flag' | 'value'> }> = {
  stdio: {
    help: `MCP server over stdin/stdout (Claude Desktop, Cursor). Without API_BASE_URL it starts the
bundled Gauzy sandbox and signs in as its demo user; with API_BASE_URL, GAUZY_AUTH_EMAIL and
GAUZY_AUTH_PASSWORD it talks to your Gauzy.`,
  },
  demo: {
    help: `The whole system on embedded defaults: the bundled Gauzy sandbox and the remote host in
front of it on http://127.0.0.1:$PORT/mcp (PORT default 3001, HOST default 127.0.0.1).`,
  },
  serve: {
    help: `The remote host (Streamable HTTP, HTTP+SSE, WebSocket) from a JSON config:
--config <file> or GAUZY_MCP_CONFIG, with env overrides (PORT, API_BASE_URL, REDIS_URL, ...).
--auth-config <file> (or GAUZY_MCP_AUTH_CONFIG) also runs the OAuth authorization server.`,
    options: { '--config': 'value', '--auth-config': 'value' },
  },
  sandbox: { help: 'The Gauzy sandbox alone on http://127.0.0.1:$PORT (default 3000), for plugin authors.' },
  check: {
    help: `What would stop the server working, found now: without --config, API_BASE_URL and the account
(signed in for real, so a wrong password shows); with --config <file> (or GAUZY_MCP_CONFIG), the
host's config, each configured account, Redis and the authorization server's keys. Exit 1 on a problem.`,
    options: { '--config': 'value' },
  },
  tools: { help: 'How many tools each pack brings, their names, and what their tools/list entries weigh (bytes).' },
  docs: {
    help: `Write (--write) or check (--check) the generated docs: docs/TOOLS.md (the tool reference), the
config reference in docs/OPERATORS.md and the code excerpts in docs/PLUGINS.md.`,
    options: { '--write': 'flag', '--check': 'flag' },
  },
  prompts: {
    help: `Play the example prompts through an MCP client over stdio against the Gauzy the environment
names (API_BASE_URL, GAUZY_AUTH_EMAIL, GAUZY_AUTH_PASSWORD; without them the sandbox), and say
whether the text answers each. --project <part of a name>, --task <part of a title>.`,
    options: { '--project': 'value', '--task': 'value' },
  },
};

const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);
const USAGE = `Usage: gauzy-mcp <command> [options]   (gauzy-mcp <command> --help, gauzy-mcp --version)

Commands:
${Object.entries(COMMANDS).map(([name, { help }]) => `  ${name.padEnd(10)} ${indent(help, ' '.repeat(13))}`).join('\n')}
`;

/** The repository root, where the generated docs live (`src/` and `dist/` both sit two levels below it). */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A mistake on the command line: said on stderr with the usage, exit code 2. */
class UsageError extends Error {}

/** Refuses options the command does not take and options missing their value, naming them. */
function checkOptions(command: string, args: readonly string[]): void {
  const options = COMMANDS[command]!.options ?? {};
  const takes = Object.keys(options);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const kind = options[arg];
    if (!kind) {
      throw new UsageError(`gauzy-mcp ${command}: ${arg.startsWith('-') ? 'unknown option' : 'unexpected argument'} "${arg}"; ${takes.length ? `it takes ${takes.join(', ')}` : 'it takes no options'}`);
    }
    if (kind === 'value') {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`gauzy-mcp ${command}: ${arg} needs a value`);
      index++;
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${packageJson.version}\n`);
    return;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  if (!COMMANDS[command]) throw new UsageError(`gauzy-mcp: unknown command "${command}"`);
  // A command's --help says what it does and starts nothing (stdio would serve, demo would bind its ports).
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: gauzy-mcp ${command}${COMMANDS[command]!.options ? ' [options]' : ''}\n\n${COMMANDS[command]!.help}\n`);
    return;
  }
  checkOptions(command, rest);
  switch (command) {
    case 'stdio': {
      const { beginEarlyStart } = await import('./early-start/index.js');
      const early = beginEarlyStart(process.env);
      await early.front.loadNow;
      try {
        return await (await import('./commands/stdio.js')).runStdio(process.env, early);
      } finally {
        early.front.release();
      }
    }
    case 'demo':
      return (await import('./commands/serve.js')).runDemo(process.env);
    case 'serve':
      return (await import('./commands/serve.js')).runServe(rest, process.env);
    case 'sandbox':
      return (await import('./commands/sandbox.js')).runSandbox(process.env);
    case 'check':
      process.exitCode = await (await import('./commands/check.js')).runCheck(rest, process.env);
      return;
    case 'tools': {
      const { toolsReport } = await import('./commands/tools.js');
      const { loadPlugins } = await import('./plugins.js');
      process.stdout.write(toolsReport(await loadPlugins(pluginPackagesFromEnv(process.env))));
      return;
    }
    case 'prompts':
      return (await import('./commands/prompts.js')).runPrompts(rest, process.env);
    case 'docs': {
      if (rest.includes('--write') && rest.includes('--check')) throw new UsageError('gauzy-mcp docs: --write or --check, not both');
      const { updateDocs } = await import('./commands/docs-update.js');
      const { loadPlugins } = await import('./plugins.js');
      const mode = rest.includes('--write') ? 'write' : 'check';
      const stale = await updateDocs(REPOSITORY_ROOT, await loadPlugins(), mode);
      if (mode === 'write') process.stderr.write(stale.length ? `wrote ${stale.join(', ')}\n` : 'the generated docs were current\n');
      else if (stale.length) {
        process.stderr.write(`${stale.join(', ')} out of date: run \`node cli/bin/gauzy-mcp.js docs --write\`.\n`);
        process.exitCode = 1;
      }
      return;
    }
  }
}

main(process.argv.slice(2)).catch(async (error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { isGauzyMcpError } = await import('@gauzy-mcp/core');
  const message = isGauzyMcpError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`gauzy-mcp: ${message}\n`);
  process.exit(1);
});
