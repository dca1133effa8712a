import type { Translate } from './i18n';
import type { PanelName, SpeechView, ToolbarAction, ViewEvent } from './reader-types';
import { IconBack, IconContents, IconListen, IconMore, IconPause, IconPlay, IconStop, IconVoice } from './icons';

export interface ReaderToolbarProps {
  t: Translate;
  panel: PanelName | null;
  speech: SpeechView;
  /** The article has a table of contents. */
  hasContents: boolean;
  /** More actions for the action group (Save, Translate), after Listen. */
  actions?: ToolbarAction[];
  onExit: () => void;
  onPanel: (panel: PanelName | null) => void;
  onEvent: (event: ViewEvent) => void;
  /** On a supported site: its auto-clean switch. */
  autoSite?: { label: string; on: boolean };
  onAutoClean?: (on: boolean) => void;
  /** Opened by auto-clean: the way back is "Show original". */
  autoOpened?: boolean;
  /** Another name for the way out (a saved article goes back to the library). */
  exitLabel?: string;
}

/**
 * Three groups: leaving (Exit, the site's auto-clean switch), actions on the article (Listen, then whatever
 * `actions` adds: Save, Translate), and the view (Contents, Appearance, More). Every button has a visible label
 * on wide screens and the same accessible name when narrow screens show only its icon.
 */
export function ReaderToolbar(p: ReaderToolbarProps) {
  const { t, speech, panel } = p;
  const toggle = (name: PanelName) => p.onPanel(panel === name ? null : name);
  const exitLabel = p.exitLabel ?? (p.autoOpened ? t('showOriginal') : t('exit'));
  const listenLabel = speech.state === 'playing' ? t('listenPause') : speech.state === 'paused' ? t('listenResume') : t('listen');
  return (
    <header class="toolbar" aria-label={t('toolbarLabel')}>
      <div class="group-start">
        <button
          type="button"
          class="tb exit"
          data-action="exit"
          onClick={p.onExit}
          aria-label={exitLabel}
          title={`${exitLabel} (Esc)`}
        >
          <IconBack /> <span class="label">{exitLabel}</span>
        </button>
        {p.autoSite && (
          <label class="switch">
            <input
              type="checkbox"
              data-action="auto-clean"
              checked={p.autoSite.on}
              aria-label={t('autoCleanOn', p.autoSite.label)}
              onChange={(e) => p.onAutoClean?.((e.currentTarget as HTMLInputElement).checked)}
            />
            <span class="label-wide" aria-hidden="true">{t('autoCleanOn', p.autoSite.label)}</span>
            <span class="label-narrow" aria-hidden="true">{t('autoCleanShort')}</span>
          </label>
        )}
      </div>
      <div class="spacer" />
      <div class="group actions" role="group" aria-label={t('articleActions')}>
        {speech.available && (
          <button
            type="button"
            class="tb"
            data-action="listen"
            aria-label={listenLabel}
            title={`${listenLabel} (L)`}
            aria-pressed={speech.state === 'playing'}
            onClick={() => p.onEvent('listen')}
          >
            {speech.state === 'playing' ? <IconPause /> : speech.state === 'paused' ? <IconPlay /> : <IconListen />}
            <span class="label">{listenLabel}</span>
          </button>
        )}
        {speech.available && speech.state !== 'idle' && (
          <button type="button" class="tb" data-action="listen-stop" aria-label={t('listenStop')} title={`${t('listenStop')} (Shift+L)`} onClick={() => p.onEvent('listen-stop')}>
            <IconStop />
          </button>
        )}
        {speech.available && (
          <button
            type="button"
            class="tb"
            data-panel-toggle="speech"
            aria-label={t('voiceSettings')}
            title={t('voiceSettings')}
            aria-expanded={panel === 'speech'}
            onClick={() => toggle('speech')}
          >
            <IconVoice />
          </button>
        )}
        {p.actions?.map((a) => (
          <button
            type="button"
            class="tb"
            key={a.id}
            data-action={a.id}
            aria-label={a.label}
            title={a.label}
            aria-pressed={a.pressed}
            disabled={a.disabled}
            onClick={a.onClick}
          >
            {a.icon}
            <span class="label">{a.label}</span>
          </button>
        ))}
      </div>
      <div class="group view" role="group" aria-label={t('viewControls')}>
        {p.hasContents && (
          <button
            type="button"
            class="tb contents-toggle"
            data-panel-toggle="contents"
            aria-label={t('contents')}
            title={`${t('contents')} (C)`}
            aria-expanded={panel === 'contents'}
            onClick={() => toggle('contents')}
          >
            <IconContents /> <span class="label">{t('contents')}</span>
          </button>
        )}
        <button
          type="button"
          class="tb"
          data-panel-toggle="appearance"
          aria-label={t('appearance')}
          title={`${t('appearance')} (A)`}
          aria-expanded={panel === 'appearance'}
          onClick={() => toggle('appearance')}
        >
          <span class="aa" aria-hidden="true">Aa</span>
        </button>
        <button
          type="button"
          class="tb"
          data-panel-toggle="more"
          aria-label={t('moreActions')}
          title={`${t('moreActions')} (M)`}
          aria-expanded={panel === 'more'}
          onClick={() => toggle('more')}
        >
          <IconMore />
        </button>
      </div>
    </header>
  );
}
