import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from './s3-server.ts';

/** A signed PUT whose Content-MD5 belongs to other bytes: what the server answers. */
async function badDigest(server: TestS3Server): Promise<{ status: number | undefined; code: string | undefined }> {
  const client = new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server, requestChecksumCalculation: 'WHEN_REQUIRED' });
  try {
    await client.send(new PutObjectCommand({ Bucket: server.bucket, Key: 'x', Body: Buffer.from('these bytes'), ContentMD5: createHash('md5').update('other bytes').digest('base64') }));
    return { status: 200, code: undefined };
  } catch (error) {
    return { status: (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, code: (error as { name?: string }).name };
  } finally {
    client.destroy();
  }
}

describe('startS3Server', () => {
  it('serves a private bucket over HTTP on a free loopback port, refuses unsigned requests, and removes its data on stop', async () => {
    const server = await startS3Server({ bucket: 'helper-check' });
    expect(server).toMatchObject({ endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), bucket: 'helper-check', region: 'us-east-1' });
    expect(server.accessKeyId).toMatch(/^TEST[0-9A-F]{16}$/);
    const unsigned = await fetch(`${server.endpoint}/helper-check/anything`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>');
    const forged = await fetch(`${server.endpoint}/helper-check?list-type=2`, {
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${server.accessKeyId}/20261128/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
        'x-amz-date': '20261128T000000Z',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    // A body that does not match its Content-MD5 is refused before it is stored.
    expect(await badDigest(server)).toEqual({ status: 400, code: 'BadDigest' });
    // Its data folder: the temp folder holding this test's bucket.
    const dataDirs = () => fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('licheng-s3-') && fs.existsSync(path.join(os.tmpdir(), d, 'helper-check')));
    expect(dataDirs()).toHaveLength(1);
    await server.stop();
    expect(dataDirs()).toEqual([]);
    await expect(fetch(`${server.endpoint}/helper-check/anything`)).rejects.toThrow();
  }, 30_000);
});
