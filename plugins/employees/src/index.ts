import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { EMPLOYEES_ADMIN_TOOLSET, EMPLOYEES_BULK_TOOLSET, EMPLOYEES_TOOLSET } from './entities.js';
import { getTeamAvailability } from './tools/availability.js';
import { getEmployeeById, listEmployees } from './tools/lookup.js';
import { archiveEmployee, bulkCreateEmployees, createEmployee, restoreEmployee, updateEmployee } from './tools/manage.js';
import { getEmployeeStatistics, getWorkingEmployees } from './tools/statistics.js';

export const employeesPlugin = definePlugin({
  name: 'employees',
  version: packageJson.version,
  description: 'Gauzy employees: find by name, profiles, statistics, availability.',
  kernel: '^1.1.0',
  toolsets: [
    // Default: almost every prompt about people starts by finding them by name.
    { name: EMPLOYEES_TOOLSET, description: 'Employees: find by name or email, read one', default: true },
    { name: EMPLOYEES_ADMIN_TOOLSET, description: 'Employees: hire, change, archive and restore, statistics, availability, who works when' },
    { name: EMPLOYEES_BULK_TOOLSET, description: 'Employees in bulk: hire up to 50 at once' },
  ],
  tools: [
    listEmployees,
    getEmployeeById,
    createEmployee,
    updateEmployee,
    archiveEmployee,
    restoreEmployee,
    getWorkingEmployees,
    getEmployeeStatistics,
    getTeamAvailability,
    bulkCreateEmployees,
  ],
});

export default employeesPlugin;
