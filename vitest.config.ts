import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // jsdom: DOMPurify does not support happy-dom's window (it would return input unsanitized), and jsdom
    // neither loads subresources nor runs page scripts by default, so fixture pages stay offline and inert.
    environment: 'jsdom',
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
  },
});
