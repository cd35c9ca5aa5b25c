import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openCsv } from '../../../shared/data/csv/reader.js';
import { openTable, type ColumnType } from '../../../shared/data/index.js';
import { UsageError } from '../../../shared/errors/index.js';
import { expectInputError, fixture, invalidRows, readAll, tempDir, typesOf } from '../helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

const utc = (iso: string): number => Date.parse(iso);

describe('CSV: RFC 4180 and types', () => {
  it('reads quotes, doubled quotes, embedded newlines and infers every type', async () => {
    const reader = await openTable(fixture('people.csv'));
    expect(reader.format).toBe('csv');
    expect(reader.schema.fields).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'string' },
      { name: 'score', type: 'float' },
      { name: 'active', type: 'boolean' },
      { name: 'joined', type: 'date' },
      { name: 'seen_at', type: 'datetime' },
      { name: 'tier', type: 'category' },
    ]);
    const result = await readAll(reader);
    expect(result.rows).toBe(5);
    expect(result.columns.id).toEqual([1, 2, 3, 4, 5]);
    expect(result.columns.name).toEqual(['Ada', 'Lovelace, Ada', 'She said "hi"', 'two\nlines', 'Zoe']);
    expect(result.columns.score).toEqual([3.5, 4, null, 1000, -0.25]);
    expect(result.columns.active).toEqual([true, false, true, false, true]);
    expect(result.columns.joined).toEqual([utc('2024-01-02T00:00:00Z'), utc('2024-02-29T00:00:00Z'), null, utc('2023-12-31T00:00:00Z'), utc('2024-03-01T00:00:00Z')]);
    expect(result.columns.seen_at).toEqual([
      utc('2024-01-02T10:00:00Z'),
      utc('2024-02-29T23:59:59.250+02:00'),
      null,
      utc('2023-12-31T00:00:00-05:30'),
      utc('2024-03-01T12:30:00Z'),
    ]);
    expect(result.columns.tier).toEqual(['gold', 'silver', 'gold', 'silver', 'gold']);
    // Row 4 spans lines 5-6, so row 5 starts on line 7.
    expect(result.lines).toEqual([2, 3, 4, 5, 7]);
    expect(reader.invalidCounts).toEqual({ id: 0, name: 0, score: 0, active: 0, joined: 0, seen_at: 0, tier: 0 });
  });

  it('reads CRLF line endings and a UTF-8 BOM the same as LF', async () => {
    const text = '\uFEFFname,amount\r\n"x, y",1.5\r\n"multi\r\nline",2\r\nplain,3\r\n';
    const result = await readAll(await openTable(temp.write('crlf.csv', text)));
    expect(result.columns).toEqual({ name: ['x, y', 'multi\r\nline', 'plain'], amount: [1.5, 2, 3] });
    expect(result.lines).toEqual([2, 3, 5]);
  });

  it('reads lone CR line endings and a last record without a newline', async () => {
    const result = await readAll(await openTable(temp.write('cr.csv', 'a,b\r1,2\r3,4')));
    expect(result.columns).toEqual({ a: [1, 3], b: [2, 4] });
  });

  it('counts a lone CR inside a quoted field as a line break, as between records', async () => {
    const result = await readAll(await openTable(temp.write('cr-quoted.csv', 'a,b\r1,"x\ry"\r2,3\r4,5\r')));
    expect(result.lines).toEqual([2, 4, 5]);
    await expectInputError(async () => {
      for await (const batch of await openTable(temp.write('cr-ragged.csv', 'a,b\r1,"x\ry"\r2,3,4\r'))) void batch;
    }, { line: 4, message: /3 fields/ });
  });

  it('ignores blank lines at the end of the file', async () => {
    const result = await readAll(await openTable(temp.write('trailing.csv', 'a,b\n1,2\n\n\r\n\n')));
    expect(result.columns).toEqual({ a: [1], b: [2] });
  });

  it('reads an empty line as a null value in a one-column file', async () => {
    const result = await readAll(await openTable(temp.write('one.csv', 'a\n1\n\n3\n')));
    expect(result.columns).toEqual({ a: [1, null, 3] });
  });

  it('releases the file when closed before reading', async () => {
    const reader = await openTable(fixture('people.csv'));
    await reader.close();
    await reader.close();
    expect(reader.schema.fields).toHaveLength(7);
  });

  it('reads a header-only file as zero rows of text columns', async () => {
    const reader = await openTable(fixture('header-only.csv'));
    expect(reader.schema.fields.map((field) => field.type)).toEqual(['string', 'string', 'string']);
    expect((await readAll(reader)).rows).toBe(0);
  });

  it('reads quoted numbers and numbers with surrounding spaces', async () => {
    const result = await readAll(await openTable(temp.write('quoted-numbers.csv', 'x,y\n"1.5", 2\n" 3 ",4 \n')));
    expect(result.columns).toEqual({ x: [1.5, 3], y: [2, 4] });
  });

  it('reads long and exotic numbers exactly like Number()', async () => {
    const texts = ['0.1', '1234567890.12345678', '9007199254740993', '-1.5e-300', '.5', '5.', '+3', '123456789012345', '0.000000000000000000001234'];
    const result = await readAll(await openTable(temp.write('exotic.csv', `v\n${texts.join('\n')}\n`)));
    expect(result.columns.v).toEqual(texts.map(Number));
  });

  it('treats a quoted empty field as null', async () => {
    const result = await readAll(await openTable(temp.write('empty-quoted.csv', 'a,b\n"",x\n1,""\n')));
    expect(result.columns).toEqual({ a: [null, 1], b: ['x', null] });
  });

  it('keeps dictionary codes stable across batches', async () => {
    const lines = ['c'];
    for (let i = 0; i < 10; i++) lines.push(['a', 'b', 'c'][i % 3]);
    const reader = await openTable(temp.write('codes.csv', `${lines.join('\n')}\n`), { batchSize: 4 });
    const result = await readAll(reader);
    expect(result.batches.map((batch) => batch.length)).toEqual([4, 4, 2]);
    const dictionaries = result.batches.map((batch) => (batch.columns[0].kind === 'string' ? batch.columns[0].dictionary : undefined));
    expect(dictionaries[0]).toBe(dictionaries[2]);
    expect(dictionaries[0]).toEqual(['a', 'b', 'c']);
    const codes = result.batches.flatMap((batch) => (batch.columns[0].kind === 'string' ? [...batch.columns[0].codes] : []));
    expect(codes).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
  });

  it('reads .gz files through gunzip', async () => {
    const path = temp.write('data.csv.gz', gzipSync('a,b\n1,x\n2,y\n'));
    const result = await readAll(await openTable(path));
    expect(result.columns).toEqual({ a: [1, 2], b: ['x', 'y'] });
  });
});

