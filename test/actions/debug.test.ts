import nock from 'nock';
import { it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
it('dbg', async () => {
  nock.disableNetConnect();
  nock('https://api.github.com').get('/repos/acme/churn/issues/5/comments').query(true).reply(403, { message: 'Resource not accessible by integration' });
  const client = createGitHubClient({ token: 't', baseUrl: 'https://api.github.com' });
  nock.emitter.on('no match', (req: any) => console.log('NO MATCH', req.method, req.path ?? req.url));
  try { await client.rest.issues.listComments({ owner: 'acme', repo: 'churn', issue_number: 5, per_page: 100 }); } catch (e) { console.log(String(e).slice(0, 300)); }
});
