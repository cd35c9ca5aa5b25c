import { loadYamlFile, parseYaml, type LocatedDocument } from '../config/yaml-document.js';
import { contractSchema, type Contract } from './schema.js';

/** Reads and validates a contract file; errors name its line and column. */
export function loadContract(file: string): Promise<LocatedDocument<Contract>> {
  return loadYamlFile(file, contractSchema);
}

/** Validates contract text (for tests and for contracts held in memory). */
export function parseContract(text: string, file = 'contract.yml'): LocatedDocument<Contract> {
  return parseYaml(text, file, contractSchema);
}
