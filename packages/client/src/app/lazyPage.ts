import { lazy, type ComponentType } from 'react';

/**
 * A page whose code is fetched when it is first shown (its own chunk in the build), from a
 * module that exports it by name. Keeps the first download small: a visitor on the login page
 * does not fetch the team table.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
