export const language = {
  title: 'Langue',
  intro: 'Choisissez la langue dans laquelle je vous parle. D’ici là, je suis la langue de votre Teams.',
  current: 'Je vous parle en français.',
  followTeams: 'Suivre la langue de Teams',
  chosen: 'Désormais, je vous parle en français.',
  following: 'Je suis de nouveau la langue de votre Teams.',
  speak: 'Choisissez la langue dans laquelle je vous parle.',
  contentFallback: 'La politique de confidentialité n’existe pas en français : mes réponses viennent de sa version en {language}.',
} as const;
