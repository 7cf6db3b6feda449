import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { toOutcome } from '@gauzy-mcp/testkit';
import { authorizeUrl, Browser, CALLBACK, pkce, ScriptedOAuthClient, startStack, type Stack } from './helpers.js';

const CERT = readFileSync(fileURLToPath(new URL('./fixtures/loopback-cert.pem', import.meta.url)), 'utf8');
const KEY = readFileSync(fileURLToPath(new URL('./fixtures/loopback-key.pem', import.meta.url)), 'utf8');

/** A client's own https host, serving its Client ID Metadata Document at the URL that is its client_id. */
async function startClientHost(): Promise<{ clientId: string; fetches: () => number; close(): Promise<void> }> {
  let fetches = 0;
  let clientId = '';
  const server: Server = createServer({ cert: CERT, key: KEY }, (request, response) => {
    if (request.url !== '/oauth/client.json') return void response.writeHead(404).end();
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' }).end(
      JSON.stringify({ client_id: clientId, client_name: 'Metadata Document Client', redirect_uris: [CALLBACK], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  clientId = `https://127.0.0.1:${(server.address() as { port: number }).port}/oauth/client.json`;
  return { clientId, fetches: () => fetches, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('Client ID Metadata Documents', () => {
  let clientHost: Awaited<ReturnType<typeof startClientHost>>;
  before(async () => {
    clientHost = await startClientHost();
  });
  after(async () => {
    await clientHost?.close();
  });

  test('by default a client_id URL that points at a private or loopback address is refused, and nothing is signed in', async () => {
    const stack = await startStack();
    try {
      const metadata = (await (await fetch(`${stack.issuer}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      assert.equal(metadata.client_id_metadata_document_supported, true);
      const before = clientHost.fetches();
      const page = await new Browser().go(authorizeUrl(stack.issuer, { client_id: clientHost.clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }));
      assert.equal(page.status, 400);
      assert.doesNotMatch(page.html, /Sign in with Ever Gauzy/);
      assert.equal(new URL(page.url).host, new URL(stack.issuer).host, 'no redirect to the unverified client');
      assert.equal(clientHost.fetches(), before, 'the guard refused the connection before any request was sent');
    } finally {
      await stack.close();
    }
  });

  test('the SDK client connects with its metadata URL as client_id (no registration), and the consent page names it', async () => {
    const stack = await startStack({ clientIdMetadataDocuments: { allowLoopbackWithCa: CERT } });
    try {
      const browser = new Browser();
      const oauth = new ScriptedOAuthClient(browser, stack.sandbox.seed.users.employee, clientHost.clientId);
      const transport = new StreamableHTTPClientTransport(new URL(stack.host.mcpUrl), { authProvider: oauth });
      await assert.rejects(new Client({ name: 'cimd', version: '1.0.0' }).connect(transport), UnauthorizedError);
      assert.ok(browser.pages.some((html) => html.includes('Metadata Document Client')), 'the consent page shows the document\'s client_name');
      assert.equal(oauth.clientInfo?.client_id, clientHost.clientId, 'the URL is the client_id; nothing was registered');
      await transport.finishAuth(oauth.callback!.searchParams);
      const client = new Client({ name: 'cimd', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(stack.host.mcpUrl), { authProvider: oauth }));
      try {
        const tasks = toOutcome(await client.callTool({ name: 'get_my_tasks', arguments: {} }));
        assert.equal(tasks.isError, false, tasks.text);
      } finally {
        await client.close();
      }
      assert.ok(clientHost.fetches() >= 1);
    } finally {
      await stack.close();
    }
  });
});
