import * as core from '@actions/core';

/** GitHub shows at most this many annotations of one kind per step. */
export const ANNOTATION_LIMIT = 10;

export interface Annotation {
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/**
 * Emits up to ten annotations of one kind and returns how many were left out,
 * so the caller can say so in the job summary instead of losing them silently.
 */
export function annotate(kind: 'error' | 'warning' | 'notice', annotations: readonly Annotation[]): number {
  const emit = kind === 'error' ? core.error : kind === 'warning' ? core.warning : core.notice;
  for (const annotation of annotations.slice(0, ANNOTATION_LIMIT)) {
    emit(annotation.message, {
      title: annotation.title,
      file: annotation.file,
      startLine: annotation.startLine,
      startColumn: annotation.startColumn,
    });
  }
  return Math.max(0, annotations.length - ANNOTATION_LIMIT);
}
