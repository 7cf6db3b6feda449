export { DEFAULT_PLUGIN_PACKAGES, loadPlugins, pluginPackagesFromEnv } from './plugins.js';
export { renderToolReference, writeOrCheckDocs } from './commands/docs.js';
export { toolsReport } from './commands/tools.js';
