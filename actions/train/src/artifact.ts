/** What an artifact upload reports. */
export interface UploadedArtifact {
  id?: number;
  size?: number;
}

/**
 * Uploads files as one workflow artifact. The `train` action talks to this
 * interface only, so the `@actions/artifact` client drops in behind it:
 * `upload(name, files, root)` maps to `new DefaultArtifactClient().uploadArtifact(name, files, root)`.
 */
export interface ArtifactUploader {
  upload(name: string, files: readonly string[], rootDirectory: string): Promise<UploadedArtifact>;
}

/**
 * The uploader this build can offer: none yet, because `@actions/artifact`
 * is not among the bundled dependencies. The action warns when an upload is
 * asked for and this returns undefined.
 */
export function availableArtifactUploader(): ArtifactUploader | undefined {
  return undefined;
}

/** Artifact names cannot hold `/ \ : < > | * ? "` or line breaks. */
export function artifactName(text: string): string {
  return text.replace(/[\\/:<>|*?"\r\n]+/g, '-');
}
