/** Number of set bytes in mask[0..length); 0 for an absent mask. */
export function countMask(mask: Uint8Array | undefined, length: number): number {
  if (mask === undefined) return 0;
  let total = 0;
  for (let i = 0; i < length; i++) total += mask[i];
  return total;
}
