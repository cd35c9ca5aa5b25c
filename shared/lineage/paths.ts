import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * `file` relative to `base` with forward slashes: the spelling recorded in
 * lineage and hashed into keys, so it is the same on every OS and checkout path.
 */
export function portablePath(base: string, file: string): string {
  const text = relative(base, resolve(base, file));
  if (text === '') return '.';
  return sep === '/' ? text : text.split(sep).join('/');
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin(outer: string, inner: string): boolean {
  const text = relative(resolve(outer), resolve(inner));
  return text === '' || (text !== '..' && !text.startsWith(`..${sep}`) && !isAbsolute(text));
}
