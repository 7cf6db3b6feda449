import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

/** Gauzy's report categories and reports (packages/core/src/lib/reports/report.seed.ts), by category. */
const CATALOG: Record<string, Array<[name: string, slug: string, description: string]>> = {
  'Time Tracking': [
    ['Time & Activity', 'time-activity', "See team members' time worked, activity levels, and amounts earned per project or task"],
    ['Weekly', 'weekly', "See team members' time worked, activity levels, and amount earned per week"],
    ['Apps & URLs', 'apps-urls', "See team members' apps used and URLs visited while working"],
    ['Manual time edits', 'manual-time-edits', "See team members' time worked, project, task, and reason for each manual time entry"],
    ['Expense', 'expense', 'See how much has been spent on expenses by member and project.'],
  ],
  Payments: [
    ['Amounts owed', 'amounts-owed', 'See how much team members are currently owed'],
    ['Payments', 'payments', 'See how much team members were paid over a given period'],
  ],
  'Time Off': [
    ['Weekly limits', 'weekly-limits', "See team members' weekly limits usage"],
    ['Daily limits', 'daily-limits', "See team members' daily limits usage"],
  ],
  Invoicing: [
    ['Project budgets', 'project-budgets', "See how much of your projects' budgets have been spent"],
    ['Client budgets', 'client-budgets', "See how much of your clients' budgets have been spent"],
  ],
};

/**
 * The report catalog, seeded for every tenant as Gauzy seeds it, and the demo organization's menu entries:
 * Gauzy enables every report for an organization when it is created (bulkCreateOrganizationReport).
 */
export function seedReportsDemo(store: SandboxStore, info: SeedInfo): void {
  for (const [category, reports] of Object.entries(CATALOG)) {
    const { id: categoryId } = insertEntity(store, 'reportCategory', { name: category, iconClass: null }, { tenantId: null });
    for (const [name, slug, description] of reports) {
      const report = insertEntity(store, 'report', { name, slug, description, categoryId, image: null, iconClass: null, showInMenu: false }, { tenantId: null });
      insertEntity(store, 'reportOrganization', { reportId: report.id, isEnabled: true, isActive: true, isArchived: false }, { tenantId: info.tenantId, organizationId: info.organizationId });
    }
  }
}
