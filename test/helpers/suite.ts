/**
 * uvu's `suite`, with hooks that say what went wrong. uvu 0.5.6 swallows an error thrown
 * by a `before` or `after` hook (test/run.ts then fails the tests that did not run); this
 * prints it first, with the suite's name.
 */
import { suite as uvuSuite, type Callback, type Test } from 'uvu';

export function suite<T extends object = Record<string, never>>(name: string, state?: T): Test<T> {
  const test = uvuSuite<T>(name, state);
  for (const key of ['before', 'after'] as const) {
    const register = test[key];
    const reporting = (hook: Callback<T>) => register(async (context) => {
      try {
        await hook(context);
      } catch (error) {
        console.error(`\n${name}: its ${key} hook failed:`, error);
        throw error;
      }
    });
    test[key] = Object.assign(reporting, { each: register.each });
  }
  return test;
}
