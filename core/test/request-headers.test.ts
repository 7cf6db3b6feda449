import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GauzyHttp } from '../src/gauzy/http.js';
import { silentLogger } from '../src/log.js';

// Gauzy translates some answers (product categories) only to its Language header; a call may ask for it,
// and never in a way that replaces the caller's authorization or tenant.

test("a call's language goes out as Gauzy's Language header; the caller's own headers win", async () => {
  const seen: Array<Record<string, string>> = [];
  const http = new GauzyHttp({
    baseUrl: 'http://127.0.0.1:9',
    log: silentLogger,
    fetch: async (_url, init) => {
      seen.push(init!.headers as Record<string, string>);
      return new Response('[]', { headers: { 'content-type': 'application/json' } });
    },
  });
  await http.send({ method: 'GET', route: '/api/product-categories/pagination', language: 'bg' }, { authorization: 'Bearer caller', 'tenant-id': 't' });
  await http.send({ method: 'GET', route: '/api/product-categories/pagination' }, { authorization: 'Bearer caller' });
  assert.equal(seen[0]!.language, 'bg');
  assert.equal(seen[0]!.authorization, 'Bearer caller');
  assert.equal(seen[1]!.language, undefined, 'no header unless asked');
});
