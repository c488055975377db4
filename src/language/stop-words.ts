/**
 * English words that say nothing about what a question is about: function words, and the filler of
 * chat and of questions ("hi", "please", "I was wondering"). General English only: a word that could
 * name a topic in some policy ("request", "use", "data") is never here; the index weighs those itself.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // lunr's English list
  'a', 'able', 'about', 'across', 'after', 'all', 'almost', 'also', 'am', 'among', 'an', 'and', 'any', 'are',
  'as', 'at', 'be', 'because', 'been', 'but', 'by', 'can', 'cannot', 'could', 'dear', 'did', 'do', 'does',
  'either', 'else', 'ever', 'every', 'for', 'from', 'get', 'got', 'had', 'has', 'have', 'he', 'her', 'hers',
  'him', 'his', 'how', 'however', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'just', 'least', 'let', 'like',
  'likely', 'may', 'me', 'might', 'most', 'must', 'my', 'neither', 'no', 'nor', 'not', 'of', 'off', 'often',
  'on', 'only', 'or', 'other', 'our', 'own', 'rather', 'said', 'say', 'says', 'she', 'should', 'since', 'so',
  'some', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'tis', 'to', 'too',
  'twas', 'us', 'wants', 'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why',
  'will', 'with', 'would', 'yet', 'you', 'your',
  // more function words
  'those', 'whose', 'whatever', 'whenever', 'wherever', 'whoever', 'am', 'are', 'being', 'doing', 'done', 'gets',
  'getting', 'having', 'has', 'ours', 'yours', 'mine', 'theirs', 'myself', 'yourself', 'yourselves', 'ourselves',
  'themselves', 'itself', 'himself', 'herself', 'one', 'ones', 'each', 'same', 'such', 'both', 'again', 'more',
  'very', 'much', 'many', 'lot', 'lots', 'any', 'anyway', 'though', 'although', 'thus', 'hence', 'therefore',
  'whether', 'upon', 'onto', 'via', 'per', 'within', 'without', 'up', 'down', 'out', 'over', 'under', 'here',
  'now', 'still', 'even', 'really', 'actually', 'just', 'quite', 'already', 'yes', 'yeah', 'ok', 'okay', 'oh',
  'shall', 'ought', 'etc', 'eg', 'ie', 'im', 'ive', 'id', 'ill', 'youre', 'youve', 'youll', 'were', 'weve',
  'theyre', 'dont', 'doesnt', 'didnt', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'isnt', 'arent',
  'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'whats', 'hows', 'wheres', 'whos', 'theres', 'thats', 'heres',
  'lets', 'gonna', 'wanna', 'gotta', 'kinda', 'sorta',
  // chat and question filler
  'hi', 'hello', 'hey', 'please', 'thanks', 'thank', 'know', 'tell', 'want', 'wanted', 'wondering', 'wonder',
  'question', 'questions', 'ask', 'asking', 'asked', 'happen', 'happens', 'happened', 'happening', 'thing',
  'things', 'stuff', 'something', 'anything', 'everything', 'nothing', 'someone', 'anyone', 'somebody', 'anybody',
  'way', 'ways', 'kind', 'kinds', 'type', 'types', 'sort', 'exactly', 'currently', 'possible', 'explain',
  'mean', 'means', 'hmm', 'um', 'uh', 'anymore', 'need', 'needs', 'go', 'goes', 'going', 'make', 'makes', 'made',
  'take', 'takes', 'put', 'give', 'gives', 'bot', 'assistant', 'regarding', 'concerning', 'around', 'able',
  'best', 'good', 'great', 'nice',
]);
