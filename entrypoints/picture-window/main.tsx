/**
 * The pictures question in a small window of its own: after a save from the reader in Firefox, and after "Save
 * this page" in the popup. Not web-accessible, unlike picture-ask.html (the frame), so the background can open it.
 */
import { startPictureAskPage } from '../picture-ask/page';

startPictureAskPage(true);
