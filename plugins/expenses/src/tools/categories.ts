import { defineTool, entityRoute, MAX_TAKE, listOutput, listResult, normalizePage, scopeWhere } from '@gauzy-mcp/core';
import { z } from 'zod';
import { describeCategory, EXPENSES_TOOLSET as toolset, expenseCategoryEntity } from '../entities.js';
import { hinted } from './read.js';

/**
 * The categories an expense is filed under (Gauzy seeds them per organization): GET /api/expense-categories
 * reads BaseQueryDTO as find options (`where`, row-offset `skip`). An organization has a handful, so the first
 * 100 are read without paging parameters (the answer says when there are more). Changing them stays in Gauzy's web client.
 */
export const listExpenseCategories = hinted(
  defineTool({
    name: 'list_expense_categories',
    title: 'List expense categories',
    description: "The organization's expense categories (an expense's categoryId).",
    toolset,
    aliases: expenseCategoryEntity.aliases?.list,
    effect: 'read',
    input: z.object({}),
    output: listOutput,
    routes: [entityRoute(expenseCategoryEntity, 'findAll')],
    async handler(_args, ctx) {
      const page = normalizePage(await ctx.gauzy.get(expenseCategoryEntity.path, { query: { where: scopeWhere(ctx.scope), order: { name: 'ASC' }, take: MAX_TAKE } }));
      return listResult({ items: page.items, total: page.total, unpaged: !page.paged, skip: 0, take: MAX_TAKE, noun: 'expense categories', describe: describeCategory });
    },
  }),
);
