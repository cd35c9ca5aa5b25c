/**
 * Booleans from bytes.
 *
 * Inferred: only `true`/`false` as `true`, `True`, `TRUE`, `false`, `False`,
 * `FALSE`. A column of 0/1 or yes/no stays integer or text unless a contract
 * declares it boolean; then `1`/`0`, `yes`/`no`, `y`/`n`, `t`/`f` (any case)
 * are read too, and true/false in any case.
 */
export const TRUE = 1;
export const FALSE = 0;
export const NOT_BOOLEAN = -1;

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
}

function matches(bytes: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (lower(bytes[start + i]) !== word.charCodeAt(i)) return false;
  return true;
}

function isOneCasing(bytes: Uint8Array, start: number, end: number): boolean {
  // `true`, `True` or `TRUE`: the rest of the word follows the second letter's case.
  const secondUpper = bytes[start + 1] <= 0x5a;
  for (let i = start + 1; i < end; i++) if (bytes[i] <= 0x5a !== secondUpper) return false;
  return !secondUpper || bytes[start] <= 0x5a;
}

/** TRUE, FALSE or NOT_BOOLEAN for a literal `true`/`false` in one of its three usual casings. */
export function parseBooleanLiteral(bytes: Uint8Array, start: number, end: number): number {
  if (matches(bytes, start, end, 'true')) return isOneCasing(bytes, start, end) ? TRUE : NOT_BOOLEAN;
  if (matches(bytes, start, end, 'false')) return isOneCasing(bytes, start, end) ? FALSE : NOT_BOOLEAN;
  return NOT_BOOLEAN;
}

/** TRUE, FALSE or NOT_BOOLEAN for the wider set a declared boolean column accepts. */
export function parseDeclaredBoolean(bytes: Uint8Array, start: number, end: number): number {
  if (matches(bytes, start, end, 'true')) return TRUE;
  if (matches(bytes, start, end, 'false')) return FALSE;
  if (end - start === 1) {
    const c = lower(bytes[start]);
    if (c === 0x31 || c === 0x79 || c === 0x74) return TRUE;
    if (c === 0x30 || c === 0x6e || c === 0x66) return FALSE;
    return NOT_BOOLEAN;
  }
  if (matches(bytes, start, end, 'yes')) return TRUE;
  if (matches(bytes, start, end, 'no')) return FALSE;
  return NOT_BOOLEAN;
}
