import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { stationBridge } from '../api/bridge.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/widgets.css';
import './styles/screens.css';
import './styles/dashboard.css';
import './styles/stats.css';
import './styles/reports.css';
import './styles/admin.css';
import './styles/media.css';
import './styles/setup.css';
import './styles/print.css';
import './styles/county.css';
import { countyPlace } from './county/countyBridge.js';

const root = document.getElementById('root');
// Served by the county platform under /county/: the same pages in its county mode (loaded only there).
const place = countyPlace(window.location.pathname);
if (root && place) {
  void import('./county/CountyApp.js').then(({ CountyApp }) => createRoot(root).render(<StrictMode><CountyApp place={place} /></StrictMode>));
} else if (root) {
  createRoot(root).render(<StrictMode><App bridge={stationBridge()} /></StrictMode>);
}
