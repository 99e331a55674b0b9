/**
 * The same post embedded twice in one page (an AMP embed and its fallback, a live blog repeating a tweet,
 * a permalink under its own embed) is one post: the fullest reading is kept, at its place.
 */
import type { Post } from '../../types.js';

const FULLNESS: Record<Post['status'], number> = { full: 2, unavailable: 1, 'link-only': 0 };

/** A post's identity: its network and id, else its URL; undefined when it has neither. */
function identity(post: Post): string | undefined {
  if (post.id) return `${post.network}:${post.id}`;
  return post.url;
}

/** `posts` (in text order) with each post once; each repeat left out is reported in `warnings`. */
export function withoutRepeatedPosts(posts: Post[], warnings: string[]): Post[] {
  const kept = new Map<string, number>();
  const out: (Post | undefined)[] = [];
  for (const post of posts) {
    const key = identity(post);
    const at = key === undefined ? undefined : kept.get(key);
    if (key === undefined || at === undefined) {
      if (key !== undefined) kept.set(key, out.length);
      out.push(post);
      continue;
    }
    const earlier = out[at] as Post;
    warnings.push(`The post ${post.url ?? key} is embedded more than once; it is kept once.`);
    if (FULLNESS[post.status] > FULLNESS[earlier.status]) {
      out[at] = undefined;
      kept.set(key, out.length);
      out.push(post);
    }
  }
  return out.filter((p): p is Post => p !== undefined);
}
