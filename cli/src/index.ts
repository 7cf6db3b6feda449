export { DEFAULT_PLUGIN_PACKAGES, importFromCli, loadPlugins, pluginPackagesFromEnv } from './plugins.js';
export { renderToolReference, writeOrCheckDocs } from './commands/docs.js';
export { toolsReport } from './commands/tools.js';
export { catalogSizes, type CatalogSizes } from './catalog-size.js';
