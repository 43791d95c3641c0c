// Every group of endpoints, one name each: index.ts turns this module into the route table.
export { authRoutes } from './auth.routes.ts';
export { citizenCalendarRoutes } from './citizen-calendar.routes.ts';
export { citizenErrandRoutes } from './citizen-errands.routes.ts';
export { citizenMessageRoutes } from './citizen-messages.routes.ts';
export { citizenProfileRoutes } from './citizen-profile.routes.ts';
export { citizenProxyRoutes } from './citizen-proxies.routes.ts';
export { citizenSettingsRoutes } from './citizen-settings.routes.ts';
export { citizenUnitRoutes } from './citizen-units.routes.ts';
export {
  citizenHandOverRoutes,
  citizenServiceConsentRoutes,
  regionServiceRoutes,
  unitServiceRoutes,
} from './connected-services.routes.ts';
export { contactCardRoutes } from './contact-card.routes.ts';
export { installationRoutes } from './installation.routes.ts';
export { regionAdminRoutes } from './region-admin.routes.ts';
export { sessionRoutes } from './session.routes.ts';
export { staffErrandRoutes } from './staff-errands.routes.ts';
export { statisticsRoutes } from './statistics.routes.ts';
export { unitAdminRoutes } from './unit-admin.routes.ts';
