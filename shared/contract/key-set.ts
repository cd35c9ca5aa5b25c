/**
 * A set of row keys held as 64-bit hashes in typed arrays: memory is 16 bytes
 * per distinct key instead of a JS object per row. Two distinct keys share a
 * hash with probability about n^2 / 2^65 (under 1e-6 at 5 million rows), which
 * is the price of not keeping every key's text.
 */
export class KeyHashSet {
  private table = new Uint32Array(2 * 1024);
  private mask = 1023;
  size = 0;

  /** Adds the hash pair; returns false when it was already present. */
  add(high: number, low: number): boolean {
    if (high === 0 && low === 0) low = 1; // (0, 0) marks an empty slot
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & this.mask;
    const table = this.table;
    while (true) {
      const at = slot * 2;
      const h = table[at];
      const l = table[at + 1];
      if (h === 0 && l === 0) {
        table[at] = high;
        table[at + 1] = low;
        this.size++;
        return true;
      }
      if (h === high >>> 0 && l === low >>> 0) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Uint32Array((this.mask + 1) * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] !== 0 || old[at + 1] !== 0) this.add(old[at], old[at + 1]);
    }
  }
}

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** Streams the parts of one key into two independent 32-bit hashes. */
export class KeyHasher {
  high = 0;
  low = 0;

  reset(): void {
    this.high = 0x811c9dc5;
    this.low = 0x01000193;
  }

  /** Adds a number (a float value, a dictionary code, a boolean as 0/1). */
  addNumber(value: number): void {
    scratch[0] = value === 0 ? 0 : value; // -0 and 0 are the same key
    this.mix(words[0]);
    this.mix(words[1]);
  }

  /** Adds a missing value, distinct from every number. */
  addNull(): void {
    this.mix(0x7ff80001);
    this.mix(0xdeadbeef);
  }

  private mix(word: number): void {
    let h = Math.imul(this.high ^ word, 0xcc9e2d51);
    h = (h << 15) | (h >>> 17);
    this.high = (Math.imul(h, 0x1b873593) + 0xe6546b64) | 0;
    let l = Math.imul(this.low ^ word, 0x85ebca6b);
    l = (l << 13) | (l >>> 19);
    this.low = (Math.imul(l, 0xc2b2ae35) + 0x27d4eb2f) | 0;
  }

  /** Final avalanche so nearby keys land far apart. */
  finish(): void {
    this.high = avalanche(this.high) >>> 0;
    this.low = avalanche(this.low ^ this.high) >>> 0;
  }
}

function avalanche(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
