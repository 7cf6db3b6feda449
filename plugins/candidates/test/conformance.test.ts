import { crudConformance } from '@gauzy-mcp/testkit';
import { candidateEntity } from '../src/entities.js';
import candidatesPlugin from '../src/index.js';
import { candidatesSandbox } from '../src/sandbox.js';

/*
 * The candidate tools under the rule's names (list, get, count, update, delete), checked by the suite derived from
 * the candidate entity. create_candidate is left out of it: it takes the candidate's user (name, email, password),
 * which are the user's columns, not the candidate's the suite compares; candidates.test.ts checks it, and
 * update_candidate's changes on a created row.
 */
crudConformance({
  entity: candidateEntity,
  plugin: { ...candidatesPlugin, tools: candidatesPlugin.tools.filter((tool) => tool.name !== 'create_candidate') },
  sandboxEntities: candidatesSandbox,
  sample: { create: {}, update: { rating: 4 } },
});
