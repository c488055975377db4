export const common = {
  botName: 'Datenschutz-Assistent',
  turnError: 'Entschuldigung, bei mir ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.',
  actionFailed: 'Entschuldigung, das konnte ich nicht erledigen. Bitte versuchen Sie es noch einmal.',
  rosterUnavailable: 'Ich konnte gerade nicht bei Teams bestätigen, wer Sie sind, deshalb wurde nichts getan. Bitte versuchen Sie es gleich noch einmal.',
  unknownAction: 'Diese Schaltfläche gibt es nicht mehr. Schreiben Sie „hilfe“, um neu zu beginnen.',
  thanksReply: 'Gern geschehen. Fragen Sie mich jederzeit wieder zum Datenschutz.',
  slowDown: 'Sie schicken mir Nachrichten schneller, als ich sie beantworten kann. Bitte warten Sie ein paar Sekunden und versuchen Sie es dann erneut.',
  emptyMessage: 'Da habe ich keine Frage erkannt. Schreiben Sie „hilfe“, um zu sehen, was ich kann.',
} as const;
