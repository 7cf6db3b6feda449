/** Fixed identifiers of the seeded sandbox so tests (and docs) can refer to them. */
export const SEED_IDS = {
  tenantId: '3d4d3f35-50d9-41c7-b7eb-9dc9c5b961c1',
  organizationId: '5fce8589-424d-4a12-b977-fe0378beb075',
  secondOrganizationId: '6a1f0c2e-8b0d-4c55-9d3e-2f4b7a9c1d02',
  roles: {
    SUPER_ADMIN: 'a90957d4-8abe-4d34-adc7-6002201e72b0',
    ADMIN: 'b1c2d3e4-0001-4a00-8000-000000000002',
    EMPLOYEE: 'd107b43d-26f6-4737-972c-81f53f32934c',
  },
  users: {
    superAdmin: { id: 'a11d3fc3-069c-420f-9bc2-96984de76f6c', employeeId: '4077b7dd-03dc-4e9c-9eb2-60dc48c1c0ba' },
    localAdmin: { id: 'b22e4fd4-17ad-431f-8cd3-a7a95ef87a7d', employeeId: '5188c8ee-14ed-4fad-afb4-71ed59593acb' },
    employee: { id: 'c246bf83-2155-4ed5-9b58-86258c82ffee', employeeId: '153713f5-eee6-4dd0-b52e-736804582c31' },
  },
  otherTenant: {
    tenantId: '7e0a5b1c-3d2f-4e6a-9b8c-0d1e2f3a4b5c',
    organizationId: '8f1b6c2d-4e3a-4f7b-8c9d-1e2f3a4b5c6d',
    roles: {
      SUPER_ADMIN: '9a2c7d3e-5f4b-4a8c-9d0e-2f3a4b5c6d7e',
      ADMIN: '9a2c7d3e-5f4b-4a8c-9d0e-2f3a4b5c6d7f',
      EMPLOYEE: '9a2c7d3e-5f4b-4a8c-9d0e-2f3a4b5c6d80',
    },
    admin: { id: 'ab3d8e4f-6a5c-4b9d-8e1f-3a4b5c6d7e8f', employeeId: 'bc4e9f5a-7b6d-4cae-9f2a-4b5c6d7e8f90' },
    projectId: 'cd5fa06b-8c7e-4dbf-8a3b-5c6d7e8f9a01',
    taskId: 'de60b17c-9d8f-4ec0-9b4c-6d7e8f9a0b12',
  },
} as const;

/** Seed passwords (Gauzy's env defaults for the three default users). */
export const SEED_PASSWORDS = {
  superAdmin: 'admin',
  localAdmin: 'admin',
  employee: '12345678',
  demoEmployees: '12345678',
  otherTenantAdmin: 'acme-admin',
} as const;
