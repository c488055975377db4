export const welcome = {
  title: 'Privacy Assistant',
  intro: 'I answer questions about our privacy policy with the section that covers them, and I can pass your privacy requests to the privacy team.',
  askHeading: 'Ask me things like',
  examples: ['What information do you collect about me?', 'How long is my data kept?', 'Who can see my personal data?', 'Can I get a copy of my data?'],
  exampleHint: 'Select a question to ask it, or type your own.',
  speak: 'Privacy Assistant. Ask me about the privacy policy, or make a privacy request.',
  requestsHeading: 'Make a privacy request',
  channelHint: 'In a team or group chat, mention me with @Privacy Assistant and your question.',
} as const;
