/**
 * The library page's export and import panels. Export writes a file of the whole library or the rows selected.
 * Import reads, checks and plans a file, shows the plan and asks (issue #14): nothing is written before the
 * person confirms. The code for both (zip, EPUB, Markdown, the sanitizer) loads when first used (io.ts).
 */
import type { ExportFormat, ImportPlanView, LibraryViewProps } from '@/components/library-types';
import { LibraryError } from '../library/types';
import type { PreparedImport } from '../library/import';
import type { PageContext } from './page-context';
import type { Listing } from './page-list';

const loadIo = () => import('./io');
/** Titles of replaced and updated articles handed to the plan view (it shows the first few and counts the rest). */
const PLAN_TITLES = 50;
const MIME: Record<ExportFormat, string> = { json: 'application/json', markdown: 'application/zip', epub: 'application/epub+zip' };

export type TransferHandlers = Pick<LibraryViewProps, 'onPanel' | 'onExport' | 'onImport' | 'onImportConfirm' | 'onImportCancel'>;

export interface Transfer {
  handlers: TransferHandlers;
  /** Closes the panel open; closing the plan of an import cancels it (nothing was written). Paints. */
  closePanel: () => void;
}

export function createTransfer(
  { env, state, paint, track, library, say, fail }: PageContext,
  { refreshItems, refreshMeta }: Pick<Listing, 'refreshItems' | 'refreshMeta'>,
): Transfer {
  const { t, doc } = env;

  const closePanel = () => {
    state.pendingImport = null;
    state.panel = null;
    paint();
  };

  const exportAs = async (format: ExportFormat, selectedOnly: boolean) => {
    const ids = selectedOnly ? state.items.filter((i) => state.selected.has(i.id)).map((i) => i.id) : undefined;
    state.busy = t('libraryExporting');
    paint();
    try {
      const [l, io] = await Promise.all([library(), loadIo()]);
      const data =
        format === 'json' ? await io.exportJson(l, { ids }) : format === 'markdown' ? await io.exportMarkdownZip(l, { ids, doc }) : await io.exportEpub(l, { ids, doc, locale: env.locale });
      env.download(io.exportFileName(format), data, MIME[format]);
      state.busy = null;
      state.panel = null;
      say({ kind: 'ok', text: t('libraryExported', String(ids?.length ?? state.counts?.all ?? 0)) });
    } catch (e) {
      state.busy = null;
      fail(e);
    }
  };

  const importRefused = (e: unknown) => {
    if (e instanceof LibraryError && e.code === 'import-invalid') say({ kind: 'error', text: t('libraryImportRejected'), detail: e.message });
    else fail(e);
  };

  /** Reads, checks and plans the file, then shows the plan and asks: nothing is written here. */
  const importFrom = async (file: File) => {
    state.busy = t('libraryImportChecking');
    paint();
    try {
      const io = await loadIo();
      // From the size alone, before the file is read into memory.
      io.assertImportSize(file.size);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const prepared = await io.prepareImport(await library(), bytes, { doc });
      state.busy = null;
      state.pendingImport = prepared;
      state.panel = { kind: 'import-confirm', plan: planView(file.name, prepared) };
      paint();
    } catch (e) {
      state.busy = null;
      paint();
      importRefused(e);
    }
  };

  /** Merges the file whose plan the person confirmed; refused (unchanged) if the library changed meanwhile. */
  const confirmImport = async () => {
    const prepared = state.pendingImport;
    if (!prepared || state.busy) return;
    state.busy = t('libraryImporting');
    paint();
    try {
      const [l, io] = await Promise.all([library(), loadIo()]);
      const r = await io.applyImport(l, prepared);
      state.busy = null;
      state.pendingImport = null;
      state.panel = null;
      say({ kind: 'ok', text: t('libraryImported', [String(r.added), String(r.updated + r.replaced), String(r.skipped)]) });
      await Promise.all([refreshItems(), refreshMeta()]);
    } catch (e) {
      state.busy = null;
      state.pendingImport = null;
      state.panel = null;
      importRefused(e);
    }
  };

  const handlers: TransferHandlers = {
    onPanel: (next) => {
      // A file chooser closes the toolbar popup: importing happens in the tab.
      if (next?.kind === 'import' && env.mode === 'popup') {
        env.openTab('panel=import');
        env.close();
        return;
      }
      if (next?.kind !== 'import-confirm') state.pendingImport = null;
      state.panel = next;
      paint();
    },
    onExport: (format, selectedOnly) => void track(exportAs(format, selectedOnly)),
    onImport: (file) => void track(importFrom(file)),
    onImportConfirm: () => void track(confirmImport()),
    onImportCancel: closePanel,
  };

  return { handlers, closePanel };
}

/** What the plan panel shows of a prepared import. */
function planView(fileName: string, prepared: PreparedImport): ImportPlanView {
  const { plan } = prepared;
  const titles = (action: 'replace' | 'update') =>
    plan.steps
      .filter((s) => s.action === action)
      .slice(0, PLAN_TITLES)
      .map((s) => s.title || s.url);
  return {
    fileName,
    total: prepared.items.length + prepared.skipped,
    added: plan.added,
    updated: plan.updated,
    replaced: plan.replaced,
    skipped: plan.skipped + prepared.skipped,
    replacedTitles: titles('replace'),
    updatedTitles: titles('update'),
  };
}
