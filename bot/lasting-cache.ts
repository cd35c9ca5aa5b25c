/**
 * Facts that can never change once they are true (who authored and merged a
 * merged pull request, the bytes of a release asset), kept across deliveries
 * so a long-running bot asks once. Never used for anything that can change:
 * permissions, team membership, timelines and tags are read on every event.
 */
export class LastingCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly capacity = 5000) {}

  get<T>(key: string): T | undefined {
    const value = this.entries.get(key) as T | undefined;
    if (value !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set<T>(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
