import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { stationBridge } from '../api/bridge.js';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App bridge={stationBridge()} /></StrictMode>);
