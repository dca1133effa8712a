import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // jsdom: DOMPurify does not support happy-dom's window (it would return input unsanitized), and jsdom
    // neither loads subresources nor runs page scripts by default, so fixture pages stay offline and inert.
    environment: 'jsdom',
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    // Only a guard against hangs: tests that walk every fixture page take seconds, and several times that on a
    // loaded 2-core machine; a test that fails only under load is a failing test.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
