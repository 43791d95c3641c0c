import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter, Route, RouterProvider, Routes } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { Loading } from './ui/page-state.tsx';
import { SessionWatch } from './ui/session-watch.tsx';

// Each audience's pages load on demand, so a citizen never downloads the staff tool and the
// reverse. Addresses are Swedish, like the service, and never carry personal data.
const CitizenApp = lazy(() => import('./citizen/citizen-app.tsx').then((module) => ({ default: module.CitizenApp })));
const StaffApp = lazy(() => import('./staff/staff-app.tsx').then((module) => ({ default: module.StaffApp })));

function AudienceRoutes() {
  return (
    <>
      <SessionWatch />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/personal/*" element={<StaffApp />} />
          <Route path="/*" element={<CitizenApp />} />
        </Routes>
      </Suspense>
    </>
  );
}

// A data router, though the routes are declared as elements below it: only a data router can
// hold a navigation until the reader answers "leave the page?" (useBlocker, see forms/unsaved-changes.ts).
const createRouter = () => createBrowserRouter([{ path: '*', element: <AudienceRoutes /> }]);

/** The composition root of the UI: data cache, router, and the two audiences' route trees. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
