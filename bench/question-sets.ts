/**
 * The question sets the FAQ benches measure on: the shared ones (../shared/eval: the sample's dev set
 * on the project's content, and each organisation's folder) and ours (test/faq/fixtures), each read
 * with the content it asks about.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../src/faq/content-loader';
import { readQuestionFile, type QuestionFile } from '../src/faq/question-file';
import type { FaqEntry } from '../src/faq/types';
import { REPO_ROOT } from '../test/fakes/boot';

export interface QuestionSet extends QuestionFile {
  name: string;
  file: string;
  contentDir: string;
  entries: FaqEntry[];
}

/** A question file and its content: `contentDir`, else a content/ folder beside the file, else the project's content/. */
export function readSet(file: string, contentDir: string | undefined): QuestionSet {
  const beside = path.join(path.dirname(file), 'content');
  const dir = contentDir ?? (fs.existsSync(beside) ? beside : path.join(REPO_ROOT, 'content'));
  const name = path.basename(file) === 'questions.json' ? path.basename(path.dirname(file)) : path.basename(file, '.json');
  return { name, file, contentDir: dir, entries: loadContent(dir), ...readQuestionFile(file) };
}

/** ../shared beside the project (its main checkout), or beside the folder of worktrees. */
export function sharedDir(): string {
  return (
    [path.resolve(REPO_ROOT, '../shared'), path.resolve(REPO_ROOT, '../../shared')].find((dir) => fs.existsSync(dir)) ?? path.resolve(REPO_ROOT, '../shared')
  );
}

/** Every question set: the shared ones first, then ours. */
export function defaultSetFiles(): string[] {
  const files: string[] = [];
  const eval_ = path.join(sharedDir(), 'eval');
  const inFolders = (dir: string) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((dirent) => dirent.isDirectory() && fs.existsSync(path.join(dir, dirent.name, 'questions.json')))
          .map((dirent) => path.join(dir, dirent.name, 'questions.json'))
          .sort()
      : [];
  if (fs.existsSync(path.join(eval_, 'faq-dev.json'))) files.push(path.join(eval_, 'faq-dev.json'));
  files.push(...inFolders(eval_), ...inFolders(path.join(REPO_ROOT, 'test/faq/fixtures')));
  return files;
}
