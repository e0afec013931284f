/**
 * Renderer entry, in Electron and in a browser alike: the styles, and the App in #root. The
 * site address defaults to the page's own origin when the site served this page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/shell.css';
import './styles/live.css';
import './playback/playback.css';
import './investigation/investigation.css';

function pageOrigin(): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App defaultAddress={pageOrigin()} />
  </StrictMode>,
);
