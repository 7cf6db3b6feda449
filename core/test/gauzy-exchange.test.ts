import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { silentLogger } from '../src/index.js';
import { GauzyHttp } from '../src/gauzy/http.js';
import { isGauzyMcpError } from '../src/errors.js';

// The Gauzy client's own HTTP exchange (node:http on keep-alive agents), against a plain server that misbehaves
// on purpose.

let server: Server;
let base: string;
const sockets = new Set<number>();
const routes = new Map<string, (request: IncomingMessage, response: ServerResponse, body: string) => void>();

before(async () => {
  server = createServer((request, response) => {
    sockets.add(request.socket.remotePort!);
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const handler = routes.get(new URL(request.url!, 'http://x').pathname);
      if (handler) return handler(request, response, body);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"statusCode":404,"message":"no route"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (options: { timeoutMs?: number } = {}) => new GauzyHttp({ baseUrl: base, log: silentLogger, timeoutMs: options.timeoutMs, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
const json = (value: unknown) => (_request: IncomingMessage, response: ServerResponse) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isGauzyMcpError(error), String(error));
    return { code: error.code, message: error.message };
  }
  assert.fail('expected a refusal');
}

test('one connection is kept for calls one after another', async () => {
  routes.set('/api/one', json({ ok: 1 }));
  sockets.clear();
  const http = client();
  for (let index = 0; index < 5; index++) assert.deepEqual((await http.send({ method: 'GET', route: '/api/one' }, {})).data, { ok: 1 });
  assert.equal(sockets.size, 1);
});

test('a body sent with its length, the caller headers last, and the JSON answer parsed', async () => {
  let seen: { headers: IncomingMessage['headers']; body: string } | undefined;
  routes.set('/api/echo', (request, response, body) => {
    seen = { headers: request.headers, body };
    response.writeHead(201, { 'content-type': 'application/json; charset=utf-8' }).end('\uFEFF{"créé":true}');
  });
  const answer = await client().send({ method: 'POST', route: '/api/echo', body: { name: 'Zoë' }, language: 'fr' }, { authorization: 'Bearer t', 'tenant-id': 'x' });
  assert.deepEqual(answer, { status: 201, data: { créé: true } });
  assert.equal(seen!.body, '{"name":"Zoë"}');
  assert.equal(seen!.headers['content-length'], String(Buffer.byteLength('{"name":"Zoë"}')));
  assert.equal(seen!.headers['content-type'], 'application/json');
  assert.equal(seen!.headers.authorization, 'Bearer t');
  assert.equal(seen!.headers.language, 'fr');
});

test('compressed answers are read (gzip, deflate, br); an encoding it cannot read is said', async () => {
  const body = Buffer.from(JSON.stringify({ items: ['a'], total: 1 }));
  const encoders: Record<string, (input: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
  for (const [encoding, encode] of Object.entries(encoders)) {
    routes.set(`/api/${encoding}`, (request, response) => {
      assert.match(request.headers['accept-encoding'] ?? '', new RegExp(encoding));
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding }).end(encode(body));
    });
    assert.deepEqual((await client().send({ method: 'GET', route: `/api/${encoding}` }, {})).data, { items: ['a'], total: 1 }, encoding);
  }
  routes.set('/api/zstd', (_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' }).end(body));
  const refused = await refusal(client().send({ method: 'GET', route: '/api/zstd' }, {}));
  assert.equal(refused.code, 'GMCP_ERR_GAUZY_UNAVAILABLE');
  assert.match(refused.message, /encoding .*zstd/);
});

test('a redirect is not followed (the token would go with it): it is said, with where it pointed', async () => {
  let followed = false;
  routes.set('/api/moved', (_request, response) => response.writeHead(301, { location: `${base}/api/elsewhere` }).end());
  routes.set('/api/elsewhere', (_request, response) => {
    followed = true;
    response.writeHead(200).end('{}');
  });
  const refused = await refusal(client().send({ method: 'POST', route: '/api/moved', body: {} }, { authorization: 'Bearer t' }));
  assert.equal(refused.code, 'GMCP_ERR_GAUZY_UNAVAILABLE');
  assert.match(refused.message, /HTTP 301, a redirect to http:\/\/127\.0\.0\.1:\d+\/api\/elsewhere: API_BASE_URL/);
  assert.equal(followed, false);
});

test('an answer cut off halfway is an error, never half a body read as the whole', async () => {
  let calls = 0;
  routes.set('/api/cut', (_request, response) => {
    calls++;
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    response.write('{"items":[');
    setTimeout(() => response.socket?.destroy(), 5);
  });
  const refused = await refusal(client().send({ method: 'GET', route: '/api/cut' }, {}));
  assert.equal(refused.code, 'GMCP_ERR_GAUZY_UNAVAILABLE');
  assert.equal(calls, 2, 'a read is tried again');
});

test('no answer in time is a timeout; a cancelled call is cancelled; a closed port is unavailable, with the reason', async () => {
  routes.set('/api/silent', () => {});
  const timedOut = await refusal(new GauzyHttp({ baseUrl: base, log: silentLogger, timeoutMs: 50, retry: { maxAttempts: 1 } }).send({ method: 'GET', route: '/api/silent' }, {}));
  assert.equal(timedOut.code, 'GMCP_ERR_GAUZY_TIMEOUT');
  const controller = new AbortController();
  const pending = client().send({ method: 'GET', route: '/api/silent', signal: controller.signal }, {});
  setTimeout(() => controller.abort(), 20);
  assert.equal((await refusal(pending)).code, 'GMCP_ERR_CANCELLED');
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const refused = await refusal(new GauzyHttp({ baseUrl: `http://127.0.0.1:${port}`, log: silentLogger, retry: { maxAttempts: 1 } }).send({ method: 'GET', route: '/api/x' }, {}));
  assert.equal(refused.code, 'GMCP_ERR_GAUZY_UNAVAILABLE');
  assert.match(refused.message, /ECONNREFUSED/);
});

test('a call\'s signal, already aborted, cancels before anything is sent; finished requests leave no listener on it; a timed-out read is tried again', async () => {
  let hits = 0;
  routes.set('/api/counted', (_request, response) => {
    hits++;
    json({ ok: true })(_request, response);
  });
  const aborted = new AbortController();
  aborted.abort();
  assert.equal((await refusal(client().send({ method: 'GET', route: '/api/counted', signal: aborted.signal }, {}))).code, 'GMCP_ERR_CANCELLED');
  const held = new AbortController();
  for (let index = 0; index < 5; index++) await client().send({ method: 'GET', route: '/api/counted', signal: held.signal }, {});
  assert.equal(getEventListeners(held.signal, 'abort').length, 0, 'each attempt lets go of the caller\'s signal');
  assert.equal(hits, 5);
  let tries = 0;
  routes.set('/api/slow-once', (request, response) => (++tries === 1 ? undefined : json({ ok: true })(request, response)));
  const slowOnce = await new GauzyHttp({ baseUrl: base, log: silentLogger, timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }).send<{ ok: boolean }>({ method: 'GET', route: '/api/slow-once' }, {});
  assert.deepEqual([tries, slowOnce.data], [2, { ok: true }]);
});

test('an https address is spoken to over TLS (a plain server there fails the handshake)', async () => {
  routes.set('/api/plain', json({}));
  const refused = await refusal(new GauzyHttp({ baseUrl: base.replace('http:', 'https:'), log: silentLogger, retry: { maxAttempts: 1 } }).send({ method: 'GET', route: '/api/plain' }, {}));
  assert.equal(refused.code, 'GMCP_ERR_GAUZY_UNAVAILABLE');
  assert.match(refused.message, /EPROTO|SSL|TLS|wrong version/i);
});

test('each request is published on the diagnostics channel before it leaves', async () => {
  routes.set('/api/traced', json({}));
  const seen: unknown[] = [];
  const listener = (message: unknown) => seen.push(message);
  subscribe('gauzy-mcp:gauzy-request', listener);
  try {
    await client().send({ method: 'GET', route: '/api/traced', query: { take: 1 } }, { authorization: 'Bearer secret' });
  } finally {
    unsubscribe('gauzy-mcp:gauzy-request', listener);
  }
  assert.deepEqual(seen, [{ method: 'GET', url: `${base}/api/traced?take=1` }], 'the method and address only, never the headers');
});
