import type { SandboxEntity } from '@gauzy-mcp/core';

/** What the testkit's sandbox needs to serve this pack's entities. Test code only. */
export const equipmentSandbox: readonly SandboxEntity[] = [];
