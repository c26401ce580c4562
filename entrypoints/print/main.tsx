import { createRoot } from 'react-dom/client';
import { PrintApp } from '@/components/handoff/PrintApp';
import '@/components/handoff/print.css';

createRoot(document.getElementById('root')!).render(<PrintApp />);
