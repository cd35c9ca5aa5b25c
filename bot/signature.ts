/**
 * Webhook signatures (`X-Hub-Signature-256: sha256=<hex HMAC of the body>`),
 * checked before anything else reads the delivery, in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** True when `header` is the body's HMAC-SHA256 under `secret`. */
export function verifySignature(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
