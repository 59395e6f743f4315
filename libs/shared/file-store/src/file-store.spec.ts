import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jpegWithGps, pngWithExif } from './testing/evidence-fixtures';
import { acceptEvidence, checkFileLink, fileStoreFromConfig, FilesystemFileStore, hasExif, safeFileName, signFileLink, signS3Request, sniffContentType, stripImageMetadata } from './index';

describe('file type from content', () => {
  it('knows JPEG, PNG and PDF by their first bytes and nothing by the name', () => {
    expect(sniffContentType(jpegWithGps())).toBe('image/jpeg');
    expect(sniffContentType(pngWithExif())).toBe('image/png');
    expect(sniffContentType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from('MZ\x90\0 this is an exe named foto.jpg'))).toBeNull();
    expect(sniffContentType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });

  it('makes names safe and true to the content', () => {
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('jalan "rusak".exe', 'image/jpeg')).toBe('jalan _rusak_.jpg');
    expect(safeFileName(undefined, 'image/png')).toBe('lampiran.png');
  });
});

describe('image metadata', () => {
  it('strips EXIF (with GPS) and comments from a JPEG, keeping the image segments', () => {
    const original = jpegWithGps();
    expect(hasExif(original, 'image/jpeg')).toBe(true);
    const stripped = stripImageMetadata(original, 'image/jpeg')!;
    expect(hasExif(stripped, 'image/jpeg')).toBe(false);
    expect(stripped.includes(Buffer.from('GPS'))).toBe(false);
    expect(stripped.includes(Buffer.from('Kamera Budi'))).toBe(false);
    expect(stripped.includes(Buffer.from('JFIF'))).toBe(true);
    expect(stripped.subarray(-5)).toEqual(Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]));
    expect(sniffContentType(stripped)).toBe('image/jpeg');
  });

  it('strips eXIf and text chunks from a PNG', () => {
    const stripped = stripImageMetadata(pngWithExif(), 'image/png')!;
    expect(hasExif(stripped, 'image/png')).toBe(false);
    expect(stripped.includes(Buffer.from('Budi'))).toBe(false);
    expect(stripped.includes(Buffer.from('IDAT'))).toBe(true);
  });

  it('refuses a truncated image rather than pass its metadata on', () => {
    expect(stripImageMetadata(jpegWithGps().subarray(0, 30), 'image/jpeg')).toBeNull();
    expect(stripImageMetadata(pngWithExif().subarray(0, 40), 'image/png')).toBeNull();
  });
});

describe('signed file links', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  const link = signFileLink('s3cret', { fileId: 'f1', userId: 'u1', expiresAt: new Date(now.getTime() + 300_000) });

  it('are valid for their file and user until they expire', () => {
    expect(checkFileLink(['s3cret'], 'f1', link, now)).toBe('valid');
    expect(checkFileLink(['s3cret'], 'f1', link, new Date(now.getTime() + 301_000))).toBe('expired');
  });

  it('cannot be moved to another file, user, expiry or key', () => {
    expect(checkFileLink(['s3cret'], 'f2', link, now)).toBe('invalid');
    expect(checkFileLink(['s3cret'], 'f1', { ...link, uid: 'u2' }, now)).toBe('invalid');
    expect(checkFileLink(['s3cret'], 'f1', { ...link, exp: String(Number(link.exp) + 3600) }, now)).toBe('invalid');
    expect(checkFileLink(['other'], 'f1', link, now)).toBe('invalid');
    expect(checkFileLink(['other', 's3cret'], 'f1', link, now)).toBe('valid');
    expect(checkFileLink(['s3cret'], 'f1', {}, now)).toBe('invalid');
  });
});

describe('stores', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'file-store-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the filesystem store keeps, returns and deletes objects, and refuses keys that leave its directory', async () => {
    const store = fileStoreFromConfig({ FILE_STORE_URL: `file://${dir}` });
    expect(store).toBeInstanceOf(FilesystemFileStore);
    await store.check();
    await store.put('tickets/a/b.jpg', Buffer.from('abc'), 'image/jpeg');
    expect(await store.get('tickets/a/b.jpg')).toEqual(Buffer.from('abc'));
    await store.delete('tickets/a/b.jpg');
    expect(await store.get('tickets/a/b.jpg')).toBeNull();
    await expect(store.put('../escape', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
    await expect(store.get('/etc/passwd')).rejects.toThrow(/unsafe/);
  });

  it('the S3 store needs its endpoint and keys', () => {
    expect(() => fileStoreFromConfig({ FILE_STORE_URL: 's3://evidence' })).toThrow(/FILE_STORE_S3_ENDPOINT/);
    expect(fileStoreFromConfig({ FILE_STORE_URL: 's3://evidence', FILE_STORE_S3_ENDPOINT: 'http://minio:9000', FILE_STORE_S3_ACCESS_KEY: 'a', FILE_STORE_S3_SECRET_KEY: 'b' }).kind).toBe('s3');
  });

  it('signs S3 requests as AWS documents (SigV4 GET Object example)', () => {
    const headers = signS3Request(
      { region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      {
        method: 'GET',
        host: 'examplebucket.s3.amazonaws.com',
        path: '/test.txt',
        headers: { range: 'bytes=0-9' },
        payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        now: new Date('2013-05-24T00:00:00Z'),
      },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('accepting an evidence file', () => {
  const limits = { maxBytes: 1024 * 1024, stripMetadata: true };

  it('accepts a photo without its metadata when asked, and a PDF as it is', () => {
    const photo = acceptEvidence(jpegWithGps(), limits);
    expect('accepted' in photo && photo.accepted).toMatchObject({ contentType: 'image/jpeg', metadataStripped: true });
    expect('accepted' in photo && hasExif(photo.accepted.bytes, 'image/jpeg')).toBe(false);
    const kept = acceptEvidence(jpegWithGps(), { ...limits, stripMetadata: false });
    expect('accepted' in kept && hasExif(kept.accepted.bytes, 'image/jpeg')).toBe(true);
    const pdf = acceptEvidence(Buffer.from('%PDF-1.7 x'), limits);
    expect('accepted' in pdf && pdf.accepted).toMatchObject({ contentType: 'application/pdf', metadataStripped: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses with a status, a code and words for the user', () => {
    expect(acceptEvidence(undefined, limits)).toEqual({ refused: expect.objectContaining({ status: 400, code: 'FILE_REQUIRED' }) });
    expect(acceptEvidence(Buffer.alloc(1024 * 1024 + 1), limits)).toEqual({ refused: { status: 413, code: 'FILE_TOO_LARGE', message: 'Berkas melebihi batas 1 MB.' } });
    expect(acceptEvidence(Buffer.from('MZ\x90\x00'), limits)).toEqual({ refused: expect.objectContaining({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED' }) });
    expect(acceptEvidence(jpegWithGps().subarray(0, 30), limits)).toEqual({ refused: expect.objectContaining({ status: 422, code: 'FILE_MALFORMED' }) });
  });
});
