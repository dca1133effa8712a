/**
 * TEST-ONLY: runs code in the extension's isolated world of a page's main frame, where the reader (a content
 * script) runs, through the DevTools protocol. The translation tests use it to give the reader's window a fake
 * on-device `Translator`, or to take the browser's away, the read-aloud tests to put in a stub speech engine
 * (speech-stub.ts), the auto-clean tests to see whether auto-clean asked for the reader; all without any hook in
 * the extension: the build the tests load is the one people install (test/e2e/lint.test.ts checks the bundles).
 */
import type { Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/**
 * Evaluates `expression` in the extension's world of `page`'s main frame and returns its value, or null when the page
 * has no such world: none of the extension's content scripts has run in it.
 */
export async function evaluateInReaderWorldIfAny<T = unknown>(page: Page, extensionId: string, expression: string): Promise<{ value: T } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
    // Runtime.enable announces every existing context before it answers.
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.find((c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.frameId === frameTree.frame.id);
    if (!world) return null;
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(`in the reader world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return { value: result.value as T };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Evaluates `expression` in the reader's world of `page` (the reader must have run there) and returns its value. */
export async function evaluateInReaderWorld<T = unknown>(page: Page, extensionId: string, expression: string): Promise<T> {
  const answer = await evaluateInReaderWorldIfAny<T>(page, extensionId, expression);
  if (!answer) throw new Error(`no reader world in ${page.url()}`);
  return answer.value;
}

/**
 * A Translator global shaped like Chrome's (availability, create, translate), packs already on the device: it
 * "translates" by putting `[target]` before the text, and counts what it was asked to create.
 */
export const FAKE_TRANSLATOR = `(() => {
  const created = [];
  Object.defineProperty(globalThis, 'Translator', { configurable: true, writable: true, value: {
    availability: async () => 'available',
    create: async (o) => {
      created.push(o.sourceLanguage + '>' + o.targetLanguage);
      return { translate: async (text) => '[' + o.targetLanguage + '] ' + text, destroy() {} };
    },
  } });
  globalThis.__fakeTranslatorCreated = created;
  return typeof Translator;
})()`;

/** Takes the browser's Translator away from the reader's world (a browser without an on-device translator). */
export const NO_TRANSLATOR = `(() => {
  delete globalThis.Translator;
  if (typeof Translator !== 'undefined') Object.defineProperty(globalThis, 'Translator', { configurable: true, value: undefined });
  return typeof Translator;
})()`;
