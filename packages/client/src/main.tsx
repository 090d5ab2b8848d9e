import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './app/apolloClient';
import { i18nReady } from './app/i18n';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = container;
// The texts of the browser's language come first (a small chunk of their own), then the app.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App client={createApolloClient()} />
    </StrictMode>,
  ),
);
