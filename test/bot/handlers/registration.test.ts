import { describe, expect, it } from 'vitest';
import { registeredTag } from '../../../bot/handlers/registration.js';
import { looksLikePromotion } from '../../../bot/handlers/promotion-target.js';
import { example } from '../support/payloads.js';

describe('registeredTag', () => {
  it('reads the new tag of create, push and release events (real payload shapes) and ignores the rest', () => {
    expect(registeredTag('create', example('create'))).toBe('simple-tag');
    expect(registeredTag('create', { ...example('create'), ref_type: 'branch' })).toBeNull();
    const pushes = example('push');
    expect(registeredTag('push', { ...pushes, ref: 'refs/tags/churn@v1.4.0', created: true, deleted: false })).toBe('churn@v1.4.0');
    expect(registeredTag('push', { ...pushes, ref: 'refs/tags/churn@v1.4.0', created: false, deleted: true })).toBeNull();
    expect(registeredTag('push', { ...pushes, ref: 'refs/heads/main', created: true })).toBeNull();
    expect(registeredTag('release', example('release', 'published'))).toBe((example('release', 'published').release as { tag_name: string }).tag_name);
  });

  it('judges promotions from the payload alone', () => {
    expect(looksLikePromotion('text <!-- tollgate:promotion-marker abc -->')).toBe(true);
    expect(looksLikePromotion('', 'tollgate/promote/churn/prod/v1.0.0')).toBe(true);
    expect(looksLikePromotion('just a pull request', 'feature/x')).toBe(false);
    expect(looksLikePromotion(null)).toBe(false);
  });
});
