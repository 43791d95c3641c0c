import { installationRoutes } from '@kontakta/contract';
import { useQuery } from '@tanstack/react-query';
import { call } from './api-client.ts';

/** Who runs this installation and how long it keeps data: the public pages' facts (no login). */
export function useInstallationFacts() {
  return useQuery({
    queryKey: ['installation'],
    queryFn: () => call(installationRoutes.facts, {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
