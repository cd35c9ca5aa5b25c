import { TollgateError, UsageError } from '../../../shared/errors/index.js';

/** What an artifact upload reports. */
export interface UploadedArtifact {
  id?: number;
  size?: number;
}

/**
 * Uploads files as one workflow artifact. The `train` action talks to this
 * interface only, so tests can put a fake behind it.
 */
export interface ArtifactUploader {
  upload(name: string, files: readonly string[], rootDirectory: string): Promise<UploadedArtifact>;
}

/**
 * The runner's artifact service through `@actions/artifact`, loaded only when
 * an upload is asked for (it is large and most runs never need it).
 */
export function defaultArtifactUploader(): ArtifactUploader {
  return {
    async upload(name, files, rootDirectory) {
      if (!process.env.ACTIONS_RUNTIME_TOKEN) {
        throw new UsageError(`upload-artifact is true, but the runner's artifact service is not available here (ACTIONS_RUNTIME_TOKEN is unset); run the step on GitHub Actions or set upload-artifact: false`);
      }
      const { DefaultArtifactClient } = await import('@actions/artifact');
      try {
        const { id, size } = await new DefaultArtifactClient().uploadArtifact(name, [...files], rootDirectory);
        return { id, size };
      } catch (error) {
        throw new TollgateError(`could not upload the artifact ${name}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}

/** Artifact names cannot hold `/ \ : < > | * ? "` or line breaks. */
export function artifactName(text: string): string {
  return text.replace(/[\\/:<>|*?"\r\n]+/g, '-');
}
