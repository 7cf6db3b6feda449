import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { createClient, wrapClient } from '@gauzy-mcp/testkit';
import { playPrompts, renderPromptReport } from '../prompts.js';


/**
 * `gauzy-mcp prompts`: starts `gauzy-mcp stdio` with this environment (so API_BASE_URL, GAUZY_AUTH_EMAIL and
 * GAUZY_AUTH_PASSWORD pick the Gauzy; without them, the bundled sandbox), connects an MCP client over stdio
 * and plays the example prompts. Exits 1 when one is not answered.
 */
export async function runPrompts(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  // The script this command runs from is the CLI's own bin: the server under test is this very install.
  const bin = process.argv[1]!;
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'stdio'], env: { ...(env as Record<string, string>), GAUZY_MCP_LOG_LEVEL: env.GAUZY_MCP_LOG_LEVEL ?? 'warn' }, stderr: 'inherit' });
  const client = createClient('2025-06-18');
  await client.connect(transport);
  const mcp = wrapClient(client, () => client.close());
  try {
    const outcomes = await playPrompts(mcp, { project: option('--project'), task: option('--task') });
    process.stdout.write(renderPromptReport(outcomes));
    const failed = outcomes.filter((outcome) => outcome.failure);
    process.stdout.write(`${outcomes.length - failed.length} of ${outcomes.length} prompts answered.\n`);
    if (failed.length) process.exitCode = 1;
  } finally {
    await mcp.close();
  }
}
