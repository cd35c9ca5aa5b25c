export { tollgateConfigSchema, modelSchema, type TollgateConfig, type ModelSettings } from './schema.js';
export { loadConfig, parseConfig, CONFIG_PATH } from './load.js';
export { loadYamlFile, parseYaml, formatPath, describeIssue, type LocatedDocument, type DocumentPath } from './yaml-document.js';
