import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from './i18n';
import type { PanelName, SpeechView, ToolbarAction, ViewEvent } from './reader-types';
import type { BarItem } from './toolbar-layout';
import { SHORTCUTS } from '@/utils/reader/keymap';
import { IconBack, IconContents, IconListen, IconMore } from './icons';

export interface ReaderToolbarProps {
  t: Translate;
  panel: PanelName | null;
  /** The items the bar has room for (the rest are in More: see toolbarItems and toolbar-layout.ts). */
  items: BarItem[];
  /** How many items are in More for want of room, and how many could be. */
  overflow: number;
  movable: number;
  /** The bar is too wide for the view (ask for one more item in More), or the view changed (0: start again). */
  onOverflow: (overflow: number) => void;
  onExit: () => void;
  onPanel: (panel: PanelName | null) => void;
  /** Opened by auto-clean: the way back is "Show original". */
  autoOpened?: boolean;
  /** Another name for the way out (a saved article goes back to the library). */
  exitLabel?: string;
}

export interface ToolbarItemsInput {
  t: Translate;
  panel: PanelName | null;
  speech: SpeechView;
  /** The article has a table of contents. */
  hasContents: boolean;
  /** More actions for the action group (Save, Library, Translate), after Listen. */
  actions?: ToolbarAction[];
  onPanel: (panel: PanelName | null) => void;
  onEvent: (event: ViewEvent) => void;
}

/**
 * The bar's movable controls, in the bar's order: the actions on the article (Listen, which opens the Listen panel
 * with voice and speed, then Save, Library, Translate) and the view (Contents, Appearance). Exit and More are
 * always on the bar. Each has one name, used as its accessible name, its tooltip and its text in More.
 */
export function toolbarItems(p: ToolbarItemsInput): BarItem[] {
  const { t, panel, speech } = p;
  const toggle = (name: PanelName) => () => p.onPanel(panel === name ? null : name);
  const items: BarItem[] = [];
  if (speech.available) {
    items.push({
      key: 'panel:speech',
      group: 'actions',
      label: t('listen'),
      icon: <IconListen />,
      panel: 'speech',
      expanded: panel === 'speech',
      active: speech.state === 'playing',
      labelled: true,
      onClick: toggle('speech'),
    });
  }
  for (const a of p.actions ?? []) {
    items.push({
      key: a.id,
      group: 'actions',
      label: a.label,
      icon: a.icon,
      shortcut: SHORTCUTS.find((k) => k.action === a.shortcut)?.keys[0],
      action: a.id,
      pressed: a.pressed,
      disabled: a.disabled,
      labelled: true,
      onClick: a.onClick,
    });
  }
  if (p.hasContents) {
    items.push({ key: 'panel:contents', group: 'view', label: t('contents'), icon: <IconContents />, shortcut: 'C', panel: 'contents', expanded: panel === 'contents', labelled: true, onClick: toggle('contents') });
  }
  items.push({
    key: 'panel:appearance',
    group: 'view',
    label: t('appearance'),
    icon: (
      <span class="aa" aria-hidden="true">
        Aa
      </span>
    ),
    shortcut: 'A',
    panel: 'appearance',
    expanded: panel === 'appearance',
    onClick: toggle('appearance'),
  });
  return items;
}

/** A bar item as a toolbar button: an icon (and a label where there is room), its name as tooltip and accessible name. */
function BarButton({ item }: { item: BarItem }) {
  return (
    <button
      type="button"
      class={`tb${item.key === 'panel:contents' ? ' contents-toggle' : ''}`}
      data-action={item.action}
      data-panel-toggle={item.panel}
      data-active={item.active ? 'on' : undefined}
      aria-label={item.label}
      title={item.shortcut ? `${item.label} (${item.shortcut})` : item.label}
      aria-expanded={item.panel ? item.expanded : undefined}
      aria-pressed={item.action ? item.pressed : undefined}
      disabled={item.disabled}
      onClick={item.onClick}
    >
      {item.icon}
      {item.labelled && <span class="label">{item.label}</span>}
    </button>
  );
}

