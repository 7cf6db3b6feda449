import { getTool, answerReadBack, crudToolList, defineTool, listOutput, listResult, pagination, personName, readRowWindow, retiredTool, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { AWARD_SUMMARY_RELATIONS, awardCreateFields, awardEntity, AWARDS_TOOLSET as toolset, describeAward } from '../entities.js';
import { joinedReadBack, readOne, readPage } from './read.js';

type Item = Record<string, unknown>;

const PAGINATION = '/api/employee-award/pagination';

const compactEmployee = (award: Item): Item => {
  const employee = award.employee as Item | undefined;
  if (!employee) return award;
  return { ...award, employee: { id: employee.id, name: personName(employee) } };
};

/** GET /api/employee-award reads only `where` (no paging, no relations): the list reads /pagination, which matches employeeId and year exactly, pages and joins the employee. */
export const listAwards = defineTool({
  name: 'list_employee_awards',
  title: 'Find employee awards',
  description: "Find employee awards (employee named) by employee and/or year; the total counts them.",
  toolset,
  aliases: awardEntity.aliases?.list,
  effect: 'read',
  input: z.object({ employeeId: uuid().optional(), year: awardEntity.fields.year.optional(), ...pagination }),
  output: listOutput,
  routes: [`GET ${PAGINATION}`],
  async handler({ employeeId, year, take, skip }, ctx) {
    const where = { ...(employeeId ? { employeeId } : {}), ...(year ? { year } : {}) };
    const page = await readRowWindow((size, number) => readPage(ctx, PAGINATION, where, AWARD_SUMMARY_RELATIONS, size, number), skip, take);
    return listResult({ items: page.items.map(compactEmployee), total: page.total, skip, take, noun: 'employee awards', describe: describeAward });
  },
});

export const getAward = getTool(awardEntity, {
  name: 'get_employee_award_by_id',
  title: 'Get an employee award',
  description: 'Get one employee award by id, with the employee by name.',
  toolset,
  aliases: awardEntity.aliases?.get,
  read: { routes: [`GET ${PAGINATION}`], one: async (ctx, id) => compactEmployee(await readOne(ctx, PAGINATION, id, AWARD_SUMMARY_RELATIONS, 'employee award')) },
});

const derivedAwardTools = crudToolList(awardEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: { description: 'Give an employee an award (name, year).', fields: awardCreateFields },
    update: { description: "Change an award's name or year." },
    delete: { description: 'Permanently delete one employee award by id.' },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});

const joined = (verb: string) => ({ path: PAGINATION, relations: AWARD_SUMMARY_RELATIONS, noun: 'employee award', verb, describe: describeAward, compact: compactEmployee });
export const awardCrudTools = derivedAwardTools.map((tool) =>
  tool.name === 'create_employee_award' ? answerReadBack(tool, joinedReadBack(joined('Created'))) : tool.name === 'update_employee_award' ? answerReadBack(tool, joinedReadBack(joined('Updated'))) : tool,
);

export const retiredAwardTools = [
  retiredTool({
    name: 'get_employee_awards_statistics',
    title: 'Employee award statistics',
    toolset,
    reason: 'Gauzy has no statistics route for employee awards (GET /api/employee-award/statistics would be read as /:id). list_employee_awards with employeeId or year lists them and their total.',
  }),
];
