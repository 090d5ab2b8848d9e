import { Field, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

/** Relay's pageInfo, forward paging only (`first`/`after`). */
@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  first: number;
  /** The key after which the page starts, decoded from the cursor. */
  afterKey: string | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
}

/** Checks `first` and decodes `after`; BAD_USER_INPUT names the argument that is wrong. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput({
      first: { reason: 'PAGE_SIZE_OUT_OF_RANGE', params: { max: MAX_PAGE_SIZE } },
    });
  }
  let afterKey: string | null = null;
  if (after) {
    const decoded = Buffer.from(after, 'base64url').toString('utf8');
    if (!decoded.startsWith('k:') || decoded.length > 130) {
      throw badUserInput({ after: 'CURSOR_INVALID' });
    }
    afterKey = decoded.slice(2);
  }
  return { first: size, afterKey } satisfies PageRequest;
}

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}
