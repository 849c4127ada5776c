/**
 * Deep-freezes plain data. The stream is read-only by design; frozen, it is also handed
 * to templates as it is (Eleventy wraps unfrozen objects in proxies on every access,
 * which at tens of thousands of pages costs whole seconds).
 */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}
