import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import i18n from '../app/i18n';

// A file's first render compiles the lazy pages it opens (the shell, the page); with the whole
// suite running on two busy cores that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 3000 });

// Each test starts signed out in English, as a visitor with an English browser would.
beforeEach(async () => {
  await i18n.changeLanguage('en');
});
