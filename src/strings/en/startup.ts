/** What an operator reads on the console when the bot starts. */
export const startup = {
  /** Framed and printed on stderr at start-up in local mode, besides the log line. */
  localModeBanner: [
    'LOCAL MODE: BOT_ID is empty, so requests to this bot are NOT authenticated.',
    'Anyone who can reach port {port} can talk to it as anyone.',
    'Fine on your own machine; anywhere else, set BOT_ID (see "Deploying" in README.md).',
  ],
} as const;
