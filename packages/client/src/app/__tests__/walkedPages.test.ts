import { Navigate, type RouteObject } from 'react-router';
import { SIGNED_IN_PAGES, SIGNED_OUT_PAGES } from '../../../e2e/pages';
import { OrganizationRedirect } from '../../features/organizations/OrganizationRedirect';
import { routes } from '../routes';

/** Elements that only send the browser on to another route: nothing of their own to check. */
const REDIRECTS: unknown[] = [Navigate, OrganizationRedirect];

function joinPath(parent: string, path: string | undefined): string {
  if (path === undefined) return parent;
  if (path.startsWith('/') || path === '*') return path;
  return `${parent}/${path}`;
}

function isRedirect(route: RouteObject): boolean {
  const { element } = route;
  return typeof element === 'object' && element !== null && 'type' in element
    ? REDIRECTS.includes(element.type)
    : false;
}

/** The path pattern of every route that shows a page (a leaf of the table, not a redirect). */
function pagePatterns(table: RouteObject[], parent = ''): string[] {
  return table.flatMap((route) => {
    const path = joinPath(parent, route.path);
    if (route.children) return pagePatterns(route.children, path);
    return isRedirect(route) ? [] : [path];
  });
}

describe('the browser walk of every page (e2e/walk.ts)', () => {
  it('visits every page in the route table', () => {
    const walked = new Set(
      [...SIGNED_OUT_PAGES, ...SIGNED_IN_PAGES].flatMap((page) => page.routes),
    );
    const patterns = pagePatterns(routes);
    expect(patterns).toContain('/settings/team/:organizationId');
    expect(patterns.filter((pattern) => !walked.has(pattern))).toEqual([]);
  });
});
