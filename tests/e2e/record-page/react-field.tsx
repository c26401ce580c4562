// The test record page's React-controlled textarea (bundled by record-server.ts with esbuild).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function ControlledNote() {
  const [value, setValue] = useState('');
  return (
    <>
      <textarea id="react" aria-label="React-kenttä" value={value} onChange={(event) => setValue(event.target.value)} rows={6} cols={80} />
      <output id="react-state">{value}</output>
    </>
  );
}

createRoot(document.getElementById('react-root')!).render(<ControlledNote />);
