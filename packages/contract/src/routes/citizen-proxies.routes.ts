import { AddProxyRequest, ChildParams, ProxyChild, ProxyList } from '../proxy.schema.ts';
import { defineRoute } from '../route.ts';

const tags = ['citizen', 'proxy'];

/**
 * Proxy for children (ombud): a guardian's list of children, adding one by personnummer, ending
 * one. Only as oneself: a guardian acting for a child cannot add proxies for the child.
 */
export const citizenProxyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/citizen/proxies',
    audience: 'citizen',
    summary: 'The children I am proxy for',
    tags,
    status: 200,
    response: ProxyList,
  }),
  add: defineRoute({
    method: 'POST',
    path: '/api/citizen/proxies',
    audience: 'citizen',
    summary: 'Become proxy for my child (refused with `proxy-refused` and the reason as detail)',
    tags,
    body: AddProxyRequest,
    status: 201,
    response: ProxyChild,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/citizen/proxies/:childId',
    audience: 'citizen',
    summary: 'Stop being proxy for a child',
    tags,
    params: ChildParams,
    status: 204,
  }),
} as const;
