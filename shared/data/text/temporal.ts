/**
 * ISO 8601 dates and datetimes straight from bytes, as epoch milliseconds UTC.
 *
 * date:     `YYYY-MM-DD` (calendar-checked: 2023-02-29 is not a date).
 * datetime: a date, `T` or a space, `HH:MM`, optional `:SS`, optional
 *           fraction of any length, optional `Z` or offset `±HH:MM`, `±HHMM`
 *           or `±HH`. Without an offset the time is taken as UTC.
 */
const MS_PER_DAY = 86_400_000;
const ZERO = 0x30;

function digit(bytes: Uint8Array, at: number): number {
  const d = bytes[at] - ZERO;
  return d >= 0 && d <= 9 ? d : -100_000;
}

function twoDigits(bytes: Uint8Array, at: number): number {
  return digit(bytes, at) * 10 + digit(bytes, at + 1);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms of the `YYYY-MM-DD` at `bytes[at]`, or NaN. Reads exactly 10 bytes. */
function datePart(bytes: Uint8Array, at: number): number {
  if (bytes[at + 4] !== 0x2d || bytes[at + 7] !== 0x2d) return NaN;
  const year = twoDigits(bytes, at) * 100 + twoDigits(bytes, at + 2);
  const month = twoDigits(bytes, at + 5);
  const day = twoDigits(bytes, at + 8);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/** `YYYY-MM-DD` as epoch ms at 00:00 UTC, or NaN. */
export function parseDate(bytes: Uint8Array, start: number, end: number): number {
  return end - start === 10 ? datePart(bytes, start) : NaN;
}

/**
 * An ISO 8601 datetime as epoch ms UTC, or NaN. A bare date is accepted
 * (as midnight UTC) only when `acceptDate` is set.
 */
export function parseDatetime(bytes: Uint8Array, start: number, end: number, acceptDate: boolean): number {
  const length = end - start;
  if (length === 10) return acceptDate ? datePart(bytes, start) : NaN;
  if (length < 16) return NaN;
  const day = datePart(bytes, start);
  if (Number.isNaN(day)) return NaN;
  const separator = bytes[start + 10];
  if (separator !== 0x54 && separator !== 0x20 && separator !== 0x74) return NaN;
  let i = start + 11;
  const hour = twoDigits(bytes, i);
  if (bytes[i + 2] !== 0x3a) return NaN;
  const minute = twoDigits(bytes, i + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  i += 5;
  let ms = 0;
  if (i < end && bytes[i] === 0x3a) {
    if (i + 3 > end) return NaN;
    const second = twoDigits(bytes, i + 1);
    if (second < 0 || second > 59) return NaN;
    ms = second * 1000;
    i += 3;
    if (i < end && (bytes[i] === 0x2e || bytes[i] === 0x2c)) {
      i++;
      const fractionStart = i;
      let scale = 100;
      while (i < end) {
        const d = bytes[i] - ZERO;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
        i++;
      }
      if (i === fractionStart) return NaN;
    }
  }
  let offsetMinutes = 0;
  if (i < end) {
    const zone = bytes[i];
    if (zone === 0x5a || zone === 0x7a) {
      i++;
    } else if (zone === 0x2b || zone === 0x2d) {
      const sign = zone === 0x2d ? -1 : 1;
      const offsetHours = twoDigits(bytes, i + 1);
      if (i + 3 > end || offsetHours < 0 || offsetHours > 23) return NaN;
      i += 3;
      let offsetMins = 0;
      if (i < end) {
        if (bytes[i] === 0x3a) i++;
        if (i + 2 > end) return NaN;
        offsetMins = twoDigits(bytes, i);
        if (offsetMins < 0 || offsetMins > 59) return NaN;
        i += 2;
      }
      offsetMinutes = sign * (offsetHours * 60 + offsetMins);
    } else {
      return NaN;
    }
  }
  if (i !== end) return NaN;
  return day + (hour * 60 + minute - offsetMinutes) * 60_000 + ms;
}

/** `YYYY-MM-DD` of epoch ms (UTC). */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO 8601 in UTC with milliseconds, e.g. `2024-05-01T12:00:00.000Z`. */
export function formatDatetime(ms: number): string {
  return new Date(ms).toISOString();
}
