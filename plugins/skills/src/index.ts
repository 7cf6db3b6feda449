import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { AWARDS_TOOLSET, SKILLS_TOOLSET } from './entities.js';
import { awardCrudTools, getAward, listAwards, retiredAwardTools } from './tools/awards.js';
import { getSkill, listSkills, retiredSkillTools, skillCrudTools } from './tools/skills.js';

export const skillsPlugin = definePlugin({
  name: 'skills',
  version: packageJson.version,
  description: 'Gauzy skills (with the employees who have them) and employee awards.',
  kernel: '^1.1.0',
  toolsets: [
    { name: SKILLS_TOOLSET, description: 'Skills: who knows what, CRUD' },
    { name: AWARDS_TOOLSET, description: 'Employee awards: find, CRUD' },
  ],
  tools: [listSkills, getSkill, ...skillCrudTools, ...retiredSkillTools, listAwards, getAward, ...awardCrudTools, ...retiredAwardTools],
});

export default skillsPlugin;
