// A third-party pack in ~40 lines: describe the entity once, declare each tool as data.
// Load it next to the built-in packs with (its toolset is not a default one, so name it)
//   GAUZY_MCP_PLUGINS=@gauzy-mcp/plugin-projects,gauzy-mcp-example-teams GAUZY_MCP_TOOLSETS=default,example-teams gauzy-mcp stdio
import { defineEntity, definePlugin, getTool, KERNEL_API_VERSION, listTool } from '@gauzy-mcp/core';
import { z } from 'zod';

const teamEntity = defineEntity({
  noun: 'team',
  plural: 'teams',
  path: '/api/organization-team',
  relations: ['members', 'projects'],
});

export const listTeams = listTool(teamEntity, {
  name: 'example_list_teams',
  title: 'List teams',
  description: 'List the organization\'s teams, optionally only public or private ones.',
  toolset: 'example-teams',
  filters: { public: z.boolean().optional().describe('Only public (true) or private (false) teams') },
});

export const getTeam = getTool(teamEntity, {
  name: 'example_get_team',
  title: 'Get a team',
  description: 'Get one team by id, optionally with its members and projects.',
  toolset: 'example-teams',
});

export default definePlugin({
  name: 'example-teams',
  version: '0.1.0',
  description: 'Example plugin: organization teams, read-only.',
  kernel: KERNEL_API_VERSION,
  toolsets: [{ name: 'example-teams', description: 'Organization teams (example plugin)', default: false }],
  tools: [listTeams, getTeam],
});
