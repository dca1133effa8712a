/** The options page's key fields (issue #14): a saved key is said to be there, never shown; keep, replace or remove it. */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsView, type OptionsViewProps } from '@/components/OptionsView';
import type { TranslationForm } from '@/utils/secrets';
import type { TranslationSettings } from '@/utils/settings';

const t = (key: string) => key;
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(saved: TranslationSettings) {
  const sent: TranslationForm[] = [];
  root = document.createElement('div');
  document.body.append(root);
  const props: OptionsViewProps = {
    t, builtIn: [], userSites: [], detectEverywhere: false, theme: 'auto',
    onToggleSite: () => undefined, onAddSite: () => undefined, onRemoveSite: () => undefined, onDetectEverywhere: () => undefined, onTheme: () => undefined,
    translation: { saved, offered: ['libretranslate', 'deepl'], languages: ['en', 'id'], uiLang: 'en' },
    onSaveTranslation: (next) => void sent.push(next),
  };
  act(() => render(<OptionsView {...props} />, root));
  const save = () => act(() => root.querySelector<HTMLButtonElement>('[data-action="save-translation"]')!.click());
  return { sent, save };
}

describe('options page: the translation key', () => {
  it('a saved DeepL key shows as saved, with no value in the field; Save keeps it, typing replaces it, Remove clears it', () => {
    const { sent, save } = mount({ provider: { id: 'deepl', hasKey: true }, target: '' });
    const field = root.querySelector<HTMLInputElement>('#deepl-key')!;
    expect(field.value).toBe('');
    expect(field.type).toBe('password');
    expect(root.querySelector('[data-key-state="saved"]')?.textContent).toContain('optionsKeySaved');
    save();
    expect(sent.at(-1)).toEqual({ provider: { id: 'deepl' }, target: '' });

    act(() => {
      field.value = ' new-key:fx ';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    save();
    expect(sent.at(-1)).toEqual({ provider: { id: 'deepl', apiKey: 'new-key:fx' }, target: '' });

    act(() => {
      field.value = '';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => root.querySelector<HTMLButtonElement>('[data-action="remove-key"]')!.click());
    expect(root.querySelector('[data-key-state="removing"]')).not.toBeNull();
    save();
    expect(sent.at(-1)).toEqual({ provider: { id: 'deepl', apiKey: null }, target: '' });
  });

  it('LibreTranslate without a key: no key state, and Save sends none', () => {
    const { sent, save } = mount({ provider: { id: 'libretranslate', url: 'http://127.0.0.1:5000' }, target: 'id' });
    expect(root.querySelector('[data-key-state]')).toBeNull();
    save();
    expect(sent.at(-1)).toEqual({ provider: { id: 'libretranslate', url: 'http://127.0.0.1:5000' }, target: 'id' });
  });
});
