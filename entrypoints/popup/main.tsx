import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import '@/components/popup.css';

createRoot(document.getElementById('root')!).render(<App />);
