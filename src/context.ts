/** What every renderer is given besides its output's data: the configuration, and where the project is. */
import type { NewsConfig } from '../lib/config.ts';

export interface RenderContext {
  readonly config: NewsConfig;
  /** The project root, where the embed script's source is (embed/). */
  readonly rootDir: string;
}
