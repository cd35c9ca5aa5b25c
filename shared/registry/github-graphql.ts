/**
 * The GraphQL reads of the GitHub backend: tag refs page by page, and tag
 * objects by id in batches. Both ask only for what the registry needs.
 */
import type { TagRecord, Tagger } from './types.js';

/** Refs under `refs/tags/`, 100 per page, with their tag objects inlined. */
export const TAG_REFS_QUERY = `query TollgateTagRefs($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/tags/", first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        target {
          __typename
          oid
          ... on Tag { message tagger { name email date } target { __typename oid } }
        }
      }
    }
  }
}`;

/** Tag objects by id: one aliased `object(oid:)` per tag, ids passed as variables. */
export function tagObjectsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, index) => `$o${index}: GitObjectID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, index) => `    t${index}: object(oid: $o${index}) { __typename oid ... on Tag { message tagger { name email date } target { __typename oid } } }`,
  ).join('\n');
  return `query TollgateTagObjects($owner: String!, $name: String!, ${variables}) {\n  repository(owner: $owner, name: $name) {\n${fields}\n  }\n}`;
}

/** A Git object as both queries return it. */
export interface GraphQLGitObject {
  __typename: string;
  oid: string;
  message?: string;
  tagger?: { name: string | null; email: string | null; date: string | null } | null;
  target?: { __typename: string; oid: string } | null;
}

/** The `TollgateTagRefs` response. */
export interface TagRefsResponse {
  repository: {
    refs: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ name: string; target: GraphQLGitObject | null }>;
    };
  } | null;
}

/** `2024-05-01T10:00:00+02:00` -> unix seconds and git's `+0200`. */
export function parseGitTimestamp(text: string): { date: number; timezone: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!match) return undefined;
  const millis = Date.parse(`${match[1]}${match[2] === 'Z' ? 'Z' : match[2]}`);
  if (Number.isNaN(millis)) return undefined;
  const timezone = match[2] === 'Z' ? '+0000' : match[2].replace(':', '');
  return { date: Math.floor(millis / 1000), timezone };
}

/** A tag ref and its target as a `TagRecord`. */
export function toTagRecord(name: string, target: GraphQLGitObject | null): TagRecord {
  if (!target || target.__typename !== 'Tag') {
    return { name, annotated: false, commit: target?.__typename === 'Commit' ? target.oid : undefined };
  }
  const record: TagRecord = { name, annotated: true, objectId: target.oid, message: target.message ?? '' };
  if (target.target?.__typename === 'Commit') record.commit = target.target.oid;
  const time = target.tagger?.date ? parseGitTimestamp(target.tagger.date) : undefined;
  if (time) record.tagger = { name: target.tagger?.name ?? '', email: target.tagger?.email ?? '', ...time } satisfies Tagger;
  return record;
}
