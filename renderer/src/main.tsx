/**
 * Renderer entry: a placeholder root until the console screens land (issue 5, part 2).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Konsol Posko COVID-19 Jatim</h1>
    </main>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
);
