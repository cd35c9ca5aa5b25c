import { parseDocument } from 'yaml';
import { parseYaml, type LocatedDocument } from '../config/yaml-document.js';
import { ConfigError, readTextFile } from '../errors/index.js';
import { contractSchema, type Contract } from './schema.js';

/** Reads and validates a contract file; errors name its line and column. */
export async function loadContract(file: string): Promise<LocatedDocument<Contract>> {
  return parseContract(await readTextFile(file), file);
}

/** Validates contract text (for tests and for contracts held in memory). */
export function parseContract(text: string, file = 'contract.yml'): LocatedDocument<Contract> {
  try {
    return parseYaml(text, file, contractSchema);
  } catch (error) {
    // An empty file would list every missing key; one line says what a contract needs.
    if (error instanceof ConfigError && parseDocument(text).contents === null) {
      throw new ConfigError({ file, line: 1, column: 1 }, 'the contract is empty; expected at least version: 1 and columns: (tollgate contract infer <data> writes a starting contract)');
    }
    throw error;
  }
}
