/** The part of Eleventy's programmatic API the build, the dev server, the tests and the bench use (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  export interface EleventyPage {
    readonly url: string | false;
    readonly inputPath: string;
    readonly outputPath: string | false;
    readonly content: string;
  }
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string | false; config?: (eleventyConfig: never) => void; quietMode?: boolean; pathPrefix?: string; runMode?: string },
    );
    toJSON(): Promise<EleventyPage[]>;
    write(): Promise<unknown>;
    /** Leaves out everything Eleventy would print (DEBUG=Eleventy* still shows its debug output). */
    disableLogger(): void;
  }
}

/** The part of Eleventy's dev server the preview uses (it ships no types). */
declare module '@11ty/eleventy-dev-server' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    domDiff?: boolean;
    liveReload?: boolean;
    headers?: Record<string, string>;
    middleware?: ((request: IncomingMessage, response: ServerResponse, next: () => void) => void)[];
    logger?: { info: (...args: unknown[]) => void; log: (...args: unknown[]) => void; error: (...args: unknown[]) => void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    getPort(): Promise<number>;
    reload(event?: { files?: string[] }): void;
    reloadFiles(files: string[]): void;
    close(): Promise<void>;
  }
}
