import { StartPage } from './citizen/start-page.tsx';
import { AppShell } from './ui/app-shell.tsx';

/**
 * The composition root of the UI. One page for now; when there are more, a router goes here and
 * lazy-loads the citizen and staff route trees, so neither audience downloads the other's code.
 */
export function App() {
  return (
    <AppShell>
      <StartPage />
    </AppShell>
  );
}
