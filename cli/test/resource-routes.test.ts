import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findGauzyRoute } from '@gauzy-mcp/testkit';
import { allPlugins } from './helpers.js';

test('every route a resource declares exists in the Gauzy route table with that method', async () => {
  const declared: string[] = [];
  const unknown: string[] = [];
  for (const plugin of await allPlugins()) {
    for (const resource of [...(plugin.resources ?? []), ...(plugin.resourceTemplates ?? [])]) {
      const name = 'uri' in resource ? resource.uri : resource.uriTemplate;
      for (const route of resource.routes ?? []) {
        declared.push(`${name}: ${route}`);
        const [method, path] = route.split(' ') as [string, string];
        if (!findGauzyRoute(method, path)) unknown.push(`${name}: ${route}`);
      }
    }
  }
  assert.ok(declared.length >= 3, `the live views declare their routes: ${declared.join('; ')}`);
  assert.deepEqual(unknown, []);
});
