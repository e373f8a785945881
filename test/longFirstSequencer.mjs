/**
 * Starts the longest test files first, so the two workers end together. Jest does this itself
 * from its cache of last durations, but CI runs in a clean clone without that cache, where Jest
 * falls back to file size and may start the longest browser walk last, leaving one worker idle
 * for minutes at the end. Files without a last duration are ordered by the rough durations below
 * (seconds from a full run on the 2-core machine); the others keep Jest's order after them.
 */
import TestSequencer from '@jest/test-sequencer'

const knownSeconds = {
  'test/browser/adminWalk.test.ts': 300,
  'test/browser/pages.test.ts': 240,
  'test/browser/adminReview.test.ts': 160,
  'test/int/accessMatrix.test.ts': 90,
  'test/browser/publishing.test.ts': 80,
  'test/browser/signing.test.ts': 45,
}

const Base = TestSequencer.default ?? TestSequencer

export default class LongFirstSequencer extends Base {
  sort(tests) {
    const sorted = super.sort(tests)
    const known = (test) => {
      const relative = test.path.slice(test.context.config.rootDir.length + 1).replaceAll('\\', '/')
      return test.duration == null ? (knownSeconds[relative] ?? 0) : 0
    }
    // A stable sort: the files Jest has no time for but this table knows go first, longest first.
    return [...sorted].sort((a, b) => known(b) - known(a))
  }
}