/**
 * Three groups: leaving (Exit, or "Show original"), actions on the article, and the view (then More). The bar
 * never scrolls: while it is wider than the view it asks for one more item in More (the order is in
 * toolbar-layout.ts), and when the view changes size it starts again from everything on the bar. The per-site
 * auto-clean switch is not here (one stray tap would switch a whole site off): it is in More and on the options page.
 */
export function ReaderToolbar(p: ReaderToolbarProps) {
  const { t, panel } = p;
  const ref = useRef<HTMLDivElement>(null);
  const exitLabel = p.exitLabel ?? (p.autoOpened ? t('showOriginal') : t('exit'));
  const actions = p.items.filter((i) => i.group === 'actions');
  const view = p.items.filter((i) => i.group !== 'actions');

  // After every render: still too wide, so one more item goes into More (each step renders again, before paint).
  // Once it fits, the bar says for which width (data-fitted-width): a resize is seen one frame later (ResizeObserver),
  // so until then the split shown belongs to the old width, and whoever reads the bar (the browser tests) can tell.
  const { overflow, movable, onOverflow } = p;
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    if (bar.scrollWidth > bar.clientWidth && overflow < movable) {
      delete bar.dataset.fittedWidth;
      onOverflow(overflow + 1);
    } else bar.dataset.fittedWidth = String(bar.clientWidth);
  });
  // The view changed width (a phone turned, a window resized), a font arrived (labels change width without a
  // render) or the bar's items changed: everything back on the bar, measured again.
  const latest = useRef(onOverflow);
  latest.current = onOverflow;
  // Renders the bar again (and so measures it) even when the count was already 0.
  const [, remeasure] = useState(0);
  useLayoutEffect(() => {
    const bar = ref.current;
    const RO = bar?.ownerDocument.defaultView?.ResizeObserver;
    if (!bar || !RO) return;
    const again = () => {
      delete bar.dataset.fittedWidth;
      latest.current(0);
      remeasure((n) => n + 1);
    };
    let width = bar.clientWidth;
    const ro = new RO(() => {
      if (bar.clientWidth === width) return;
      width = bar.clientWidth;
      again();
    });
    ro.observe(bar);
    const fonts = bar.ownerDocument.fonts;
    fonts?.addEventListener?.('loadingdone', again);
    return () => {
      ro.disconnect();
      fonts?.removeEventListener?.('loadingdone', again);
    };
  }, []);
  const seenMovable = useRef(movable);
  useLayoutEffect(() => {
    if (seenMovable.current === movable) return;
    seenMovable.current = movable;
    onOverflow(0);
  }, [movable]);

  return (
    // Inside the reader's banner (ReaderView's header.top), so a group and not a second banner.
    <div class="toolbar" role="group" aria-label={t('toolbarLabel')} ref={ref}>
      <div class="group-start">
        <button type="button" class="tb exit" data-action="exit" onClick={p.onExit} aria-label={exitLabel} title={`${exitLabel} (Esc)`}>
          <IconBack /> <span class="label">{exitLabel}</span>
        </button>
      </div>
      <div class="spacer" />
      <div class="group actions" role="group" aria-label={t('articleActions')}>
        {actions.map((item) => (
          <BarButton key={item.key} item={item} />
        ))}
      </div>
      <div class="group view" role="group" aria-label={t('viewControls')}>
        {view.map((item) => (
          <BarButton key={item.key} item={item} />
        ))}
        <button
          type="button"
          class="tb"
          data-panel-toggle="more"
          aria-label={t('moreActions')}
          title={`${t('moreActions')} (M)`}
          aria-expanded={panel === 'more'}
          onClick={() => p.onPanel(panel === 'more' ? null : 'more')}
        >
          <IconMore />
        </button>
      </div>
    </div>
  );
}
