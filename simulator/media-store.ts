/**
 * Media the fake Graph can hand out: inbound media ids from simulated citizens
 * resolve to bytes the bot can download (spec §8.8: GET /{media-id}, then GET url).
 */
import { createHash } from 'node:crypto';
import { newMediaId } from './ids.ts';

export type StoredMedia = { id: string; mimeType: string; bytes: Buffer; sha256: string };

// A 16×16 JPEG (green square), so a downloaded "photo" is a real image.
const SAMPLE_JPEG_BASE64 = [
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAA',
  'AABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAA',
  'ABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAA',
  'AAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAA',
  'AAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAA',
  'AABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsK',
  'CA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYV',
  'FSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAQABADASIAAhEB',
  'AxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAbEAACAgMBAAAAAAAAAAAAAAAREwVhABUjQv/EABUBAQEAAAAAAAAAAAAA',
  'AAAAAAQG/8QAHhEAAQEJAAAAAAAAAAAAAAAAABIUIiQxUWFigZH/2gAMAwEAAhEDEQA/ALkTF7JvZax5JJusS0XrVdmMPkAC',
  '7xEymtbxYwegAavEtKbJXFaz6JIqsI6m5PQ7PnuvJH//2Q==',
].join('');

export function sampleJpeg(): Buffer {
  return Buffer.from(SAMPLE_JPEG_BASE64, 'base64');
}

export type MediaStore = {
  add(bytes: Buffer, mimeType: string, id?: string): StoredMedia;
  get(id: string): StoredMedia | undefined;
  clear(): void;
};

/** Keeps at most `max` items, dropping the oldest (a load test must not grow memory forever). */
export function createMediaStore(max = 10_000): MediaStore {
  const items = new Map<string, StoredMedia>();
  return {
    add(bytes, mimeType, id = newMediaId()) {
      const media = { id, mimeType, bytes, sha256: createHash('sha256').update(bytes).digest('base64') };
      items.set(id, media);
      if (items.size > max) {
        const oldest = items.keys().next().value;
        if (oldest !== undefined) items.delete(oldest);
      }
      return media;
    },
    get: id => items.get(id),
    clear: () => items.clear(),
  };
}
