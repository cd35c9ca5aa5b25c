import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// docs/bot.md tells how to create the App by hand and from a manifest form; both must ask for what bot/app.yml asks.
describe('the App manifest and its documentation', () => {
  const manifest = parse(readFileSync('bot/app.yml', 'utf8')) as { default_events: string[]; default_permissions: Record<string, string> };
  const docs = readFileSync('docs/bot.md', 'utf8');

  it("the manifest form in docs/bot.md asks for bot/app.yml's events and permissions", () => {
    const form = /name="manifest" value='([^']+)'/.exec(docs);
    expect(form).not.toBeNull();
    const json = JSON.parse(form![1].replace(/"url":"…"/, '"url":"https://example.com"')) as typeof manifest;
    expect([...json.default_events].sort()).toEqual([...manifest.default_events].sort());
    expect(json.default_permissions).toEqual(manifest.default_permissions);
  });

  it('the permissions table and the events line name every permission and event', () => {
    const section = docs.slice(docs.indexOf('## Creating the App'), docs.indexOf('To register it from the manifest'));
    for (const [permission, level] of Object.entries(manifest.default_permissions)) expect(section).toContain(`\`${permission}: ${level}\``);
    const events = /Events: ([^.]+)/.exec(section)![1];
    for (const event of manifest.default_events) expect(events).toContain(`\`${event}\``);
  });
});
