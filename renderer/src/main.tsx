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
import './styles/setup.css';
import './styles/print.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App bridge={stationBridge()} /></StrictMode>);
