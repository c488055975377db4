export const commands = {
  help: { title: 'hilfe', description: 'Was ich kann, mit Beispielfragen' },
  myRequests: { title: 'meine anfragen', description: 'Ihre Datenschutzanfragen, ihr Stand und ihre Fristen' },
  myQuestions: { title: 'meine fragen', description: 'Ihre Fragen an das Datenschutzteam und die Antworten' },
  notice: { title: 'hinweis', description: 'Für Datenschutz-Admins: einen Hinweis zur Richtlinie an alle Teams senden' },
  language: { title: 'sprache', description: 'Die Sprache wählen, in der ich mit Ihnen spreche' },
  example: { title: 'wie lange werden meine daten gespeichert', description: 'Eine Beispielfrage: fragen Sie alles zur Richtlinie' },
  insights: { title: 'auswertung', description: 'Für Datenschutz-Admins: was in den Inhalten fehlt' },
  learned: { title: 'gelerntes', description: 'Für Datenschutz-Admins: was das Datenschutzteam dem Bot beigebracht hat, mit Vergessen' },
  replay: { title: 'fehlgeschlagene anfragen erneut senden', description: 'Für Datenschutz-Admins: fehlgeschlagene Anfragen erneut senden' },
} as const;
