import { classifyIntent, type Intent } from '../../src/intents/classify';

const request = (kind: string) => ({ type: 'request', kind });

describe('commands', () => {
  it.each<[string, Intent['type']]>([
    ['hi', 'greeting'],
    ['Hello!', 'greeting'],
    ['hey there', 'greeting'],
    ['Good morning', 'greeting'],
    ['thanks', 'thanks'],
    ['thank you!', 'thanks'],
    ['Thanks a lot', 'thanks'],
    ['help', 'help'],
    ['?', 'help'],
    ['HELP', 'help'],
    ['my requests', 'myRequests'],
    ['show my requests', 'myRequests'],
    ['status of my requests', 'myRequests'],
    ["What's the status of my requests?", 'myRequests'],
    ['notice', 'notice'],
    ['send a notice', 'notice'],
  ])('%s -> %s', (text, type) => {
    expect(classifyIntent(text).type).toBe(type);
  });

  it('does not take a longer message that starts with a greeting for a greeting', () => {
    expect(classifyIntent('hi, can you delete my data')).toEqual(request('deletion'));
    expect(classifyIntent('hello, how long do you keep my emails?').type).toBe('question');
  });
});

describe('requests: instructions open the form of their kind', () => {
  it.each<[string, string]>([
    ['delete my data', 'deletion'],
    ['Please erase everything you have about me', 'deletion'],
    ['remove all my personal information', 'deletion'],
    ['I want my account wiped', 'deletion'],
    ['Can you delete my data?', 'deletion'],
    ['I wish to exercise my right to erasure', 'deletion'],
    ['delte my data', 'deletion'],
    ["I'd like a copy of everything you hold on me", 'export'],
    ['I want an export of my data', 'export'],
    ['give me a copy of my data', 'export'],
    ['download my data', 'export'],
    ['could you send me all my data?', 'export'],
    ['exprot my data please', 'export'],
    ['stop personalised ads', 'optout'],
    ['opt me out', 'optout'],
    ['Opt-out of marketing please', 'optout'],
    ["I don't consent to ad personalization anymore", 'optout'],
    ['I no longer want targeted adverts', 'optout'],
    ['withdraw my consent', 'optout'],
    ['unsubscribe', 'optout'],
    ["fix my name, it's misspelled", 'rectification'],
    ['please correct my surname', 'rectification'],
    ['update my email address', 'rectification'],
    ['my phone number changed, please update it', 'rectification'],
  ])('%s -> %s', (text, kind) => {
    expect(classifyIntent(text)).toEqual(request(kind));
  });
});

describe('questions stay questions, with the right they ask about', () => {
  it.each<[string, string | undefined]>([
    ['Can I ask you to delete my data?', 'deletion'],
    ['what happens if I delete my info?', 'deletion'],
    ['I want to know if I can have my information erased', 'deletion'],
    ['deleting my stuff - is all of it gone afterwards?', 'deletion'],
    ['How would I get a copy of my data?', 'export'],
    ['can I move my mailbox to another provider?', 'export'],
    ['is there a way to opt out of tracking?', 'optout'],
    ['targeted ads opt out', 'optout'],
    ['my job title is wrong, can that be fixed?', 'rectification'],
    ['how long do you keep data', undefined],
    ['Do you read my Outlook emails?', undefined],
    ['who can see my files', undefined],
  ])('%s', (text, aboutRight) => {
    expect(classifyIntent(text)).toEqual(aboutRight ? { type: 'question', aboutRight } : { type: 'question' });
  });

  it.each([
    'delete the meeting from my calendar',
    'fix the printer on floor 3',
    "don't delete my data",
    'I deleted my account by mistake, what now?',
    'change my desktop background',
    'what time is it in Tokyo',
  ])('is not a request: %s', (text) => {
    expect(classifyIntent(text).type).toBe('question');
  });
});

describe('robustness', () => {
  it.each<[string, string, unknown]>([
    ['nothing to read: what the bot can do', '', { type: 'help' }],
    ['only spaces: what the bot can do', '   ', { type: 'help' }],
    ['only an emoji: what the bot can do', '🙂', { type: 'help' }],
    ['search syntax is words to look up, not syntax', 'title:x ~2 +-*^:', { type: 'question' }],
    ['10,000 characters of one word: a question', 'a'.repeat(10_000), { type: 'question' }],
    ['a greeting said 5,000 times is not a greeting', 'hi '.repeat(5000), { type: 'question' }],
    ['control characters part words as spaces do', 'delete\u0000my\u0000data', request('deletion')],
  ])('odd input: %s', (_, text, intent) => {
    expect(classifyIntent(text)).toEqual(intent);
  });

  it('ignores case and punctuation', () => {
    expect(classifyIntent('DELETE MY DATA!!!')).toEqual(request('deletion'));
    expect(classifyIntent('  Thank you  !! ')).toEqual({ type: 'thanks' });
  });
});
