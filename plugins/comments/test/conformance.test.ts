import { crudConformance } from '@gauzy-mcp/testkit';
import { commentEntity } from '../src/entities.js';
import commentsPlugin from '../src/index.js';
import { commentsSandbox } from '../src/sandbox.js';

// The standard comment tools (list, get, create, update, delete), checked by the suite derived from the entity;
// comments.test.ts covers what the suite cannot know (authors, threads, search, who may edit).
// The activity log has only a list, and the rule's create_activity_log is a retired name, so the suite would take it
// for a create tool: comments.test.ts checks its paging, the employee's access and its text instead.
crudConformance({
  entity: commentEntity,
  plugin: commentsPlugin,
  sandboxEntities: commentsSandbox,
  sample: {
    create: (seed) => ({ entity: 'OrganizationProject', entityId: seed.projects[0]!.id, comment: 'Checked by the conformance suite' }),
    update: { comment: 'Edited by the conformance suite' },
  },
});
