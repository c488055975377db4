/**
 * The baseline for `npm run bench:turns`: the smallest bot the Bot Framework samples build, with the
 * project's own botbuilder and restify: `CloudAdapter` in local mode (no app id, so no token checks,
 * exactly as the privacy bot runs in the bench), restify's body parser, and one text reply per
 * message. Whatever the privacy bot costs beyond this is the bot's own.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createServer, plugins } from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (turn, next) => {
  await turn.sendActivity(`Echo: ${turn.activity.text}`);
  await next();
});

const server = createServer({ name: 'echo-bot' });
server.use(plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (turn) => bot.run(turn));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  // The same "serving" line shape as the privacy bot, so the bench finds the port the same way.
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ msg: 'echo bot serving', port: address.port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
