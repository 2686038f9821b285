import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

const BLOCK_BYTES = 512;

/**
 * Reads an npm package tarball and returns its regular files keyed by their path inside the
 * package, without the `package/` folder that npm and pnpm put every file in.
 *
 * It understands the ustar format, including its `prefix` field and pax `path` records for
 * long names, which is all `npm pack` and `pnpm pack` write.
 */
export async function readTarball(path: string): Promise<Map<string, Buffer>> {
  const archive = gunzipSync(await readFile(path));
  const files = new Map<string, Buffer>();
  let paxPath: string | undefined;

  for (let offset = 0; offset + BLOCK_BYTES <= archive.length; ) {
    const header = archive.subarray(offset, offset + BLOCK_BYTES);
    if (header.every((byte) => byte === 0)) {
      break;
    }

    const size = Number.parseInt(field(header, 124, 12) || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK_BYTES;
    const data = archive.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK_BYTES) * BLOCK_BYTES;

    if (type === 'x') {
      paxPath = readPaxPath(data);
      continue;
    }

    const prefix = field(header, 345, 155);
    const name = paxPath ?? (prefix === '' ? field(header, 0, 100) : `${prefix}/${field(header, 0, 100)}`);
    paxPath = undefined;

    if (type === '0' || type === '\0') {
      files.set(name.replace(/^[^/]+\//, ''), Buffer.from(data));
    }
  }
  return files;
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length).toString('utf8');
  const end = raw.indexOf('\0');
  return (end === -1 ? raw : raw.slice(0, end)).trim();
}

/** Returns the `path` of a pax extended header, whose records read `<length> <key>=<value>\n`. */
function readPaxPath(data: Buffer): string | undefined {
  for (const record of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match?.[1] !== undefined) {
      return match[1];
    }
  }
  return undefined;
}
