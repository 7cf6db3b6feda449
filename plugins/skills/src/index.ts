import { definePlugin, withBulkNames } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { AWARDS_TOOLSET, SKILLS_TOOLSET } from './entities.js';
import { awardCrudTools, getAward, listAwards, retiredAwardTools } from './tools/awards.js';
import { getSkill, listSkills, retiredSkillTools, skillCrudTools } from './tools/skills.js';

export const skillsPlugin = definePlugin({
  name: 'skills',
  version: packageJson.version,
  description: 'Gauzy skills (with the employees who have them) and employee awards.',
  kernel: '^1.2.0',
  toolsets: [
    { name: SKILLS_TOOLSET, description: 'Skills: who knows what, CRUD' },
    { name: AWARDS_TOOLSET, description: 'Employee awards: find, CRUD' },
  ],
  // Gauzy has no /api/skills/bulk or /api/employee-award/bulk: the reference's bulk names run the one-record tools once per item.
  tools: [
    listSkills, getSkill, ...withBulkNames(skillCrudTools, { create_skill: { bulk_create_skills: { field: 'skills' } } }), ...retiredSkillTools,
    listAwards, getAward,
    ...withBulkNames(awardCrudTools, {
      create_employee_award: { bulk_create_employee_awards: { field: 'awards' } },
      update_employee_award: { bulk_update_employee_awards: { field: 'awards' } },
      delete_employee_award: { bulk_delete_employee_awards: { field: 'ids', ids: true } },
    }),
    ...retiredAwardTools,
  ],
});

export default skillsPlugin;
