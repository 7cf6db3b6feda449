// A third-party pack: one entity described with defineEntity (src/entity.ts), its tools derived with
// crudTools, and its sandbox model (src/sandbox.ts, the `./sandbox` export) for tests. It imports only
// '@gauzy-mcp/core' and its own zod. Load it next to the built-in packs with (its toolset is not a
// default one, so name it)
//   GAUZY_MCP_PLUGINS=@gauzy-mcp/plugin-projects,gauzy-mcp-example-departments GAUZY_MCP_TOOLSETS=default,example-departments gauzy-mcp stdio
import { crudToolList, definePlugin } from '@gauzy-mcp/core';
import { departmentEntity } from './entity.js';

const TOOLSET = 'example-departments';

// list_departments, get_department_by_id, get_department_count, create_department, update_department,
// delete_department: names, titles and descriptions from the entity; only what a template cannot know here.
export const departmentTools = crudToolList(departmentEntity, {
  toolset: TOOLSET,
  tools: {
    // Gauzy's DELETE answers an unknown id with an empty 2xx: look the department up first.
    delete: { confirmExists: true },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});

export { departmentEntity };

export default definePlugin({
  name: 'example-departments',
  version: '0.2.0',
  description: 'Example plugin: organization departments (list, get, count, create, update, delete).',
  // Written literally: the kernel that loads the plugin checks its own API version against this range.
  kernel: '^1.0.0',
  toolsets: [{ name: TOOLSET, description: 'Organization departments (example plugin)', default: false }],
  tools: departmentTools,
});
