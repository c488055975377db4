/**
 * What a span may record of an HTTP call's address. Paths carry ids (a personal chat's conversation
 * id, an activity id, a request id, a storage row key) and queries can carry anything, so spans get
 * the path's shape instead: every segment that is not a plain lower-case word or a version becomes
 * `{id}`, and the query is dropped.
 */
const WORD = /^(?:[a-z]+(?:[-_][a-z]+)*|v\d+(?:\.\d+)?)$/;

/** `/v3/conversations/a:1xyz/activities/123` becomes `/v3/conversations/{id}/activities/{id}`. */
export function pathShape(path: string): string {
  const pathname = path.split(/[?#]/, 1)[0];
  return pathname
    .split('/')
    .map((segment) => (segment === '' || WORD.test(segment) ? segment : '{id}'))
    .join('/');
}
