import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from './content-type.js';

// Uploaded files under the data directory, named by random keys (never by what the user sent).
// A file is written to a temporary name first and becomes visible only once kept.

export type StoredUpload = {
  key: string;
  size: number;
  sha256: string;
  /** The first bytes, to sniff the content type. */
  head: Uint8Array;
  /** Moves the file to its final place. */
  keep(): Promise<void>;
  /** Deletes the temporary file. */
  discard(): Promise<void>;
};

const KEY = /^[a-f0-9]{40}$/;

export function createFileStore(root: string) {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return join(root, key.slice(0, 2), key);
  };
  return {
    /** Streams an upload to a temporary file, hashing and keeping its first bytes on the way. */
    async receive(source: Readable): Promise<StoredUpload> {
      const key = randomBytes(20).toString('hex');
      const dir = join(root, key.slice(0, 2));
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `${key}.part`);
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          if (headLength < SNIFF_BYTES) {
            chunks.push(chunk.subarray(0, SNIFF_BYTES - headLength));
            headLength += Math.min(chunk.length, SNIFF_BYTES - headLength);
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, tap, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return {
        key,
        size,
        sha256: hash.digest('hex'),
        head: new Uint8Array(Buffer.concat(chunks)),
        keep: () => rename(temp, pathOf(key)),
        discard: () => rm(temp, { force: true }),
      };
    },

    open(key: string): ReadStream {
      return createReadStream(pathOf(key));
    },

    async remove(key: string): Promise<void> {
      await rm(pathOf(key), { force: true });
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
