// The S3-compatible server of startS3Server (s3-server.ts), in a process of its own:
// node --openssl-legacy-provider s3-server-process.mjs <dir> <bucket> <access key id> <secret>
// Prints {"port":N} once it listens; stops on SIGTERM or when its parent closes stdin.
//
// s3rver answers the S3 REST protocol but checks only the access key id of a Signature V4
// request, not its signature, and lets unsigned requests in: a front on the public port refuses
// unsigned requests (a private bucket), checks each request's signature
// (the canonical request, string to sign and signing key of Signature Version 4) with the
// secret key, refuses a wrong one as S3 does (403 SignatureDoesNotMatch), checks a body's
// Content-MD5 (400 BadDigest), and passes the rest to s3rver on a port of its own.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';

const [directory, bucket, accessKeyId, secretAccessKey] = process.argv.slice(2);

// s3rver removes a key's folders once a delete leaves them empty, racing a concurrent write into
// the same folder (its write stream then fails unhandled and the server dies). Keys here are
// independent, as in S3: a delete removes the object's own files and leaves the folders.
FilesystemStore.prototype.deleteObject = async function deleteObject(bucketName, key) {
  for (const kind of ['object', 'object.md5', 'metadata.json']) {
    await fs.unlink(this.getResourcePath(bucketName, key, kind)).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
};

// Only the test's own key pair signs in (the built-in one is revoked).
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
const backend = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false, configureBuckets: [{ name: bucket, configs: [] }] });
const { port: backendPort } = await backend.run();

const hex = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
const encode = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Why the request's Signature V4 is missing or wrong, or null when it is right. */
function signatureProblem(req) {
  const authorization = req.headers.authorization;
  if (!authorization) return ['AccessDenied', 'Access Denied (the bucket is private: requests must be signed).'];
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match) return ['AuthorizationHeaderMalformed', 'The authorization header is malformed.'];
  const [, keyId, date, region, signedHeaders, signature] = match;
  if (keyId !== accessKeyId) return ['InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'];
  const amzDate = req.headers['x-amz-date'];
  if (typeof amzDate !== 'string' || !amzDate.startsWith(date)) return ['AccessDenied', 'The request has no valid x-amz-date.'];
  const [rawPath, rawQuery = ''] = req.url.split('?', 2);
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [k, v = ''] = pair.split('=', 2);
      return [encode(decodeURIComponent(k.replace(/\+/g, ' '))), encode(decodeURIComponent(v.replace(/\+/g, ' ')))];
    })
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = signedHeaders.split(';');
  const headers = names.map((name) => `${name}:${String(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, rawPath, query, headers, signedHeaders, req.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), 's3'), 'aws4_request');
  const expected = Buffer.from(hmac(key, toSign).toString('hex'));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'];
  return null;
}

const front = http.createServer((req, res) => {
  const problem = signatureProblem(req);
  if (problem) {
    req.resume();
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${problem[0]}</Code><Message>${problem[1]}</Message></Error>`;
    res.writeHead(403, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const forward = (body) => {
    const upstream = http.request({ host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    if (body) upstream.end(body);
    else req.pipe(upstream);
  };
  const contentMd5 = req.headers['content-md5'];
  if (!contentMd5) return forward(null);
  // A body with a Content-MD5 is checked before it is stored, as S3 does (400 BadDigest).
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (createHash('md5').update(body).digest('base64') === contentMd5) return forward(body);
    const answer = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>BadDigest</Code><Message>The Content-MD5 you specified did not match what we received.</Message></Error>';
    res.writeHead(400, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  });
});
await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ port: front.address().port })}\n`);

const stop = () => {
  front.close();
  front.closeAllConnections();
  void backend.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
