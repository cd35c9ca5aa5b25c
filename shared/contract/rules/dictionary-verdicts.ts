/**
 * Remembers a string rule's verdict per dictionary code, so a rule runs once
 * per distinct value instead of once per row.
 */
export class DictionaryVerdicts {
  private verdicts = new Int8Array(1024);

  constructor(private readonly passes: (text: string) => boolean) {}

  /** True when the dictionary entry `code` satisfies the rule. */
  test(code: number, dictionary: readonly string[]): boolean {
    if (code >= this.verdicts.length) {
      const grown = new Int8Array(Math.max(code + 1, this.verdicts.length * 2));
      grown.set(this.verdicts);
      this.verdicts = grown;
    }
    let verdict = this.verdicts[code];
    if (verdict === 0) {
      verdict = this.passes(dictionary[code]) ? 1 : 2;
      this.verdicts[code] = verdict;
    }
    return verdict === 1;
  }
}
