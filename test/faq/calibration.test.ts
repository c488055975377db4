/** Coverage levels: derived from the content unless calibration.json beside it sets them. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src/errors';
import { loadFaqService } from '../../src/faq/faq-service';

const FIXTURE = path.join(__dirname, 'fixtures/employee-notice/content');

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function contentWith(calibration: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'calibration-'));
  tempDirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'calibration.json'), calibration);
  return dir;
}

describe('calibration.json', () => {
  it('sets the levels the organisation measured, and derives the rest from the content', () => {
    const derived = loadFaqService(FIXTURE).thresholds;
    const service = loadFaqService(contentWith('{ "minCoverage": 0.2, "answerCoverage": 0.3 }'));
    expect(service.thresholds).toEqual({
      minCoverage: 0.2,
      answerCoverage: 0.3,
      answerLead: derived.answerLead,
      minCoverageWithoutPrivacy: derived.minCoverageWithoutPrivacy,
    });
  });

  it('takes every level from the file when it sets them all', () => {
    const levels = { minCoverage: 0.25, answerCoverage: 0.35, answerLead: 0, minCoverageWithoutPrivacy: 0.7 };
    expect(loadFaqService(contentWith(JSON.stringify(levels))).thresholds).toEqual(levels);
  });

  it.each([
    ['not JSON', '{ minCoverage: 0.2 '],
    ['a level that is not a number', '{ "minCoverage": "low" }'],
    ['a level outside 0..1', '{ "answerCoverage": 3 }'],
    ['a lead outside -1..1', '{ "answerLead": -2 }'],
    ['a level for questions naming no privacy concept outside 0..1', '{ "minCoverageWithoutPrivacy": 1.5 }'],
  ])('stops start-up on %s, naming the file', (_case, text) => {
    let error: unknown;
    try {
      loadFaqService(contentWith(text));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONTENT_INVALID');
    expect((error as AppError).message).toMatch(/^calibration\.json: /);
  });
});
