import { StringDecoder } from 'node:string_decoder';

/**
 * Keeps the last lines of a stream (a failed command's stderr) in bounded
 * memory: at most `maxLines` lines of at most `maxLineLength` characters.
 */
export class LineTail {
  private readonly lines: string[] = [];
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly maxLines = 40,
    private readonly maxLineLength = 2000,
  ) {}

  /** Adds a chunk of the stream. */
  push(chunk: Buffer | string): void {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const parts = text.split(/\r?\n/);
    this.partial = this.clip(parts.pop() ?? '');
    for (const line of parts) this.keep(line);
  }

  /** The kept lines, the unterminated last one included. */
  result(): string[] {
    const rest = this.partial + this.decoder.end();
    return rest === '' ? [...this.lines] : [...this.lines, this.clip(rest)].slice(-this.maxLines);
  }

  private keep(line: string): void {
    this.lines.push(this.clip(line));
    if (this.lines.length > this.maxLines) this.lines.shift();
  }

  private clip(line: string): string {
    // A progress bar redraws one line with \r: show what it says last.
    const last = line.lastIndexOf('\r');
    const visible = last === -1 ? line : line.slice(last + 1);
    return visible.length > this.maxLineLength ? `${visible.slice(0, this.maxLineLength)}…` : visible;
  }
}
