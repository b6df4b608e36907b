import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './ui/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/pages.css';
import './styles/board.css';
import './styles/tile.css';
import './styles/checklist.css';
import './styles/panel.css';
import './styles/board-settings.css';
import './styles/palette.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
