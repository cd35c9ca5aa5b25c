import { InputError, type SourceLocation } from '../errors/index.js';

/**
 * Refuses the one column name the engine cannot hold: `__proto__` is, in a
 * JavaScript record keyed by column name, the record's prototype rather than
 * a key, so its values would vanish or break the profile. A clear error
 * beats a silently missing column.
 */
export function checkColumnName(name: string, where: SourceLocation, position: number): void {
  if (name === '__proto__') {
    throw new InputError(where, `column ${position} is named "__proto__", a name Tollgate cannot hold (it is JavaScript's object prototype); rename the column`);
  }
}
