/** Dem Bot etwas beibringen: die Antwortauswahl im Ticket, die für Fragende gewählte Antwort, `learned`, Vorschläge. */
export const learned = {
  part: 'Antworten des Datenschutzteams',
  source: 'Antworten des Datenschutzteams',

  entryLabel: 'Mit einem Abschnitt der Richtlinie antworten (optional)',
  entryPlaceholder: 'Tippen, um einen Abschnitt zu finden',
  teachToggle: 'Dem Bot diese Frage beibringen',
  answerOptionalLabel: 'Ihre Antwort an {name} (bis zu 4.000 Zeichen; optional, wenn Sie einen Abschnitt wählen)',
  answerOrEntry: 'Schreiben Sie eine Antwort oder wählen Sie einen Abschnitt, bevor Sie senden.',
  entryUnknown: 'Diesen Abschnitt gibt es in der Richtlinie nicht mehr: Wählen Sie einen anderen oder schreiben Sie eine Antwort.',
  chosenFact: 'Beantwortet mit',
  taughtNote: 'Der Bot hat diese Frage gelernt: Er beantwortet sie ab jetzt selbst.',
  taughtFullNote: 'Der Bot konnte diese Frage nicht lernen: Er kennt bereits {max} beigebrachte Fragen. Vergessen Sie einige mit „learned“.',

  chosenForYou: 'Das Datenschutzteam hat diese Antwort für Ihre Frage {id} ausgewählt.',
  teamText: 'Vom Datenschutzteam:',
  answeredWithEntry: 'Beantwortet mit dem Abschnitt „{title}“ der Richtlinie.',
  chosenGone:
    'Das Datenschutzteam hat mit einem Abschnitt geantwortet, den es in der Richtlinie nicht mehr gibt. Stellen Sie Ihre Frage erneut, um die aktuelle Antwort zu erhalten.',

  learnedTitle: 'Was mir das Datenschutzteam beigebracht hat',
  learnedSpeak: 'Das Datenschutzteam hat mir {count} Fragen beigebracht.',
  learnedIntro:
    'Jede wird wie der Inhalt durchsucht. Um eine dauerhaft zu behalten, fügen Sie ihr Markdown in die Inhaltsdateien ein, veröffentlichen Sie sie und vergessen Sie sie dann hier.',
  learnedNone: 'Noch wurde nichts beigebracht. Beantworten Sie eine Frage im Datenschutzkanal mit eingeschaltetem „Dem Bot diese Frage beibringen“.',
  learnedLine: 'Beigebracht am {date}: „{question}“',
  learnedAlsoAskedTarget: 'Eine Frageform für „{title}“ ({file}): in dessen Zeile „Also asked:“',
  learnedEntryGone: 'Eine Frageform für einen Abschnitt, den es im Inhalt nicht mehr gibt',
  learnedNewEntry: 'Ein neuer Abschnitt für eine FAQ-Datei',
  learnedMore: 'Und {count} weitere: GET /api/learned listet alle.',
  forget: 'Vergessen',
  forgotten: 'Vergessen: Der Bot beantwortet „{question}“ nicht mehr damit.',
  forgetGone: 'Das wurde bereits vergessen.',
  adminOnly: 'Nur Datenschutz-Admins können sehen und ändern, was dem Bot beigebracht wurde.',
  personalOnly: 'Was dem Bot beigebracht wurde, zeige ich in einem persönlichen Chat: Öffnen Sie einen und schreiben Sie „learned“.',

  suggestionsHeading: 'Vorschläge: Fragen, die Personen über „Meinten Sie…“ selbst beantwortet haben',
  suggestionsNone: 'Keine Vorschläge.',
  suggestionLine: '{count}× „{question}“ → {title}',
  accept: 'Übernehmen',
  dismiss: 'Verwerfen',
  accepted: 'Beigebracht: „{question}“ findet jetzt „{title}“.',
  dismissed: 'Verworfen.',
  suggestionsMore: 'Und {count} weitere: GET /api/learned listet sie unter „suggestions“.',
  suggestionGone: 'Dieser Vorschlag wurde bereits übernommen oder verworfen.',

  emailRemoved: '[E-Mail]',
  phoneRemoved: '[Telefon]',
} as const;
