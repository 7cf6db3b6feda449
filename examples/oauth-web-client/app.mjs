#!/usr/bin/env node
// A third-party web app using the gauzy-mcp authorization server: "Sign in with Ever Gauzy" through
// @fastify/oauth2 (authorization code + PKCE), then it calls the MCP host with the user's token.
//
//   ISSUER=http://127.0.0.1:3002 MCP_URL=http://127.0.0.1:3001/mcp PORT=4000 node app.mjs
//
// CLIENT_ID / CLIENT_SECRET name a registered client; without them the app registers itself (RFC 7591).
import oauthPlugin from '@fastify/oauth2';
import Fastify from 'fastify';

const issuer = required('ISSUER').replace(/\/+$/, '');
const mcpUrl = required('MCP_URL');
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const callbackUri = `http://${host}:${port}/callback`;

const client = process.env.CLIENT_ID ? { id: process.env.CLIENT_ID, secret: process.env.CLIENT_SECRET ?? '' } : await register();

const app = Fastify({ logger: false });
await app.register(oauthPlugin, {
  name: 'gauzy',
  scope: ['mcp.read'],
  credentials: {
    client,
    auth: { tokenHost: issuer, tokenPath: '/oauth2/token', authorizePath: '/oauth2/authorize', revokePath: '/oauth2/revoke' },
  },
  startRedirectPath: '/login',
  callbackUri,
  // RFC 8707: the token is for the MCP host, at both steps.
  callbackUriParams: { resource: mcpUrl },
  tokenRequestParams: { resource: mcpUrl },
  pkce: 'S256',
});

app.get('/', async (_request, reply) => reply.type('text/html').send('<h1>Example app</h1><p><a href="/login">Sign in with Ever Gauzy</a></p>'));

app.get('/callback', async (request, reply) => {
  const { token } = await app.gauzy.getAccessTokenFromAuthorizationCodeFlow(request, reply);
  const result = await callTool(token.access_token, 'get_my_tasks', {});
  const text = result.content?.map((block) => block.text ?? '').join('\n') ?? JSON.stringify(result);
  return reply.type('text/html').send(`<h1>Your Gauzy tasks</h1><pre>${escapeHtml(text)}</pre>`);
});

await app.listen({ host, port });
process.stdout.write(`READY http://${host}:${port}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

/** One stateless MCP request (2026-07-28): a tool call with the user's bearer token. */
async function callTool(accessToken, name, args) {
  const meta = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'example-web-app', version: '0.1.0' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  const response = await fetch(mcpUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': name,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args, _meta: meta } }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${body.error.code}: ${body.error.message}`);
  return body.result;
}

async function register() {
  const response = await fetch(`${issuer}/oauth2/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Example web app', redirect_uris: [callbackUri], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`registration refused: ${JSON.stringify(body)}`);
  return { id: body.client_id, secret: body.client_secret };
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required\n`);
    process.exit(2);
  }
  return value;
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
