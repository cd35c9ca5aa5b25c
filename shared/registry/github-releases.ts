/**
 * The GitHub release of a registered version. Publishing is resumable: run it
 * again after a partial failure and it creates what is missing, replaces
 * assets whose content differs and leaves the rest alone.
 */
import { createHash } from 'node:crypto';
import { GitHubApiError } from '../errors/index.js';
import type { GitHubClient } from '../github/client.js';
import { statusOf } from '../github/failure.js';
import type { ReleaseAsset } from './release-assets.js';

/** The release to make on a registration tag. */
export interface ReleaseSpec {
  tag: string;
  title: string;
  /** The model card. */
  body: string;
  /** True for SemVer pre-releases. */
  prerelease: boolean;
  assets: ReleaseAsset[];
}

/** What `publishRelease` did. */
export interface PublishedRelease {
  id: number;
  /** The release page. */
  url: string;
  /** False when the release already existed (a re-run). */
  created: boolean;
  uploaded: string[];
  /** Assets already present with the same content. */
  kept: string[];
}

/** GitHub rejects release bodies above 125,000 characters. */
const MAX_BODY = 120_000;

interface ReleaseData {
  id: number;
  html_url: string;
  upload_url: string;
  name: string | null;
  body?: string | null;
  prerelease: boolean;
}

interface AssetData {
  id: number;
  name: string;
  size: number;
  state: string;
  digest?: string | null;
}

function fail(error: unknown, what: string, repository: string): GitHubApiError {
  const status = statusOf(error);
  const hint = status === 403 ? ' (the token needs `contents: write`)' : status === 404 ? ' (repository or tag not found; is the tag pushed?)' : '';
  return new GitHubApiError(`${what} in ${repository} failed: ${(error as Error)?.message ?? String(error)}${hint}`, status, { cause: error });
}

function sameContent(existing: AssetData, wanted: ReleaseAsset): boolean {
  if (existing.state !== 'uploaded' || existing.size !== wanted.data.byteLength) return false;
  if (!existing.digest) return true; // older GitHub versions report no digest; size must do
  return existing.digest === `sha256:${createHash('sha256').update(wanted.data).digest('hex')}`;
}

function truncateBody(body: string): string {
  if (body.length <= MAX_BODY) return body;
  return `${body.slice(0, MAX_BODY)}\n\n… (truncated: the full card is attached as \`model-card.md\`)\n`;
}

/** Creates or completes the release for `spec.tag`; never marks it latest. */
export async function publishRelease(client: GitHubClient, owner: string, repo: string, spec: ReleaseSpec): Promise<PublishedRelease> {
  const repository = `${owner}/${repo}`;
  const body = truncateBody(spec.body);
  let release = await findRelease(client, owner, repo, spec.tag, repository);
  let created = false;
  if (!release) {
    try {
      const response = await client.rest.repos.createRelease({
        owner, repo, tag_name: spec.tag, name: spec.title, body, prerelease: spec.prerelease, draft: false, make_latest: 'false',
      });
      release = response.data as ReleaseData;
      created = true;
    } catch (error) {
      // Another run created it between our read and our write: use theirs.
      if (statusOf(error) !== 422) throw fail(error, `creating the release for ${spec.tag}`, repository);
      release = await findRelease(client, owner, repo, spec.tag, repository);
      if (!release) throw fail(error, `creating the release for ${spec.tag}`, repository);
    }
  } else if (release.name !== spec.title || (release.body ?? '') !== body || release.prerelease !== spec.prerelease) {
    try {
      const response = await client.rest.repos.updateRelease({ owner, repo, release_id: release.id, name: spec.title, body, prerelease: spec.prerelease, make_latest: 'false' });
      release = response.data as ReleaseData;
    } catch (error) {
      throw fail(error, `updating the release for ${spec.tag}`, repository);
    }
  }

  let existing: AssetData[];
  try {
    existing = (await client.paginate(client.rest.repos.listReleaseAssets, { owner, repo, release_id: release.id, per_page: 100 })) as AssetData[];
  } catch (error) {
    throw fail(error, `listing the assets of ${spec.tag}`, repository);
  }
  const uploaded: string[] = [];
  const kept: string[] = [];
  for (const asset of spec.assets) {
    const present = existing.find((candidate) => candidate.name === asset.name);
    if (present && sameContent(present, asset)) {
      kept.push(asset.name);
      continue;
    }
    try {
      if (present) await client.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: present.id });
      await client.request({
        method: 'POST',
        url: release.upload_url,
        name: asset.name,
        data: asset.data,
        headers: { 'content-type': asset.contentType, 'content-length': asset.data.byteLength },
      });
    } catch (error) {
      throw fail(error, `uploading ${asset.name} to the release for ${spec.tag} (run again to resume)`, repository);
    }
    uploaded.push(asset.name);
  }
  return { id: release.id, url: release.html_url, created, uploaded, kept };
}

async function findRelease(client: GitHubClient, owner: string, repo: string, tag: string, repository: string): Promise<ReleaseData | undefined> {
  try {
    return (await client.rest.repos.getReleaseByTag({ owner, repo, tag })).data as ReleaseData;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw fail(error, `reading the release for ${tag}`, repository);
  }
}
