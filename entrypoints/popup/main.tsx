import { createRoot } from 'react-dom/client';
import { App } from '@/components/popup/App';
import { startOpeningCatalogue } from '@/components/shared/use-catalogue-in-use';
import { markStartup } from '@/utils/startup-marks';
import '@/components/popup/popup.css';

markStartup('modules-evaluated');
// Reading the catalogue index starts before React renders, so the two overlap.
startOpeningCatalogue();
createRoot(document.getElementById('root')!).render(<App />);
