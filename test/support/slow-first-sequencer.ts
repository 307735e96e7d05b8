/**
 * The order test files start in: the slow ones first, in the order given, so the run ends
 * when the longest file does rather than when a long one that started last does. The order is
 * written down because a fresh clone (CI) has no cached durations to sort by; files not named
 * follow, larger files first (vitest's own fallback without a cache).
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSequencerConstructor, type TestSpecification } from 'vitest/node';

export function slowFirst(slowest: readonly string[]): TestSequencerConstructor {
  return class SlowFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const name = (file: TestSpecification) => relative(this.ctx.config.root, file.moduleId);
      const rank = (file: TestSpecification) => {
        const at = slowest.indexOf(name(file));
        return at === -1 ? slowest.length : at;
      };
      const size = (file: TestSpecification) => statSync(file.moduleId).size;
      return [...files].sort((a, b) => rank(a) - rank(b) || size(b) - size(a));
    }
  };
}
