// Run by the CLI's build, after the packs and the kernel are built: converts every default pack's tool schemas
// once and keeps them beside the pack's files (see prebuilt-schemas.ts). Not part of the published commands.
import { loadPlugins, DEFAULT_PLUGIN_PACKAGES } from './plugins.js';
import { entryDirectory, kernelCode, writePrebuiltSchemas } from './prebuilt-schemas.js';

const kernel = kernelCode();
const plugins = await loadPlugins(DEFAULT_PLUGIN_PACKAGES);
plugins.forEach((plugin, index) => writePrebuiltSchemas(plugin, entryDirectory(DEFAULT_PLUGIN_PACKAGES[index]!), kernel));
process.stderr.write(`prebuilt the tool schemas of ${plugins.length} packs\n`);
