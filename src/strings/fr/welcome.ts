export const welcome = {
  title: 'Assistant confidentialité',
  intro:
    'Je réponds aux questions sur notre politique de confidentialité avec la section qui les traite, et je peux transmettre vos demandes à l’équipe confidentialité.',
  askHeading: 'Demandez-moi par exemple',
  examples: [
    'Quelles informations collectez-vous sur moi ?',
    'Combien de temps mes données sont-elles conservées ?',
    'Qui peut voir mes données personnelles ?',
    'Puis-je obtenir une copie de mes données ?',
  ],
  exampleHint: 'Choisissez une question, ou tapez la vôtre.',
  speak: 'Assistant confidentialité. Posez-moi vos questions sur la politique de confidentialité, ou faites une demande.',
  requestsHeading: 'Faire une demande sur vos données',
  channelHint: 'Dans une équipe ou une conversation de groupe, mentionnez-moi avec @Assistant confidentialité et votre question.',
} as const;