describe('CSV: delimiters', () => {
  it('uses tabs for .tsv files', async () => {
    const reader = await openTable(fixture('cities.tsv'));
    expect(reader.schema.fields).toEqual([
      { name: 'city', type: 'string' },
      { name: 'count', type: 'integer' },
      { name: 'rate', type: 'float' },
    ]);
    const result = await readAll(reader);
    expect(result.columns).toEqual({ city: ['Oslo', 'Rome', 'Lima'], count: [10, 7, null], rate: [0.5, 1.25, 2] });
  });

  it('detects semicolons (and reads a decimal comma as text, not as a guessed number)', async () => {
    const result = await readAll(await openTable(fixture('semicolon.txt')));
    expect(result.columns).toEqual({ a: [1, 2], b: ['x', 'y'], c: ['2,5', '3,5'] });
  });

  it('uses the delimiter given', async () => {
    const result = await readAll(await openTable(temp.write('pipes.csv', 'a|b,c\n1|x,y\n'), { delimiter: '|' }));
    expect(result.columns).toEqual({ a: [1], 'b,c': ['x,y'] });
  });

  it('rejects a delimiter that is not one ASCII character', async () => {
    await expect(openTable(fixture('people.csv'), { delimiter: '::' })).rejects.toBeInstanceOf(UsageError);
    await expect(openTable(fixture('people.csv'), { delimiter: '"' })).rejects.toBeInstanceOf(UsageError);
    await expect(openTable(fixture('people.csv'), { batchSize: 0 })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('CSV: inference, declared types and invalid values', () => {
  it('promotes integers to float when the sample has decimals; 0/1 stays integer', async () => {
    expect(await typesOf(temp.write('promote.csv', 'x,flag\n1,0\n2.5,1\n3,1\n'))).toEqual(['float', 'integer']);
  });

  it('keeps codes with leading zeros and whole numbers beyond 2^53 as text (a number would change them)', async () => {
    const path = temp.write('codes.csv', 'zip,id,big,plain,signed\n00123,007,12345678901234567890,0,-0\n02134,012,9007199254740993,10,-10\n');
    expect(await typesOf(path)).toEqual(['string', 'string', 'string', 'integer', 'integer']);
    const read = await readAll(await openTable(path));
    expect(read.columns.zip).toEqual(['00123', '02134']);
    expect(read.columns.big).toEqual(['12345678901234567890', '9007199254740993']);
    // 2^53 itself is still exact; so are decimals with a zero before the point.
    expect(await typesOf(temp.write('edge.csv', 'n,f\n9007199254740991,0.5\n-9007199254740991,-0.25\n'))).toEqual(['integer', 'float']);
    expect(await typesOf(temp.write('lead.csv', 'f\n00.5\n1.5\n'))).toEqual(['string']);
  });

  it('reads yes/no as text unless declared boolean', async () => {
    const path = temp.write('yesno.csv', 'ok\nyes\nno\nyes\nno\n');
    expect(await typesOf(path)).toEqual(['category']);
    const declared = await readAll(await openTable(path, { types: { ok: 'boolean' } }));
    expect(declared.columns.ok).toEqual([true, false, true, false]);
  });

  it('infers datetime for a mix of dates and datetimes', async () => {
    const reader = await openTable(temp.write('mixed-dates.csv', 't\n2024-01-01\n2024-01-02T05:00:00Z\n'));
    expect(reader.schema.fields[0].type).toBe('datetime');
    expect((await readAll(reader)).columns.t).toEqual([utc('2024-01-01T00:00:00Z'), utc('2024-01-02T05:00:00Z')]);
  });

  it('applies the category bound and the repetition rule', async () => {
    const repeated = ['a', 'b', 'a', 'b'].join('\n');
    const distinct = ['a', 'b', 'c', 'd'].join('\n');
    expect(await typesOf(temp.write('cat1.csv', `v\n${repeated}\n`))).toEqual(['category']);
    expect(await typesOf(temp.write('cat2.csv', `v\n${distinct}\n`))).toEqual(['string']);
    expect(await typesOf(temp.write('cat3.csv', `v\n${repeated}\n`), { categoryMaxDistinct: 1 })).toEqual(['string']);
  });

  it('reads an all-empty column as text', async () => {
    const reader = await openTable(temp.write('all-null.csv', 'a,b\n1,\n2,\n'));
    expect(reader.schema.fields[1]).toEqual({ name: 'b', type: 'string' });
    expect((await readAll(reader)).columns.b).toEqual([null, null]);
  });

  it('marks values after the sample that do not fit as invalid, counts them and keeps examples', async () => {
    const path = temp.write('late.csv', 'n,d\n1,2024-01-01\n2,2024-01-02\n3,2024-01-03\n4.5,2024-02-30\nabc,2024-01-05\n6,\n');
    const reader = await openTable(path, { inferenceRows: 3 });
    expect(reader.schema.fields.map((field) => field.type)).toEqual(['integer', 'date']);
    const result = await readAll(reader);
    expect(result.columns.n).toEqual([1, 2, 3, null, null, 6]);
    expect(result.columns.d).toEqual([utc('2024-01-01'), utc('2024-01-02'), utc('2024-01-03'), null, utc('2024-01-05'), null]);
    expect(invalidRows(result, 'n')).toEqual([3, 4]);
    expect(invalidRows(result, 'd')).toEqual([3]);
    expect(reader.invalidCounts).toEqual({ n: 2, d: 1 });
    expect(reader.invalidExamples).toEqual([
      { row: 3, line: 5, column: 'n', expected: 'integer', text: '4.5' },
      { row: 3, line: 5, column: 'd', expected: 'date', text: '2024-02-30' },
      { row: 4, line: 6, column: 'n', expected: 'integer', text: 'abc' },
    ]);
  });

  it('lets declared types override inference and flags what does not fit', async () => {
    const path = temp.write('declared.csv', 'id,code,when\n1,007,2024-01-01\n2,x,not a date\n');
    const reader = await openTable(path, { types: { code: 'string', id: 'float', when: 'datetime' } });
    expect(reader.schema.fields).toEqual([
      { name: 'id', type: 'float' },
      { name: 'code', type: 'string' },
      { name: 'when', type: 'datetime' },
    ]);
    const result = await readAll(reader);
    expect(result.columns.code).toEqual(['007', 'x']);
    expect(result.columns.when).toEqual([utc('2024-01-01T00:00:00Z'), null]);
    expect(reader.invalidCounts.when).toBe(1);
  });

  it('reads only the empty field as null by default, and nullValues when given', async () => {
    const path = temp.write('na.csv', 'x,y\n1,NA\nNA,b\n3,-999\n');
    const plain = await readAll(await openTable(path));
    expect(plain.columns.x).toEqual(['1', 'NA', '3']);
    const reader = await openTable(path, { nullValues: ['NA', '-999'] });
    expect(reader.schema.fields.map((field) => field.type)).toEqual(['integer', 'string']);
    const result = await readAll(reader);
    expect(result.columns).toEqual({ x: [1, null, 3], y: [null, 'b', null] });
    expect(reader.invalidCounts).toEqual({ x: 0, y: 0 });
  });

  it('counts every invalid value but keeps at most 20 examples per column', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => (i === 0 ? '1' : `bad${i}`));
    const reader = await openTable(temp.write('many-bad.csv', `v\n${rows.join('\n')}\n`), { types: { v: 'integer' } });
    await readAll(reader);
    expect(reader.invalidCounts.v).toBe(29);
    expect(reader.invalidExamples).toHaveLength(20);
    expect(reader.invalidExamples[19]).toEqual({ row: 20, line: 22, column: 'v', expected: 'integer', text: 'bad20' });
  });
});

/** Writes a CSV field the way a careful writer would. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

describe('CSV: chunk boundaries (property)', () => {
  const textCell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '€', '😀', 'z'), minLength: 1, maxLength: 8 });
  const numberCell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: -1000, max: 1000 }));

  it('reads the same table whatever the chunk size and line ending', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(textCell, numberCell, fc.option(textCell, { nil: null })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, chunkSize, newline) => {
          const text = ['t,n,o', ...rows.map(([t, n, o]) => `${quote(t)},${String(n)},${o === null ? '' : quote(o)}`)].join(newline) + newline;
          const path = temp.write(`prop-${run++}.csv`, text);
          const types: Record<string, ColumnType> = { t: 'string', n: 'float', o: 'string' };
          const result = await readAll(await openCsv(path, { types, batchSize: 5 }, { gzip: false, chunkSize }));
          expect(result.columns.t).toEqual(rows.map(([t]) => t));
          expect(result.columns.n).toEqual(rows.map(([, n]) => Number(String(n))));
          expect(result.columns.o).toEqual(rows.map(([, , o]) => o));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('CSV: bad input', () => {
  it('reports a row with too few fields with its line and the counts', async () => {
    const path = fixture('ragged.csv');
    await expectInputError(async () => readAll(await openTable(path)), { file: path, line: 3, message: /expected 3 fields .* got 2 fields/ });
  });

  it('reports a row with too many fields (after the inference sample too)', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},x`);
    rows.push('20,x,extra,more');
    const path = temp.write('too-many.csv', `a,b\n${rows.join('\n')}\n`);
    await expectInputError(async () => readAll(await openTable(path, { inferenceRows: 5 })), { line: 22, message: /expected 2 fields .* got 4 fields/ });
  });

  it('reports an unterminated quote at the line and column where it opened', async () => {
    const path = fixture('unterminated.csv');
    await expectInputError(async () => readAll(await openTable(path)), { file: path, line: 3, column: 3, message: /unterminated quoted field/ });
  });

  it('reports text after a closing quote', async () => {
    const path = temp.write('after-quote.csv', 'a,b\n1,"x"y\n');
    await expectInputError(async () => readAll(await openTable(path)), { line: 2, column: 6, message: /unexpected text after a closing quote/ });
  });

  it('reports invalid UTF-8 with its line, column and byte offset', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,ok\n2,ab'), Buffer.from([0xff, 0x41]), Buffer.from('\n')]);
    const path = temp.write('latin1.csv', bytes);
    await expectInputError(async () => readAll(await openTable(path)), { line: 3, column: 5, message: /invalid UTF-8 at byte offset 13/ });
  });

  it('reports invalid UTF-8 inside a quoted field with doubled quotes at the bad byte, not the field start', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,x\n2,"a""b\nq'), Buffer.from([0xff]), Buffer.from('c"\n')]);
    const path = temp.write('bad-escaped.csv', bytes);
    await expectInputError(async () => readAll(await openTable(path)), { line: 4, column: 2, message: /invalid UTF-8 at byte offset 17;/ });
  });

  it('reports invalid UTF-8 in a numeric column too', async () => {
    const bytes = Buffer.concat([Buffer.from('n\n1\n2\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    await expectInputError(async () => readAll(await openTable(temp.write('bad-number.csv', bytes))), { line: 4, column: 1, message: /invalid UTF-8/ });
  });

  it('reports invalid UTF-8 in the header', async () => {
    const path = temp.write('bad-header.csv', Buffer.concat([Buffer.from('a,'), Buffer.from([0xe9]), Buffer.from('t\n1,2\n')]));
    await expectInputError(() => openTable(path), { line: 1, column: 3, message: /invalid UTF-8 at byte offset 2/ });
  });

  it('reports invalid UTF-8 inside a quoted field that spans lines, at its own line', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,"first\nsecond '), Buffer.from([0xff]), Buffer.from('"\n')]);
    await expectInputError(async () => readAll(await openTable(temp.write('bad-quoted.csv', bytes))), { line: 3, column: 8, message: /invalid UTF-8/ });
  });

  it('refuses UTF-16 files', async () => {
    const path = temp.write('utf16.csv', Buffer.from('\uFEFFa,b\n', 'utf16le'));
    await expectInputError(() => openTable(path), { line: 1, message: /UTF-16/ });
  });

  it('reports an empty file', async () => {
    const path = fixture('empty.csv');
    await expectInputError(() => openTable(path), { file: path, message: /empty; expected a header row/ });
  });

  it('reports a blank header row', async () => {
    await expectInputError(() => openTable(temp.write('blank-header.csv', '\n1,2\n')), { line: 1, message: /header row is empty/ });
  });

  it('reports an empty and a duplicate column name', async () => {
    await expectInputError(() => openTable(temp.write('empty-name.csv', 'a,,c\n1,2,3\n')), { line: 1, message: /header field 2 is empty/ });
    const path = fixture('duplicate-header.csv');
    await expectInputError(() => openTable(path), { file: path, line: 1, message: /"a" appears twice in the header \(fields 1 and 3\)/ });
  });

  it('reports a blank line inside the data', async () => {
    await expectInputError(async () => readAll(await openTable(temp.write('blank-middle.csv', 'a,b\n1,2\n\n3,4\n'))), { line: 3, message: /blank line inside the data; expected 2 fields/ });
  });

  it('reports a corrupt gzip file', async () => {
    const path = temp.write('broken.csv.gz', Buffer.from('not gzip at all'));
    await expectInputError(() => openTable(path), { file: path, message: /not a readable gzip file/ });
  });
});

describe('CSV: reuseBatches', () => {
  it('writes every batch into the same buffers, with the same values and fresh invalid masks', async () => {
    const path = temp.write('reuse.csv', 'x,s\n1,a\n2,b\nbad,a\n4,\n5,c\n');
    const types: Record<string, ColumnType> = { x: 'integer', s: 'string' };
    const snapshots: { buffer: ArrayBufferLike; x: (number | null)[]; invalid: number[] | undefined; s: (string | null)[] }[] = [];
    for await (const batch of await openTable(path, { types, batchSize: 2, reuseBatches: true })) {
      const [x, s] = batch.columns;
      if (x.kind !== 'number' || s.kind !== 'string') throw new Error('unexpected column kinds');
      snapshots.push({
        buffer: x.values.buffer,
        x: Array.from(x.values, (v, i) => (x.nulls[i] === 1 ? null : v)),
        invalid: x.invalid && Array.from(x.invalid),
        s: Array.from(s.codes, (code, i) => (s.nulls[i] === 1 ? null : s.dictionary[code])),
      });
    }
    expect(snapshots.map(({ x, invalid, s }) => ({ x, invalid, s }))).toEqual([
      { x: [1, 2], invalid: undefined, s: ['a', 'b'] },
      { x: [null, 4], invalid: [1, 0], s: ['a', null] },
      { x: [5], invalid: undefined, s: ['c'] },
    ]);
    expect(new Set(snapshots.map((snapshot) => snapshot.buffer)).size).toBe(1);
  });
});
