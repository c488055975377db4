/** Messages in the bot's HTTP answers, read by the people who wire automation to it. */
export const api = {
  notAnActivity: 'Not a Bot Framework activity: {problem}',
  botTokenRequired: 'A valid Bot Framework token is required.',
  bearerRequired: 'A valid bearer token is required.',
  notFound: 'Not found.',
  noSuchNotice: 'No notice with that id.',
  invalidNotice: 'The notice was not accepted: see problems.',
  invalidChanges: 'The changes were not accepted: see problems.',
  noticeRecalled: 'The notice was recalled: it can no longer be edited.',
} as const;
