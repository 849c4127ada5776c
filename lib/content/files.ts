/**
 * The static files folder (content/files/): what is there, how big, and the pixel size
 * of images, so pages can reserve their space and nothing shifts as they load.
 * The only module that imports image-size.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

export interface LocalFiles {
  /** Size in bytes of a file (path relative to the folder), or undefined when there is none. */
  readonly size: (relative: string) => number | undefined;
  /** Pixel size of an image, or undefined when it is not an image of a known kind. */
  readonly dimensions: (relative: string) => Dimensions | undefined;
}

export function localFiles(dir: string): LocalFiles {
  const resolve = (relative: string): string | undefined => {
    const full = path.resolve(dir, relative);
    return full.startsWith(dir + path.sep) ? full : undefined;
  };
  const size = (relative: string) => {
    const full = resolve(relative);
    try {
      const stats = full && statSync(full);
      return stats && stats.isFile() ? stats.size : undefined;
    } catch {
      return undefined;
    }
  };
  const known = new Map<string, Dimensions | undefined>();
  const dimensions = (relative: string) => {
    if (!known.has(relative)) {
      const full = resolve(relative);
      let found: Dimensions | undefined;
      try {
        const measured = full && size(relative) !== undefined ? imageSize(readFileSync(full)) : undefined;
        if (measured?.width && measured.height) found = { width: measured.width, height: measured.height };
      } catch {
        found = undefined;
      }
      known.set(relative, found);
    }
    return known.get(relative);
  };
  return { size, dimensions };
}
