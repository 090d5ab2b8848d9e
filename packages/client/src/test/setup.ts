import '@testing-library/jest-dom';
import i18n from '../app/i18n';

// Each test starts signed out in English, as a visitor with an English browser would.
beforeEach(async () => {
  await i18n.changeLanguage('en');
});
