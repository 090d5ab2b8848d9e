import { PHONE_VIEWS, walkEveryPage } from './walk';

/** Every page on a phone (375 px): light, dark, and in Spanish. */
walkEveryPage(PHONE_VIEWS);
