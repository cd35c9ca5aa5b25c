import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDate, formatDatetime, parseDate, parseDatetime } from '../../../shared/data/text/temporal.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const date = (text: string): number => parseDate(bytes(text), 0, text.length);
const datetime = (text: string, acceptDate = false): number => parseDatetime(bytes(text), 0, text.length, acceptDate);

describe('parseDate', () => {
  it.each(['1970-01-01', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31', '1900-03-01'])('reads %s like Date.parse', (text) => {
    expect(date(text)).toBe(Date.parse(`${text}T00:00:00Z`));
  });

  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '2024/01/01', '20240101', '2024-01-01 ', 'abcd-ef-gh'])(
    'rejects %j',
    (text) => {
      expect(date(text)).toBeNaN();
    },
  );

  it('counts days like the calendar', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2024, 1, 1)).toBe(19723);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
  });
});

describe('parseDatetime', () => {
  it.each([
    ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05Z'],
    ['2024-01-02 03:04:05', '2024-01-02T03:04:05Z'],
    ['2024-01-02T03:04', '2024-01-02T03:04:00Z'],
    ['2024-01-02T03:04:05.123Z', '2024-01-02T03:04:05.123Z'],
    ['2024-01-02T03:04:05.5+02:00', '2024-01-02T03:04:05.500+02:00'],
    ['2024-01-02T03:04:05-0530', '2024-01-02T03:04:05-05:30'],
    ['2024-01-02T23:00:00+01', '2024-01-02T23:00:00+01:00'],
    ['2024-01-02t03:04:05z', '2024-01-02T03:04:05Z'],
  ])('reads %s', (text, iso) => {
    expect(datetime(text)).toBe(Date.parse(iso));
  });

  it('keeps sub-millisecond digits as a fraction of a millisecond', () => {
    expect(datetime('1970-01-01T00:00:00.0015Z')).toBeCloseTo(1.5, 9);
  });

  it('reads a bare date only when asked to', () => {
    expect(datetime('2024-01-02')).toBeNaN();
    expect(datetime('2024-01-02', true)).toBe(Date.parse('2024-01-02T00:00:00Z'));
  });

  it.each(['2024-01-02T24:00:00Z', '2024-01-02T10:60:00Z', '2024-01-02T10:00:61Z', '2024-01-02T10:00:00.Z', '2024-01-02T10:00:00+25:00', '2024-01-02X10:00:00', '2024-01-02T10:00:00 UTC', '2024-02-30T00:00:00Z'])(
    'rejects %j',
    (text) => {
      expect(datetime(text, true)).toBeNaN();
    },
  );
});

describe('formatting', () => {
  it('writes ISO dates and datetimes in UTC', () => {
    expect(formatDate(Date.parse('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
    expect(formatDatetime(Date.parse('2024-02-29T12:34:56.789Z'))).toBe('2024-02-29T12:34:56.789Z');
  });
});
