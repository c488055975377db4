export const faq = {
  sourceLabel: 'Source: {file}, section "{heading}"',
  relatedHeading: 'Related',
  relatedButton: 'Read: {title}',
  helpfulQuestion: 'Was this helpful?',
  helpfulYes: 'Yes, this helped',
  helpfulNo: 'No, it did not',
  feedbackThanks: 'Thanks for the feedback.',
  feedbackSorry: 'Thanks for telling me. Try asking in other words, or contact the privacy team.',
  notCoveredTitle: 'The policy does not cover that',
  notCovered:
    "I couldn't find anything in our privacy policy that answers this. Try other words, or pick one of the topics below.",
  answerSpeak: 'Answer from the privacy policy: {title}.',
  didYouMeanTitle: 'Did you mean…',
  didYouMeanText: 'A few parts of the policy could answer that. Pick the one closest to your question.',
  didYouMeanSpeak: 'Did you mean one of these: {titles}?',
  entryGone: 'That section is no longer in the policy. Ask your question again to get the current answer.',
} as const;
