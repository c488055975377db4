export const faq = {
  sourceLabel: 'Quelle: {file}, Abschnitt „{heading}“',
  relatedHeading: 'Verwandte Themen',
  relatedButton: 'Lesen: {title}',
  helpfulQuestion: 'War das hilfreich?',
  helpfulYes: 'Ja, das hat geholfen',
  helpfulNo: 'Nein, leider nicht',
  feedbackThanks: 'Danke für die Rückmeldung.',
  feedbackSorry: 'Danke für den Hinweis. Fragen Sie mit anderen Worten oder wenden Sie sich an das Datenschutzteam.',
  notCoveredTitle: 'Dazu sagt die Richtlinie nichts',
  notCovered:
    'In unserer Datenschutzrichtlinie habe ich nichts gefunden, das diese Frage beantwortet. Versuchen Sie andere Worte oder wählen Sie eines der Themen unten.',
  answerSpeak: 'Antwort aus der Datenschutzrichtlinie: {title}.',
  didYouMeanTitle: 'Meinten Sie…',
  didYouMeanText: 'Mehrere Teile der Richtlinie könnten passen. Wählen Sie den, der Ihrer Frage am nächsten kommt.',
  didYouMeanSpeak: 'Meinten Sie eines davon: {titles}?',
  entryGone: 'Diesen Abschnitt gibt es in der Richtlinie nicht mehr. Stellen Sie Ihre Frage noch einmal, um die aktuelle Antwort zu erhalten.',
} as const;
