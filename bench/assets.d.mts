export const webRoot: string;
export const assetsDir: string;
export function readChunks(): Record<string, string>;
export function closure(chunks: Record<string, string>, roots: string[]): Set<string>;
