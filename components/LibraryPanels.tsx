/**
 * The panels over the library (a modal dialog each): export, import, the plan of an import before it is written,
 * and an article's tags.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat, ImportPlanView, LibraryPanel, LibraryViewProps } from './library-types';
import { LibraryTagsBody } from './LibraryTags';
import { IconImport, IconX } from './library-icons';

type PanelProps = Pick<
  LibraryViewProps,
  | 't'
  | 'counts'
  | 'tags'
  | 'selected'
  | 'busy'
  | 'onPanel'
  | 'onExport'
  | 'onImport'
  | 'onImportConfirm'
  | 'onImportCancel'
  | 'onAddTag'
  | 'onRemoveTag'
>;

export function LibraryPanelSheet(p: PanelProps & { panel: LibraryPanel }) {
  const { t, panel } = p;
  const box = useRef<HTMLElement>(null);
  // Focus goes into the panel when it opens (to the element marked for it, else the first control) and back where
  // it was when it closes.
  useLayoutEffect(() => {
    const before = box.current?.ownerDocument.activeElement as HTMLElement | null;
    const target = box.current?.querySelector('[data-autofocus]') ?? box.current?.querySelector('input, button:not([data-action="close-panel"])');
    (target as HTMLElement | null)?.focus();
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [panel.kind]);
  const title =
    panel.kind === 'export'
      ? t('libraryExport')
      : panel.kind === 'import'
        ? t('libraryImport')
        : panel.kind === 'import-confirm'
          ? t('libraryImportReview')
          : t('libraryAddTag');
  let body: ComponentChildren;
  if (panel.kind === 'export') body = <ExportBody {...p} />;
  else if (panel.kind === 'import') body = <ImportBody {...p} />;
  else if (panel.kind === 'import-confirm') body = <ImportConfirmBody {...p} plan={panel.plan} />;
  else body = <LibraryTagsBody {...p} item={panel.item} />;
  return (
    <div class="scrim" onClick={(e) => e.target === e.currentTarget && p.onPanel(null)}>
      <section class={`panel panel-${panel.kind}`} role="dialog" aria-modal="true" aria-labelledby="library-panel-title" ref={box}>
        <header class="panel-head">
          <h2 id="library-panel-title">{title}</h2>
          <button type="button" class="icon-btn" data-action="close-panel" aria-label={t('close')} title={`${t('close')} (Esc)`} onClick={() => p.onPanel(null)}>
            <IconX />
          </button>
        </header>
        {body}
      </section>
    </div>
  );
}

function ExportBody(p: Pick<PanelProps, 't' | 'counts' | 'selected' | 'busy' | 'onExport'>) {
  const { t } = p;
  const [selectedOnly, setSelectedOnly] = useState(p.selected.size > 0);
  const formats: [ExportFormat, string][] = [
    ['json', t('libraryExportJson')],
    ['markdown', t('libraryExportMarkdown')],
    ['epub', t('libraryExportEpub')],
  ];
  return (
    <>
      <fieldset class="choice">
        <legend>{t('libraryExportWhat')}</legend>
        <label>
          <input type="radio" name="scope" checked={!selectedOnly} onChange={() => setSelectedOnly(false)} />
          {t('libraryExportAll', String(p.counts?.all ?? 0))}
        </label>
        <label class={p.selected.size ? '' : 'disabled'}>
          <input type="radio" name="scope" checked={selectedOnly} disabled={!p.selected.size} onChange={() => setSelectedOnly(true)} />
          {t('libraryExportSelected', String(p.selected.size))}
        </label>
      </fieldset>
      <p class="legend">{t('libraryExportFormat')}</p>
      <div class="formats">
        {formats.map(([f, label]) => (
          <button type="button" class="format" key={f} data-format={f} disabled={!!p.busy} onClick={() => p.onExport(f, selectedOnly)}>
            <strong>{label.split(' — ')[0]}</strong>
            <span>{label.split(' — ')[1] ?? ''}</span>
          </button>
        ))}
      </div>
      <BusyLine busy={p.busy} />
    </>
  );
}

function ImportBody(p: Pick<PanelProps, 't' | 'busy' | 'onImport'>) {
  const { t } = p;
  return (
    <>
      <p>{t('libraryImportHint')}</p>
      <label class={`btn primary file${p.busy ? ' disabled' : ''}`}>
        <IconImport /> {t('libraryImportChoose')}
        <input
          type="file"
          data-action="import-file"
          accept=".json,.csv,.html,.htm,.zip,application/json,text/csv,text/html,application/zip"
          disabled={!!p.busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) p.onImport(file);
            input.value = '';
          }}
        />
      </label>
      <BusyLine busy={p.busy} />
    </>
  );
}

/** Titles listed under a line of the plan; the rest is counted. */
const PLAN_TITLES_SHOWN = 8;

