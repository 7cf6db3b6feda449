import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeGauzyBaseUrl } from '../src/gauzy/base-url.js';
import { GauzyHttp } from '../src/gauzy/http.js';
import { silentLogger } from '../src/log.js';

// Issue #15 item 4: API_BASE_URL ending in /api is understood; a URL without a scheme fails at start.

test('an address with /api, trailing slashes or a sub-path is joined to routes once', () => {
  assert.equal(normalizeGauzyBaseUrl('https://gauzy.example.com/api'), 'https://gauzy.example.com');
  assert.equal(normalizeGauzyBaseUrl(' https://gauzy.example.com/api/ '), 'https://gauzy.example.com');
  assert.equal(normalizeGauzyBaseUrl('http://127.0.0.1:3400//'), 'http://127.0.0.1:3400');
  assert.equal(normalizeGauzyBaseUrl('https://example.com/gauzy/api'), 'https://example.com/gauzy');
  const http = new GauzyHttp({ baseUrl: 'http://127.0.0.1:3400/api/', log: silentLogger });
  assert.equal(http.url({ route: '/api/tasks/:id', params: { id: 'x' } }), 'http://127.0.0.1:3400/api/tasks/x');
});

test('an address without a scheme, with another scheme, or with a query is refused with the form to use', () => {
  assert.throws(() => normalizeGauzyBaseUrl('gauzy.example.com'), /API_BASE_URL "gauzy.example.com" is not a URL; give it with its scheme, e.g. https:\/\/gauzy.example.com/);
  assert.throws(() => normalizeGauzyBaseUrl('ftp://gauzy.example.com'), /must start with http:\/\/ or https:\/\//);
  assert.throws(() => normalizeGauzyBaseUrl('https://gauzy.example.com/?tenant=1'), /takes no query or fragment/);
  assert.throws(() => new GauzyHttp({ baseUrl: 'localhost:3000', log: silentLogger }), (error: unknown) => (error as { code?: string }).code === 'GMCP_ERR_CONFIG_INVALID');
});
