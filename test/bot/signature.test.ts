import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../bot/signature.js';

describe('verifySignature', () => {
  const body = Buffer.from('{"zen":"Keep it logically awesome."}');
  const good = `sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`;
  it('accepts the HMAC of the exact body and nothing else', () => {
    expect(verifySignature('secret', body, good)).toBe(true);
    expect(verifySignature('secret', body, good.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
    expect(verifySignature('other', body, good)).toBe(false);
    expect(verifySignature('secret', Buffer.from(`${body} `), good)).toBe(false);
    expect(verifySignature('secret', body, undefined)).toBe(false);
    expect(verifySignature('secret', body, good.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifySignature('secret', body, [good])).toBe(false);
  });
});
