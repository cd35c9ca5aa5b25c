/**
 * A version's GitHub release: the evidence a promotion shows (evaluation,
 * lineage, model card) and where its audit records are attached.
 */
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import { downloadReleaseAsset, releaseByTag, type Release, type ReleaseAsset } from '../../shared/github/release-asset.js';
import type { Delivery } from '../delivery.js';

/** Evidence files are small; anything larger is not read. */
export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024;

/** An asset of a version's release. */
export type ReleaseAssetInfo = ReleaseAsset;

/** A version's release and its assets. */
export type ReleaseInfo = Release;

/** The release of `tag`, or null when the version has none. */
export function fetchRelease(delivery: Delivery, tag: string): Promise<ReleaseInfo | null> {
  return delivery.memo(`release:${tag}`, async () => {
    const { client, owner, repo } = delivery;
    try {
      return await releaseByTag(client, { owner, repo }, tag);
    } catch (error) {
      toGitHubApiError(error, `reading the release of ${tag}`, 'contents: read');
    }
  });
}

/** An asset's bytes (kept across deliveries: an asset id's content never changes); null when it is too large. */
export async function downloadAsset(delivery: Delivery, asset: ReleaseAssetInfo, maxBytes = MAX_EVIDENCE_BYTES): Promise<Buffer | null> {
  if (asset.size > maxBytes) return null;
  const key = `asset:${delivery.owner}/${delivery.repo}:${asset.id}`;
  const known = delivery.lasting.get<Buffer>(key);
  if (known) return known;
  const { client, owner, repo } = delivery;
  try {
    const bytes = await downloadReleaseAsset(client, { owner, repo }, asset.id);
    delivery.lasting.set(key, bytes);
    return bytes;
  } catch (error) {
    toGitHubApiError(error, `downloading ${asset.name}`, 'contents: read');
  }
}

/** A JSON asset of the release, parsed; null when missing, too large or not JSON. */
export async function readJsonAsset(delivery: Delivery, release: ReleaseInfo | null, name: string): Promise<unknown> {
  const asset = release?.assets.find((candidate) => candidate.name === name);
  if (!asset) return null;
  const bytes = await downloadAsset(delivery, asset);
  if (bytes === null) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    delivery.log.warn(`${name} of release ${release?.url ?? ''} is not JSON; ignored`);
    return null;
  }
}

/**
 * Attaches `data` as `name`, unless an asset of that name is already there
 * (names are expected to identify content, e.g. by digest). Returns the
 * asset's download URL.
 */
export async function attachAsset(delivery: Delivery, release: ReleaseInfo, name: string, data: Buffer, contentType = 'application/json'): Promise<string> {
  const present = release.assets.find((asset) => asset.name === name);
  if (present) return present.url;
  const { client } = delivery;
  try {
    const response = await client.request({ method: 'POST', url: release.uploadUrl, name, data, headers: { 'content-type': contentType, 'content-length': data.byteLength } });
    const uploaded = response.data as { id: number; name: string; size: number; browser_download_url: string };
    release.assets.push({ id: uploaded.id, name: uploaded.name, size: uploaded.size, url: uploaded.browser_download_url });
    return uploaded.browser_download_url;
  } catch (error) {
    // Another writer attached the same name first; callers name assets by content, so it is the same file.
    if (statusOf(error) === 422) return `${release.url}#${encodeURIComponent(name)}`;
    toGitHubApiError(error, `attaching ${name} to ${release.url}`, 'contents: write');
  }
}

/** Removes an asset (best effort: a leftover is harmless, only untidy). */
export async function removeAsset(delivery: Delivery, release: ReleaseInfo, name: string): Promise<void> {
  const present = release.assets.find((asset) => asset.name === name);
  if (!present) return;
  try {
    await delivery.client.rest.repos.deleteReleaseAsset({ owner: delivery.owner, repo: delivery.repo, asset_id: present.id });
    release.assets.splice(release.assets.indexOf(present), 1);
  } catch (error) {
    delivery.log.warn(`could not remove ${name} from ${release.url}: ${(error as Error).message}`);
  }
}
