/**
 * Opens the library's database first thing: main.tsx imports this module before any other, so the browser opens
 * IndexedDB while the rest of the page's code is still being loaded (the list waits for both).
 */
import { openLibrary } from '@/utils/library/library';

export const earlyLibrary = openLibrary({ indexedDB, IDBKeyRange });
