/**
 * A release's assets through the REST API: the release of a tag with its
 * assets listed, and one asset's bytes. What a missing release or asset
 * means, and how a failure is told, is each caller's to say.
 */
import type { GitHubClient } from './client.js';
import { statusOf } from './failure.js';

/** The repository a release belongs to. */
export interface ReleaseRepository {
  owner: string;
  repo: string;
}

/** An asset as the release lists it. */
export interface ReleaseAsset {
  id: number;
  name: string;
  size: number;
  /** Its `browser_download_url`. */
  url: string;
}

/** A release and its assets. */
export interface Release {
  id: number;
  /** Its page (`html_url`). */
  url: string;
  /** Where assets are uploaded (`upload_url`, a URI template). */
  uploadUrl: string;
  assets: ReleaseAsset[];
}

/**
 * The release of `tag` with its assets (one request); null when the tag has
 * no release. Any other failure is thrown as the client threw it.
 */
export async function releaseByTag(client: GitHubClient, { owner, repo }: ReleaseRepository, tag: string): Promise<Release | null> {
  try {
    const { data } = await client.rest.repos.getReleaseByTag({ owner, repo, tag });
    return {
      id: data.id,
      url: data.html_url,
      uploadUrl: data.upload_url,
      assets: data.assets.map((asset) => ({ id: asset.id, name: asset.name, size: asset.size, url: asset.browser_download_url })),
    };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** An asset's bytes, downloaded as `application/octet-stream`; a failure is thrown as the client threw it. */
export async function downloadReleaseAsset(client: GitHubClient, { owner, repo }: ReleaseRepository, assetId: number): Promise<Buffer> {
  const response = await client.rest.repos.getReleaseAsset({ owner, repo, asset_id: assetId, headers: { accept: 'application/octet-stream' } });
  return toBuffer(response.data as unknown);
}

/** The client answers binary content with an ArrayBuffer (text only when GitHub sends no binary content type). */
function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(String(data));
}
