/** The reader's translate bar, driven as a person drives it (for the translation browser tests). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export async function openTranslateBar(page: Page): Promise<void> {
  await page.locator('[data-action="translate"]').click();
  await page.locator('.translate-bar').waitFor();
}

/**
 * Picks an option as a person does, with the keyboard: the reader drops untrusted form events (a page script's),
 * and Playwright's selectOption() dispatches synthetic ones.
 */
export async function chooseOption(page: Page, selector: string, value: string): Promise<void> {
  const select = page.locator(selector);
  const [from, to] = await select.evaluate((s: HTMLSelectElement, v) => [s.selectedIndex, Array.from(s.options).findIndex((o) => o.value === v)], value);
  if (to < 0) throw new Error(`${selector} has no option ${value}`);
  await select.focus();
  for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect.poll(() => select.inputValue()).toBe(value);
}

/** A page of either driver (Playwright or puppeteer): what these readers of the reader need. */
interface AnyPage {
  evaluate<T>(fn: () => T): Promise<T>;
}

/** The translated blocks' texts, in order (blocks still waiting for their translation left out). */
export const translatedTexts = (page: AnyPage): Promise<string[]> =>
  page.evaluate(() =>
    Array.from(document.body.shadowRoot!.querySelectorAll('.body .jernih-tr'))
      .filter((tr) => tr.childNodes.length)
      .map((tr) => tr.textContent!.trim()),
  );

/** The focused control in the reader, as "action:provider" (e.g. "translate-provider:libretranslate"). */
export const focusedAction = (page: AnyPage): Promise<string> =>
  page.evaluate(() => {
    const el = document.body.shadowRoot?.activeElement as HTMLElement | null;
    return el ? `${el.getAttribute('data-action') ?? el.tagName}:${el.getAttribute('data-provider') ?? ''}` : '';
  });
