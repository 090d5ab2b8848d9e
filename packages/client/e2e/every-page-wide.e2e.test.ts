import { WIDE_VIEWS, walkEveryPage } from './walk';

/** Every page on a tablet (768 px, light) and a laptop (1280 px, light and dark). */
walkEveryPage(WIDE_VIEWS);
