import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GauzyFile } from '../src/gauzy/file.js';
import { GauzyHttp } from '../src/gauzy/http.js';
import { silentLogger } from '../src/log.js';

// Gauzy answers its PDF routes (GET /api/invoices/download/:uuid) with bytes; read as text they were corrupted.

const answering = (body: ConstructorParameters<typeof Response>[0], headers: Record<string, string>, status = 200) =>
  new GauzyHttp({ baseUrl: 'http://127.0.0.1:9', log: silentLogger, fetch: async () => new Response(body, { status, headers }) });

test('a PDF answer comes back as a file with its exact bytes, not as text', async () => {
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x33, 0x0a, 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]);
  const answer = await answering(bytes, { 'content-type': 'application/pdf', 'content-length': String(bytes.length) }, 202).send({ method: 'GET', route: '/api/invoices/download/:uuid', params: { uuid: 'x' } }, {});
  assert.equal(answer.status, 202);
  assert.ok(answer.data instanceof GauzyFile);
  const file = answer.data as GauzyFile;
  assert.equal(file.mimeType, 'application/pdf');
  assert.deepEqual([...file.bytes], [...bytes]);
  assert.equal(file.size, bytes.length);
  assert.equal(Buffer.from(file.toBase64(), 'base64').compare(Buffer.from(bytes)), 0);
});

test('JSON and text answers are read as before; an error with a binary type is still Gauzy refusing', async () => {
  assert.deepEqual((await answering('{"id":"a"}', { 'content-type': 'application/json; charset=utf-8' }).send({ method: 'GET', route: '/api/x' }, {})).data, { id: 'a' });
  assert.equal((await answering('hello', { 'content-type': 'text/plain' }).send({ method: 'GET', route: '/api/x' }, {})).data, 'hello');
  await assert.rejects(
    answering('{"statusCode":404,"message":"Not Found"}', { 'content-type': 'application/pdf' }, 404).send({ method: 'GET', route: '/api/x' }, {}),
    (error: unknown) => (error as { code?: string }).code === 'GMCP_ERR_GAUZY_NOT_FOUND',
  );
});
