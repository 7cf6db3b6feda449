import packageJson from '../package.json' with { type: 'json' };

/** The kernel's version, read from its package.json so it is never written twice. */
export const KERNEL_VERSION: string = packageJson.version;
