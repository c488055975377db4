export const commands = {
  help: { title: 'aide', description: 'Ce que je sais faire, avec des exemples de questions' },
  myRequests: { title: 'mes demandes', description: 'Vos demandes sur vos données, leur état et leurs échéances' },
  myQuestions: { title: 'mes questions', description: 'Vos questions à l’équipe confidentialité et leurs réponses' },
  notice: { title: 'avis', description: 'Administrateurs : envoyer un avis de changement de politique à toutes les équipes' },
  language: { title: 'langue', description: 'Choisir la langue dans laquelle je vous parle' },
  example: { title: 'combien de temps mes données sont conservées', description: 'Un exemple de question : demandez tout sur la politique' },
  insights: { title: 'analyses', description: 'Administrateurs : ce qui manque au contenu' },
  learned: { title: 'appris', description: 'Administrateurs : ce que l’équipe confidentialité a appris au bot, avec Oublier' },
  replay: { title: 'renvoyer les demandes en échec', description: 'Administrateurs : renvoyer les demandes en échec' },
} as const;
