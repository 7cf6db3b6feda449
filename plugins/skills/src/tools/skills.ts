import { getTool, answerReadBack, crudToolList, defineTool, listOutput, listResult, personName, pagination, retiredTool, uuid, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeSkill, SKILL_SUMMARY_RELATIONS, skillBody, skillCreateFields, skillEntity, SKILLS_TOOLSET as toolset } from '../entities.js';
import { joinedReadBack, readOne, readPage } from './read.js';

type Item = Record<string, unknown>;

const PAGINATION = '/api/skills/pagination';
/** Skills are read 100 a page up to this many, to be filtered here (an organization has tens). */
const MAX_READ = 500;

/** Employees joined as `{ id, name }`, as the line names them. */
const compact = (skill: Item): Item => ({
  ...skill,
  employees: Array.isArray(skill.employees) ? (skill.employees as Item[]).map((employee) => ({ id: employee.id, name: personName(employee) })) : skill.employees,
});

async function readAllSkills(ctx: ToolContext): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let total = 0;
  for (let page = 1; items.length < MAX_READ; page++) {
    const read = await readPage(ctx, PAGINATION, {}, SKILL_SUMMARY_RELATIONS, 100, page);
    items.push(...read.items);
    total = read.total;
    if (read.items.length < 100 || items.length >= total) break;
  }
  return { items, total };
}

/**
 * Gauzy matches `where[name]` exactly and cannot filter a skill by employee, so the skills are read (with
 * their employees) and filtered here; the answer says how many were read.
 */
export const listSkills = defineTool({
  name: 'list_skills',
  title: 'Find skills',
  description: 'Find skills and who has them, by part of the name ("who knows React?") or by employeeId.',
  toolset,
  aliases: skillEntity.aliases?.list,
  effect: 'read',
  input: z.object({ name: z.string().trim().min(1).max(200).optional().describe('Contained, any case'), employeeId: uuid().optional(), ...pagination }),
  output: listOutput,
  routes: [`GET ${PAGINATION}`],
  async handler({ name, employeeId, take, skip }, ctx) {
    const read = await readAllSkills(ctx);
    const needle = name?.toLowerCase();
    const kept = read.items.filter(
      (skill) =>
        (!needle || String(skill.name ?? '').toLowerCase().includes(needle)) &&
        (!employeeId || (Array.isArray(skill.employees) && (skill.employees as Item[]).some((employee) => employee.id === employeeId))),
    );
    const result = listResult({ items: kept.map(compact), unpaged: true, skip, take, noun: 'skills', describe: describeSkill });
    if (!name && !employeeId) return result;
    const note = `Gauzy cannot filter skills by part of a name or by employee, so ${read.items.length} of ${read.total} skills were read and filtered here${read.items.length < read.total ? '; later ones were not read' : ''}.`;
    return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

export const getSkill = getTool(skillEntity, {
  name: 'get_skill_by_id',
  title: 'Get a skill',
  description: 'One skill by id with the employees who have it.',
  toolset,
  aliases: skillEntity.aliases?.get,
  read: { routes: [`GET ${PAGINATION}`], one: async (ctx, id) => compact(await readOne(ctx, PAGINATION, id, SKILL_SUMMARY_RELATIONS, 'skill')) },
});

const derivedSkillTools = crudToolList(skillEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: {
      description: 'Create a skill, optionally with the employees who have it (only creation can set them).',
      fields: skillCreateFields,
      body: (args) => skillBody(args),
    },
    update: { description: "Change a skill's name, colour or description; its employees cannot change." },
    delete: { description: 'Permanently delete one skill by id; the employees stay.' },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});

const joined = (verb: string) => ({ path: PAGINATION, relations: SKILL_SUMMARY_RELATIONS, noun: 'skill', verb, describe: describeSkill, compact });
export const skillCrudTools = derivedSkillTools.map((tool) =>
  tool.name === 'create_skill' ? answerReadBack(tool, joinedReadBack(joined('Created'))) : tool.name === 'update_skill' ? answerReadBack(tool, joinedReadBack(joined('Updated'))) : tool,
);

const noEmployeeRoute =
  "Gauzy has no route for a skill's employees (/api/skills/:id/employees does not exist), and PUT /api/skills/:id answers 202 but does not save them. " +
  'create_skill with employeeIds sets who has a new skill; list_skills with employeeId shows whose skills are whose.';

export const retiredSkillTools = [
  retiredTool({ name: 'assign_skill_to_employee', title: 'Give an employee a skill', toolset, reason: noEmployeeRoute }),
  retiredTool({ name: 'remove_skill_from_employee', title: 'Take a skill from an employee', toolset, reason: noEmployeeRoute }),
];

