/**
 * Custom repository roles: `role_name` is the custom role's own name, which
 * says nothing about what it grants; the collaborator-permission API's
 * `permission` (admin/write/read/none) is its base, and that is what counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleOf } from '../../bot/github/permissions.js';
import { FakeGitHub } from '../support/fake-github.js';
import { startHarness } from './support/harness.js';

const CUSTOM = new Map<string, { role_name: string; permission: string }>([
  ['casey', { role_name: 'ml-reviewer', permission: 'write' }],
  ['vera', { role_name: 'ml-viewer', permission: 'read' }],
]);

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
  // The fake's route, plus custom roles as an organization would define them.
  fake.route('GET', '/repos/:owner/:repo/collaborators/:user/permission', (c) => {
    const custom = CUSTOM.get(c.params.user);
    if (custom) return { status: 200, body: { ...custom, user: { login: c.params.user } } };
    const role = c.repo().collaborators.get(c.params.user);
    const permission = role === undefined ? 'none' : role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    return { status: 200, body: { permission, role_name: role ?? 'none', user: { login: c.params.user } } };
  });
});
afterAll(async () => {
  await fake.close();
});

const CONFIG = `models:
  churn:
    stages: [staging, production]
    promotion:
      staging:
        approvers: [casey, vera]
        required: 1
        require_checks: []
`;

describe('custom repository roles', () => {
  it('reads a built-in role_name as it is and a custom one as its base permission', () => {
    expect(roleOf({ role_name: 'maintain', permission: 'write' })).toBe('maintain');
    expect(roleOf({ role_name: 'triage', permission: 'read' })).toBe('triage');
    expect(roleOf({ role_name: 'ml-reviewer', permission: 'write' })).toBe('write');
    expect(roleOf({ role_name: 'Security Auditor', permission: 'read' })).toBe('read');
    expect(roleOf({ permission: 'admin' })).toBe('admin');
    expect(roleOf({})).toBe('none');
  });

  it('counts an approval by a custom role built on write', async () => {
    const h = await startHarness(fake, { config: CONFIG });
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'casey', '/approve');
    expect(h.status(pr.number)).not.toContain('ml-reviewer');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('success');
  });

  it('still refuses a custom role built on read', async () => {
    const h = await startHarness(fake, { config: CONFIG });
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'vera', '/approve');
    expect(h.promotionCheck(pr.number)?.conclusion).not.toBe('success');
    expect(h.status(pr.number)).toMatch(/read/);
  });
});
