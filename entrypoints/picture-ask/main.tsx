/** The pictures question, framed in the reader after a save (Chrome). utils/library-ui/picture-ask-page.tsx has it all. */
import { startPictureAskPage } from '@/utils/library-ui/picture-ask-page';

startPictureAskPage(false);
