import { describe, expect, test } from 'vitest';
import { runEval, TARGETS } from '../scripts/eval-set.js';

const report = runEval();

describe('labelled evaluation set (npm run eval)', () => {
  test('holds at least 60 labelled quotes and 20 posts', () => {
    expect(report.quotes).toBeGreaterThanOrEqual(60);
    expect(report.posts).toBeGreaterThanOrEqual(20);
  });

  const targets = [
    { name: `quote F1 ≥ ${TARGETS.f1}`, value: report.f1, min: TARGETS.f1 },
    { name: `speaker accuracy ≥ ${TARGETS.speakerAccuracy}`, value: report.speakerAccuracy, min: TARGETS.speakerAccuracy },
    { name: 'post accuracy is 100%', value: report.postAccuracy, min: TARGETS.postAccuracy },
  ];
  for (const t of targets) {
    test(t.name, () => {
      const misses = report.files.flatMap((f) => f.misses.map((m) => `${f.file}: ${m}`));
      expect(t.value, misses.join('\n')).toBeGreaterThanOrEqual(t.min);
    });
  }
});
