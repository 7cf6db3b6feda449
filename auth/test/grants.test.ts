import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { authorizeUrl, CALLBACK, pkce, registerClient, signInAndConsent, startStack, tokenRequest, type Stack } from './helpers.js';

let stack: Stack;
before(async () => {
  stack = await startStack({ tokenRateLimit: { max: 1000, windowSeconds: 3600 } });
});
after(async () => {
  await stack?.close();
});

/** One client's grant for the employee: sign-in, consent, code exchange. */
async function grantFor(clientId: string): Promise<{ access_token: string; refresh_token: string }> {
  const pair = pkce();
  const callback = await signInAndConsent(authorizeUrl(stack.issuer, { client_id: clientId, code_challenge: pair.challenge, code_challenge_method: 'S256', resource: stack.host.mcpUrl }), stack.sandbox.seed.users.employee);
  const tokens = await tokenRequest(stack.issuer, { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, code_verifier: pair.verifier, redirect_uri: CALLBACK, client_id: clientId, resource: stack.host.mcpUrl });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  return tokens.body as { access_token: string; refresh_token: string };
}

async function revoke(clientId: string, refreshToken: string): Promise<void> {
  const response = await fetch(`${stack.issuer}/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: clientId }).toString() });
  assert.equal(response.status, 200);
}

async function toolAs(accessToken: string): Promise<{ isError?: boolean; text: string }> {
  const response = await fetch(stack.host.mcpUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'get_my_tasks' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_my_tasks', arguments: {}, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} } } }),
  });
  const body = (await response.json()) as { result: { isError?: boolean; content: Array<{ text: string }> } };
  return { isError: body.result.isError, text: body.result.content.map((block) => block.text).join('\n') };
}

test('the user\'s Gauzy tokens leave the vault when their last grant is revoked, not before', async () => {
  const employeeId = stack.sandbox.seed.users.employee.id;
  const clientA = (await registerClient(stack.issuer, { client_name: 'Client A' })).client_id;
  const clientB = (await registerClient(stack.issuer, { client_name: 'Client B' })).client_id;
  const a = await grantFor(clientA);
  const b = await grantFor(clientB);
  assert.ok(await stack.host.vault.get(employeeId), 'signed in: the vault holds the Gauzy session');

  await revoke(clientA, a.refresh_token);
  assert.ok(await stack.host.vault.get(employeeId), 'client B still relies on it');
  assert.equal((await toolAs(b.access_token)).isError, undefined);

  await revoke(clientB, b.refresh_token);
  let gone = false;
  for (let attempt = 0; attempt < 100 && !gone; attempt++) {
    gone = (await stack.host.vault.get(employeeId)) === undefined;
    if (!gone) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.ok(gone, 'the last grant is gone, and with it the Gauzy tokens');
  const after = await toolAs(b.access_token);
  assert.equal(after.isError, true);
  assert.match(after.text, /GMCP_ERR_NOT_SIGNED_IN/);
});
