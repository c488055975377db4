/** Apprendre au bot : le choix de réponse du ticket, la réponse choisie pour la personne, `learned`, les suggestions. */
export const learned = {
  part: 'Réponses de l’équipe confidentialité',
  source: 'réponses de l’équipe confidentialité',

  entryLabel: 'Répondre avec une section de la politique (facultatif)',
  entryPlaceholder: 'Tapez pour trouver une section',
  teachToggle: 'Apprendre cette question au bot',
  answerOptionalLabel: 'Votre réponse à {name} (jusqu’à 4 000 caractères ; facultatif si vous choisissez une section)',
  answerOrEntry: 'Écrivez une réponse ou choisissez une section avant d’envoyer.',
  entryUnknown: 'Cette section n’est plus dans la politique : choisissez-en une autre ou écrivez une réponse.',
  chosenFact: 'Répondu avec',
  taughtNote: 'Le bot a appris cette question : il y répond lui-même désormais.',
  taughtFullNote: 'Le bot n’a pas pu apprendre cette question : il connaît déjà {max} questions apprises. Faites-lui en oublier avec « learned ».',

  chosenForYou: 'L’équipe confidentialité a choisi cette réponse pour votre question {id}.',
  teamText: 'De la part de l’équipe confidentialité :',
  answeredWithEntry: 'Répondu avec la section « {title} » de la politique.',
  chosenGone:
    'L’équipe confidentialité a répondu avec une section qui n’est plus dans la politique. Posez à nouveau votre question pour obtenir la réponse actuelle.',

  learnedTitle: 'Ce que l’équipe confidentialité m’a appris',
  learnedSpeak: 'L’équipe confidentialité m’a appris {count} questions.',
  learnedIntro:
    'Chacune est recherchée comme le contenu. Pour en garder une durablement, collez son Markdown dans les fichiers de contenu, publiez-les, puis faites-la oublier ici.',
  learnedNone: 'Rien n’a encore été appris. Répondez à une question dans le canal confidentialité avec « Apprendre cette question au bot » activé.',
  learnedLine: 'Appris le {date} : « {question} »',
  learnedAlsoAskedTarget: 'Une autre façon de demander « {title} » ({file}) : sur sa ligne « Also asked: »',
  learnedEntryGone: 'Une façon de demander une section qui n’est plus dans le contenu',
  learnedNewEntry: 'Une nouvelle section, pour un fichier FAQ',
  learnedMore: 'Et {count} de plus : GET /api/learned les liste toutes.',
  forget: 'Oublier',
  forgotten: 'Oublié : le bot ne répond plus « {question} » avec cela.',
  forgetGone: 'C’était déjà oublié.',
  adminOnly: 'Seuls les administrateurs confidentialité peuvent voir et modifier ce qui a été appris au bot.',
  personalOnly: 'Ce qui a été appris au bot s’affiche dans une conversation personnelle avec moi : ouvrez-en une et tapez « learned ».',

  suggestionsHeading: 'Suggestions : questions que des personnes ont résolues elles-mêmes via « Vouliez-vous dire… »',
  suggestionsNone: 'Aucune suggestion.',
  suggestionLine: '{count}× « {question} » → {title}',
  accept: 'Accepter',
  dismiss: 'Écarter',
  accepted: 'Appris : « {question} » trouve maintenant « {title} ».',
  dismissed: 'Écartée.',
  suggestionsMore: 'Et {count} de plus : GET /api/learned les liste sous « suggestions ».',
  suggestionGone: 'Cette suggestion a déjà été acceptée ou écartée.',

  emailRemoved: '[e-mail]',
  phoneRemoved: '[téléphone]',
} as const;
