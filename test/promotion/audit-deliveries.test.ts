/**
 * The audit record's delivery list is capped: every delivery (each reconcile
 * pass too) appends its id, and the record rides in the status comment,
 * which GitHub caps at 65,536 characters.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAuditRecord, capDeliveries, deliveryCount, DELIVERIES_KEPT_FIRST, DELIVERIES_KEPT_LAST, omittedDeliveriesEntry } from '../../shared/promotion/audit.js';
import { computePromotionState } from '../../shared/promotion/index.js';
import { promotionStatusComment, readAuditBlock } from '../../shared/report/promotion.js';
import { baseInput, comment } from './fixtures.js';

const GITHUB_COMMENT_LIMIT = 65_536;
const EXTRAS = { policyBlobSha: 'f'.repeat(40), evaluation: { digest: null, decision: 'promote' }, previousHolderCommit: null };

describe('the deliveries of an audit record', () => {
  it('stays sorted and unique while short', () => {
    expect(capDeliveries(['d-2', 'd-1', 'd-2'])).toEqual(['d-1', 'd-2']);
    const ids = Array.from({ length: DELIVERIES_KEPT_FIRST + DELIVERIES_KEPT_LAST }, (_, index) => `d-${String(index).padStart(3, '0')}`);
    expect(capDeliveries([...ids].reverse())).toEqual(ids);
  });

  it('keeps the first and the last ids and counts the ones dropped', () => {
    const ids = Array.from({ length: 80 }, (_, index) => `d-${String(index).padStart(3, '0')}`);
    const capped = capDeliveries(ids);
    expect(capped).toEqual([...ids.slice(0, DELIVERIES_KEPT_FIRST), omittedDeliveriesEntry(80 - DELIVERIES_KEPT_FIRST - DELIVERIES_KEPT_LAST), ...ids.slice(-DELIVERIES_KEPT_LAST)]);
    expect(deliveryCount(capped)).toBe(80);
    // The next delivery: the head stays, the count grows by one, the newest is last.
    const next = capDeliveries([...capped, 'z-new']);
    expect(next.slice(0, DELIVERIES_KEPT_FIRST)).toEqual(ids.slice(0, DELIVERIES_KEPT_FIRST));
    expect(next[DELIVERIES_KEPT_FIRST]).toBe(omittedDeliveriesEntry(80 - DELIVERIES_KEPT_FIRST - DELIVERIES_KEPT_LAST + 1));
    expect(next.at(-1)).toBe('z-new');
    expect(deliveryCount(next)).toBe(81);
    // A redelivery of an id already kept adds nothing.
    expect(capDeliveries([...next, 'z-new'])).toEqual(next);
  });

  it('keeps the status comment under GitHub’s limit, with its audit block, after 3,000 deliveries', () => {
    const input = baseInput({ comments: [comment('alice', '/approve', 10, { id: 11 })] });
    const state = computePromotionState(input);
    let body = '';
    let previous: string[] = [];
    let last = '';
    for (let index = 0; index < 3_000; index += 1) {
      // As the bot does: the previous record's list (read back from the comment) and this delivery's id.
      last = index % 3 === 0 ? `reconcile-${new Date(Date.UTC(2026, 0, 1) + index * 900_000).toISOString()}` : randomUUID();
      const audit = buildAuditRecord(input, state, { ...EXTRAS, deliveries: [...previous, last] });
      body = promotionStatusComment(state, audit);
      const read = readAuditBlock(body);
      expect(read).not.toBeNull();
      previous = read!.record.deliveries;
    }
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(previous).toHaveLength(DELIVERIES_KEPT_FIRST + 1 + DELIVERIES_KEPT_LAST);
    expect(previous.at(-1)).toBe(last);
    expect(deliveryCount(previous)).toBe(3_000);
  });
});
