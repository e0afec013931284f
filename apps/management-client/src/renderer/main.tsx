/**
 * Renderer entry, in Electron and in a browser alike: the styles, and the App in #root. The site
 * serves this page under /admin/, so the site address starts as the page's own origin.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '@nightjar/ui/styles/base.css';
import '@nightjar/ui/styles/shell.css';
import './styles/admin.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const address = location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
createRoot(root).render(
  <StrictMode>
    <App defaultAddress={address} />
  </StrictMode>,
);
