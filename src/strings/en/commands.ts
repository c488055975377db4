/**
 * The commands Teams lists under the message box (the app manifest's command lists) and that the bot
 * understands as typed, in this language. Request kinds add theirs (kinds.ts).
 */
export const commands = {
  help: { title: 'help', description: 'What I can do, with example questions' },
  myRequests: { title: 'my requests', description: 'Your privacy requests, their status and due dates' },
  myQuestions: { title: 'my questions', description: 'Your questions to the privacy team and their answers' },
  notice: { title: 'notice', description: 'Privacy admins: send a policy-change notice to every team' },
  language: { title: 'language', description: 'Choose the language I speak with you' },
  example: { title: 'how long is my data kept', description: 'An example question: ask anything about the policy' },
  insights: { title: 'insights', description: 'Privacy admins: what the content is missing' },
  learned: { title: 'learned', description: 'Privacy admins: what the privacy team taught the bot, with Forget' },
  replay: { title: 'replay failed requests', description: 'Privacy admins: send failed requests again' },
} as const;
