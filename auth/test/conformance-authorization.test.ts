import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Browser } from '@gauzy-mcp/testkit';
import { freePort, registerClient, startStack, type Stack } from './helpers.js';

const AUTH_DIR = fileURLToPath(new URL('..', import.meta.url));
// Authorization-server mode exists only in the 0.2.0 pre-releases of the suite (0.1.16 has server and
// client modes); like them it needs Node ≥ 22, from the node@24 dev dependency.
const NODE_24 = join(AUTH_DIR, 'node_modules/node/bin/node');
const SUITE = join(AUTH_DIR, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');

describe('the MCP conformance suite, authorization-server mode, against the auth server', () => {
  let stack: Stack;
  let scratch: string;
  before(async () => {
    assert.ok(existsSync(NODE_24) && existsSync(SUITE), 'run the install (npm run setup): node@24 and @modelcontextprotocol/conformance are dev dependencies of auth/');
    scratch = mkdtempSync(join(tmpdir(), 'gauzy-mcp-auth-conformance-'));
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('metadata and the authorization-code grant pass, with a user signing in through the pages', async () => {
    const port = await freePort();
    const client = await registerClient(stack.issuer, { client_name: 'MCP conformance suite', redirect_uris: [`http://127.0.0.1:${port}/callback`] });
    const child = spawn(NODE_24, [SUITE, 'authorization', '--url', stack.issuer, '--client-id', client.client_id, '--resource', stack.host.mcpUrl, '-p', String(port), '-o', scratch, '--verbose'], {
      cwd: scratch,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let signedIn: Promise<void> | undefined;
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      // The suite prints the authorization URL and waits for its callback: play the user.
      const url = /(http:\/\/127\.0\.0\.1:\d+\/oauth2\/authorize\?\S+)/.exec(output)?.[1];
      if (url && !signedIn && output.includes('Callback server started')) signedIn = userSignsIn(url);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await signedIn;
    assert.equal(code, 0, output.slice(-4000));
    assert.match(output, /authorization-server-metadata-endpoint/);
    assert.match(output, /authorization-code-grant/);
    assert.doesNotMatch(output, /[1-9]\d* failed/, output.slice(-4000));
  });

  async function userSignsIn(url: string): Promise<void> {
    const browser = new Browser();
    const signIn = await browser.go(url);
    assert.match(signIn.html, /Sign in with Ever Gauzy/);
    const next = await browser.submit(signIn, { email: stack.sandbox.seed.users.employee.email, password: stack.sandbox.seed.users.employee.password });
    // The suite asks for no scope, so there may be nothing to consent to; otherwise allow. Either way the
    // last redirect lands on the suite's own callback server, which completes its flow.
    if (next.html.includes('Allow access?')) {
      assert.match(next.html, /MCP conformance suite/);
      await browser.submit(next, {}, { decision: 'allow' });
    } else {
      assert.equal(new URL(next.url).pathname, '/callback');
    }
  }
});
