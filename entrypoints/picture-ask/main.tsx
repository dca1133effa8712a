/** The pictures question, framed in the reader after a save (Chrome). utils/library-ui/picture-ask-page.tsx has it all. */
import { startPictureAskPage } from './page';

startPictureAskPage(false);
