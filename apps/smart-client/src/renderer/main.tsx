/**
 * Renderer entry, in Electron and in a browser alike: the styles, and the App in #root. The
 * site address starts as the page's own origin when the site served this page (the browser,
 * and Electron, which loads the app from the site); a page loaded from elsewhere in Electron
 * asks the desktop shell which local site it started.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { desktopApi } from '../common/desktopApi';
import { App } from './App';
import '@nightjar/ui/styles/base.css';
import '@nightjar/ui/styles/shell.css';
import './styles/live.css';
import './playback/playback.css';
import './investigation/investigation.css';
import './alarms/alarms.css';

async function defaultAddress(): Promise<string> {
  if (location.protocol === 'http:' || location.protocol === 'https:') return location.origin;
  try {
    return (await desktopApi()?.getLocalSiteState())?.url ?? '';
  } catch {
    // No local site known: the operator types the address.
    return '';
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void defaultAddress().then((address) => {
  createRoot(root).render(
    <StrictMode>
      <App defaultAddress={address} />
    </StrictMode>,
  );
});
