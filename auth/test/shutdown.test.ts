import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { startStack } from './helpers.js';

// A client that stops halfway through a request body (a 413 answered early, a slow or hostile uploader) must not
// keep the authorization server from closing: its shutdown would otherwise wait on that socket for ever.
test('the authorization server closes while a client is still sending a request body', { timeout: 30_000 }, async () => {
  const stack = await startStack();
  const { port } = new URL(stack.issuer);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => {});
  socket.write(`POST /oauth2/register HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"client_name":"`);
  const closedByServer = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  try {
    await stack.auth.app.close();
    await closedByServer;
    assert.ok(socket.destroyed);
  } finally {
    socket.destroy();
    await stack.host.close();
    await stack.sandbox.close();
  }
});
