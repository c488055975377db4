export const common = {
  botName: 'Privacy Assistant',
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
  actionFailed: 'Sorry, I could not complete that. Please try again.',
  rosterUnavailable: 'I could not confirm who you are with Teams just now, so nothing was done. Please try again in a moment.',
  unknownAction: 'That button is no longer available. Type "help" to start again.',
  thanksReply: "You're welcome. Ask me anything else about privacy whenever you like.",
  slowDown: 'You are sending me messages faster than I can answer them. Please wait a few seconds, then try again.',
  emptyMessage: 'I did not catch a question there. Type "help" to see what I can do.',
} as const;
