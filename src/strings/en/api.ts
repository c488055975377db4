/** Messages in the bot's HTTP answers, read by the people who wire automation to it. */
export const api = {
  notAnActivity: 'Not a Bot Framework activity: {problem}',
  botTokenRequired: 'A valid Bot Framework token is required.',
  bearerRequired: 'A valid bearer token is required.',
  notFound: 'Not found.',
  noSuchNotice: 'No notice with that id.',
  notJson: 'Send the body as application/json.',
  encoded: 'Send the body uncompressed (no content-encoding).',
  tooLarge: 'The body must be at most {kb} KB.',
  tooSlow: 'The body took too long to arrive.',
  malformed: 'The body is not valid JSON.',
  invalidNotice: 'The notice was not accepted: see problems.',
} as const;
