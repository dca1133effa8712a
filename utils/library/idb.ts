/**
 * Small promise helpers over IndexedDB, and the mapping of its failures to LibraryError. Promises resolve inside
 * the request's success event, so awaiting them keeps the transaction alive; awaiting anything else (a fetch, a
 * timer) inside a transaction would let it commit early, so callers do all such work before they open one.
 */
import { LibraryError, LibraryQuotaError } from './types';

export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Chromium and Firefox name it QuotaExceededError; old Firefox used its own name; code 22 is the legacy number. */
export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code } = e as { name?: string; code?: number };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

export function toLibraryError(e: unknown): LibraryError {
  if (e instanceof LibraryError) return e;
  if (isQuotaError(e)) return new LibraryQuotaError({ cause: e });
  const name = (e as { name?: string } | null)?.name;
  if (name === 'AbortError') return new LibraryError('aborted', 'Saving was interrupted; nothing was changed.', { cause: e });
  const message = (e as { message?: string } | null)?.message ?? String(e);
  return new LibraryError('storage', `The library could not be read or written: ${message}`, { cause: e });
}

/**
 * Runs `fn` in one transaction and resolves after it commits. Anything `fn` throws aborts the transaction, so a
 * failed save leaves nothing half-written; a quota failure that only shows as an abort (the commit could not be
 * written) is reported the same way.
 */
export async function inTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  fn: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  let tx: IDBTransaction;
  try {
    tx = db.transaction(stores, mode);
  } catch (e) {
    throw toLibraryError(e);
  }
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
  // A rejected `done` is reported through `fn`'s failure below when both fail; never leave it unhandled.
  done.catch(() => undefined);
  let result: T;
  try {
    result = await fn(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted (a failed request aborts it by itself).
    }
    await done.catch(() => undefined);
    throw toLibraryError(e);
  }
  try {
    await done;
  } catch (e) {
    throw toLibraryError(e);
  }
  return result;
}

export function openDatabase(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, tx: IDBTransaction, oldVersion: number, fail: (e: unknown) => void) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let failure: unknown = null;
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(name, version);
    } catch (e) {
      reject(toLibraryError(e));
      return;
    }
    // A failing migration must not leave a half-upgraded database: aborting the upgrade keeps the old version.
    const fail = (e: unknown) => {
      failure ??= e;
      try {
        open.transaction?.abort();
      } catch {
        // already aborted
      }
    };
    open.onupgradeneeded = (ev) => {
      try {
        upgrade(open.result, open.transaction!, ev.oldVersion, fail);
      } catch (e) {
        fail(e);
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => {
      const e = failure ?? open.error;
      if (isQuotaError(e)) reject(toLibraryError(e));
      else if ((e as { name?: string } | null)?.name === 'VersionError') {
        // The extension was rolled back to a version older than its data: never downgrade, never delete.
        reject(new LibraryError('storage', 'The library was written by a newer version of Jernih. Update Jernih to open it.', { cause: e }));
      } else {
        const why = (e as { message?: string } | null)?.message ?? String(e);
        reject(new LibraryError('storage', `The library could not be opened or upgraded; it was left as it was (${why}).`, { cause: e }));
      }
    };
    open.onblocked = () => {
      // Another page holds an older connection and did not close it. It closes on `versionchange` (library.ts),
      // so this usually resolves by itself; the open request stays pending until then.
    };
  });
}