function PlanTitles({ t, titles, count }: { t: LibraryViewProps['t']; titles: string[]; count: number }) {
  if (!titles.length) return null;
  const shown = titles.slice(0, PLAN_TITLES_SHOWN);
  return (
    <ul class="plan-titles" style={{ margin: '2px 0 0', paddingLeft: '18px', fontWeight: 400 }}>
      {shown.map((title, i) => (
        <li key={i}>{title}</li>
      ))}
      {count > shown.length && <li>{t('libraryImportPlanMore', String(count - shown.length))}</li>}
    </ul>
  );
}

/**
 * The plan of an import: what the file would add, update and replace, with the titles of the saved articles it
 * would change, and the question. Nothing has been written yet (issue #14: a file must not replace saved articles
 * without a word). When something would be replaced, Cancel has the focus, so Enter alone changes nothing.
 */
function ImportConfirmBody(p: Pick<PanelProps, 't' | 'busy' | 'onImportConfirm' | 'onImportCancel'> & { plan: ImportPlanView }) {
  const { t, plan } = p;
  const nothing = plan.added + plan.updated + plan.replaced === 0;
  const lines: [string, number, string, string[]][] = [
    ['add', plan.added, t('libraryImportPlanAdd'), []],
    ['replace', plan.replaced, t('libraryImportPlanReplace'), plan.replacedTitles],
    ['update', plan.updated, t('libraryImportPlanUpdate'), plan.updatedTitles],
    ['skip', plan.skipped, t('libraryImportPlanSkip'), []],
  ];
  return (
    <>
      <p>{t('libraryImportPlanIntro', [plan.fileName, String(plan.total)])}</p>
      <ul class="import-plan" style={{ margin: '0 0 12px', paddingLeft: '18px' }}>
        {lines
          .filter(([, n]) => n > 0)
          .map(([key, n, label, titles]) => (
            <li key={key} data-plan={key} style={{ marginBottom: '6px', fontWeight: key === 'replace' ? 650 : 400 }}>
              {label}: <strong>{n}</strong>
              <PlanTitles t={t} titles={titles} count={n} />
            </li>
          ))}
      </ul>
      <p>{nothing ? t('libraryImportPlanNothing') : t('libraryImportPlanAsk')}</p>
      <div class="panel-actions">
        <button type="button" class="btn" data-action="import-cancel" data-autofocus={nothing || plan.replaced > 0 ? true : undefined} onClick={p.onImportCancel}>
          {nothing ? t('close') : t('cancel')}
        </button>
        {!nothing && (
          <button
            type="button"
            class="btn primary"
            data-action="import-confirm"
            data-autofocus={plan.replaced === 0 ? true : undefined}
            disabled={!!p.busy}
            onClick={p.onImportConfirm}
          >
            <IconImport /> {t('libraryImport')}
          </button>
        )}
      </div>
      <BusyLine busy={p.busy} />
    </>
  );
}

/** What an export or import is doing now, said to screen readers as it changes. */
function BusyLine({ busy }: { busy: string | null }) {
  return busy ? (
    <p class="busy" role="status">
      {busy}
    </p>
  ) : null;
}
