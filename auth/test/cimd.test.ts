import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { toOutcome } from '@gauzy-mcp/testkit';
import { authorizeUrl, Browser, CALLBACK, pkce, ScriptedOAuthClient, startStack, type Stack } from './helpers.js';

const CERT = readFileSync(fileURLToPath(new URL('./fixtures/loopback-cert.pem', import.meta.url)), 'utf8');
const KEY = readFileSync(fileURLToPath(new URL('./fixtures/loopback-key.pem', import.meta.url)), 'utf8');

/** A client's own https host, serving its Client ID Metadata Document at the URL that is its client_id. */
async function startClientHost(): Promise<{ clientId: string; oversizedClientId: string; fetches: () => number; close(): Promise<void> }> {
  let fetches = 0;
  let clientId = '';
  let oversizedClientId = '';
  const server: Server = createServer({ cert: CERT, key: KEY }, (request, response) => {
    if (request.url === '/oauth/oversized.json') {
      fetches++;
      const document = { client_id: oversizedClientId, client_name: 'x'.repeat(6 * 1024), redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' };
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
    }
    if (request.url !== '/oauth/client.json') return void response.writeHead(404).end();
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' }).end(
      JSON.stringify({ client_id: clientId, client_name: 'Metadata Document Client', redirect_uris: [CALLBACK], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  clientId = `https://127.0.0.1:${(server.address() as { port: number }).port}/oauth/client.json`;
  oversizedClientId = clientId.replace('client.json', 'oversized.json');
  return { clientId, oversizedClientId, fetches: () => fetches, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Plain TCP listeners on 127.0.0.1:port and [::1]:port (where the machine has IPv6 loopback) that count connections. */
async function startConnectionCounter(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const listen = (server: TcpServer, host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, host, () => resolve(true));
    });
  const counting = () =>
    createTcpServer((socket) => {
      connections++;
      socket.destroy();
    });
  const v4 = counting();
  await listen(v4, '127.0.0.1', 0);
  const port = (v4.address() as { port: number }).port;
  const v6 = counting();
  const servers = (await listen(v6, '::1', port)) ? [v4, v6] : [v4];
  return { port, connections: () => connections, close: async () => void (await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))) };
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

  test('no spelling of a loopback client_id URL makes the auth server open a connection to it', async () => {
    const counter = await startConnectionCounter();
    const stack = await startStack();
    try {
      const spellings = ['127.0.0.1', 'localhost', '127.1', '2130706433', '0x7f000001', '[::ffff:127.0.0.1]', '[::1]', '[::ffff:7f00:1]', '127.000.000.001', '0177.0.0.1'];
      for (const host of spellings) {
        const clientId = `https://${host}:${counter.port}/client.json`;
        const response = await fetch(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }), { redirect: 'manual' });
        const page = await response.text();
        assert.equal(response.status, 400, `${clientId}: ${page.slice(0, 300)}`);
        assert.doesNotMatch(page, /Sign in with Ever Gauzy/);
        assert.equal(counter.connections(), 0, `${clientId} reached the loopback listener`);
      }
    } finally {
      await stack.close();
      await counter.close();
    }
  });

  test('a metadata document over 5 KB is refused (through the loopback test seam)', async () => {
    const stack = await startStack({ clientIdMetadataDocuments: { allowLoopbackWithCa: CERT } });
    try {
      const before = clientHost.fetches();
      const page = await new Browser().go(authorizeUrl(stack.issuer, { client_id: clientHost.oversizedClientId, code_challenge: pkce().challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }));
      assert.ok(clientHost.fetches() > before, 'the document was fetched');
      assert.equal(page.status, 400);
      assert.doesNotMatch(page.html, /Sign in with Ever Gauzy/);
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
