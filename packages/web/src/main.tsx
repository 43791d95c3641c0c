import './ui/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import { localeFromCookies } from './i18n/language-cookie.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Read before the first render, so a reader who chose English never sees a flash of Swedish.
const locale = localeFromCookies(document.cookie);
document.documentElement.lang = locale;

createRoot(container).render(
  <StrictMode>
    <I18nProvider initialLocale={locale}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
