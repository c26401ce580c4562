import { createRoot } from 'react-dom/client';
// Policy and outbox problems are shown here in zod's words.
import '@/utils/zod-messages';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/popup/popup.css';
import '@/components/options/options.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
