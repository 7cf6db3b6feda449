import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { outboundFetch } from '../src/outbound-fetch.js';

const CERT = readFileSync(fileURLToPath(new URL('./fixtures/loopback-cert.pem', import.meta.url)), 'utf8');
const KEY = readFileSync(fileURLToPath(new URL('./fixtures/loopback-key.pem', import.meta.url)), 'utf8');

async function listening<T extends Server>(server: T): Promise<{ server: T; port: number; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback TCP listener that counts connections and, unless told to hold them, closes them at once. */
async function connectionCounter(hold = false) {
  let connections = 0;
  const held: import('node:net').Socket[] = [];
  const listener = await listening(
    createTcpServer((socket) => {
      connections++;
      if (hold) held.push(socket);
      else socket.destroy();
    }),
  );
  return {
    port: listener.port,
    connections: () => connections,
    close: async () => {
      for (const socket of held) socket.destroy();
      await listener.close();
    },
  };
}

test('a name is refused when any address it resolves to is not public, before any connection is made', async () => {
  const counter = await connectionCounter();
  try {
    // The test seam allows loopback, so the first address passes the check and only the second is refused.
    const fetch = outboundFetch({ loopbackCa: CERT, resolve: async () => ['127.0.0.1', '10.0.0.1'] });
    await assert.rejects(fetch(`https://metadata.example:${counter.port}/client.json`), (error: Error) => /private address/.test(String((error.cause as Error | undefined)?.message ?? error.message)));
    const strict = outboundFetch({ resolve: async () => ['127.0.0.1'] });
    await assert.rejects(strict(`https://metadata.example:${counter.port}/client.json`));
    assert.equal(counter.connections(), 0);
  } finally {
    await counter.close();
  }
});

test('the name is resolved once and the socket goes to the address that was checked (no second lookup)', async () => {
  const counter = await connectionCounter();
  try {
    let lookups = 0;
    const fetch = outboundFetch({
      loopbackCa: CERT,
      resolve: async () => {
        lookups++;
        return ['127.0.0.1'];
      },
    });
    // metadata.example resolves nowhere but through the given resolver: reaching the listener proves the pin.
    await assert.rejects(fetch(`https://metadata.example:${counter.port}/client.json`));
    assert.equal(lookups, 1);
    assert.equal(counter.connections(), 1);
  } finally {
    await counter.close();
  }
});

test('only https is fetched, and a redirect is not followed', async () => {
  const counter = await connectionCounter();
  let requests = 0;
  const redirecting = await listening(
    createHttpsServer({ cert: CERT, key: KEY }, (request, response) => {
      requests++;
      response.writeHead(302, { location: `https://127.0.0.1:${counter.port}/elsewhere` }).end();
    }),
  );
  try {
    const fetch = outboundFetch({ loopbackCa: CERT });
    await assert.rejects(fetch(`http://127.0.0.1:${counter.port}/client.json`), /only https/);
    await assert.rejects(fetch(`https://127.0.0.1:${redirecting.port}/client.json`));
    assert.equal(requests, 1);
    assert.equal(counter.connections(), 0, 'neither the http URL nor the redirect target was connected to');
  } finally {
    await redirecting.close();
    await counter.close();
  }
});

test('a host that accepts the connection and never answers is given up on', async () => {
  const silent = await connectionCounter(true);
  try {
    const fetch = outboundFetch({ loopbackCa: CERT, timeoutMs: 300 });
    await assert.rejects(fetch(`https://127.0.0.1:${silent.port}/client.json`));
    assert.equal(silent.connections(), 1);
  } finally {
    await silent.close();
  }
});
