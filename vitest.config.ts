import { defineConfig } from 'vitest/config';
import { slowFirst } from './test/support/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files run side by side: most of the slow ones wait (on retries' back-off, timeouts,
    // servers) more than they compute. vitest's default on a 2-core machine is one file at a
    // time; docs/testing.md has the measurements behind this number.
    maxWorkers: 3,
    maxConcurrency: 3,
    sequence: {
      // Longest first (as measured), so no long file starts near the end of the run.
      sequencer: slowFirst([
        'test/diff/differential.test.ts',
        'test/faults/faults.test.ts',
        'test/audit/moto-audit.test.ts',
        'test/fuzz/fuzz.test.ts',
        'test/fuzz/data-differential.test.ts',
        'test/across/moto-across.test.ts',
        'test/completion/shells.test.ts',
        'test/endpoints/tls.test.ts',
        'test/hostile/output.test.ts',
        'test/audit/progress-tty.test.ts',
        'test/endpoints/signing-scope.test.ts',
        'test/formats/moto-formats.test.ts',
        'test/mfa/assume-role.test.ts',
      ]),
    },
    // Tests that load the SDK directly on Node 20 would print its Node-version notice (aws-iam's
    // bundle never shows it to users); it is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
