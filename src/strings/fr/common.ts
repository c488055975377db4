export const common = {
  botName: 'Assistant confidentialité',
  turnError: 'Désolé, quelque chose s’est mal passé de mon côté. Veuillez réessayer dans un instant.',
  actionFailed: 'Désolé, je n’ai pas pu terminer cette action. Veuillez réessayer.',
  rosterUnavailable: 'Je n’ai pas pu confirmer votre identité auprès de Teams à l’instant : rien n’a été fait. Veuillez réessayer dans un instant.',
  unknownAction: 'Ce bouton n’est plus disponible. Tapez « aide » pour recommencer.',
  thanksReply: 'Je vous en prie. Posez-moi d’autres questions sur la confidentialité quand vous voulez.',
  slowDown: 'Vous m’envoyez des messages plus vite que je ne peux y répondre. Attendez quelques secondes, puis réessayez.',
  emptyMessage: 'Je n’ai pas compris de question. Tapez « aide » pour voir ce que je sais faire.',
} as const;
