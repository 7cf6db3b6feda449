import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GauzyMcpError, normalizePage, refusalIn200 } from '../src/index.js';

test('a 200 answer that is only {message} is Gauzy refusing, with its message; records and pages pass', () => {
  const refusal = { message: 'Property "creator" was not found in "Task". Make sure your query is correct.' };
  assert.throws(() => normalizePage(refusal), (error: unknown) => error instanceof GauzyMcpError && error.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && (error.details.gauzyMessages as string[])[0] === refusal.message);
  assert.throws(() => refusalIn200(refusal), GauzyMcpError);
  // A record that happens to carry a message field, a page, an array: not refusals.
  assert.doesNotThrow(() => refusalIn200({ id: 'x', message: 'hello' }));
  assert.deepEqual(normalizePage({ items: [{ id: 'a' }], total: 1 }), { items: [{ id: 'a' }], total: 1, paged: true });
  assert.deepEqual(normalizePage([{ id: 'a' }]), { items: [{ id: 'a' }], total: 1, paged: false });
  assert.throws(() => normalizePage({ unexpected: true }), (error: unknown) => error instanceof GauzyMcpError && error.code === 'GMCP_ERR_GAUZY_BAD_RESPONSE');
});
