// Every page of the portal, in match order (fixed paths before the ones with an :id).
import type { PortalRoute } from '../router';
import { endpointActionRoutes } from './endpoint-actions';
import { endpointFormRoutes } from './endpoint-form';
import { endpointRoutes } from './endpoint';
import { endpointListRoutes } from './endpoints';
import { eventRoutes } from './event';
import { eventLogRoutes } from './events';
import { eventTypeRoutes } from './event-types';
import { replayRoutes } from './replay';
import { secretRoutes } from './secret';
import { testRoutes } from './test-event';

export const portalPages = (): PortalRoute[] => [
  ...endpointListRoutes,
  ...endpointFormRoutes,
  ...endpointRoutes,
  ...endpointActionRoutes,
  ...secretRoutes,
  ...testRoutes,
  ...replayRoutes,
  ...eventLogRoutes,
  ...eventRoutes,
  ...eventTypeRoutes,
];
