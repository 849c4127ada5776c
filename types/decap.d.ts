/** The one function of Decap's own source the editor script bundles (cms/rules.ts); Decap ships no declarations for its modules. */
declare module 'decap-cms-core/dist/esm/lib/urlHelper.js' {
  import type { CmsSlug } from 'decap-cms-core';
  /** A file name made safe as Decap makes it, by the collection's `slug` rules. */
  export function sanitizeSlug(text: string, options?: CmsSlug, preserveSlashes?: boolean): string;
}
