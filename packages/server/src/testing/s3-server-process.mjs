// The S3-compatible server of startS3Server (s3-server.ts), in a process of its own:
// node --openssl-legacy-provider s3-server-process.mjs <dir> <bucket> <access key id> <secret>
// Prints {"port":N} once it listens; stops on SIGTERM or when its parent closes stdin.
import fs from 'node:fs/promises';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';

// s3rver removes a key's folders once a delete leaves them empty, racing a concurrent write into
// the same folder (its write stream then fails unhandled and the server dies). Keys here are
// independent, as in S3: a delete removes the object's own files and leaves the folders.
FilesystemStore.prototype.deleteObject = async function deleteObject(bucket, key) {
  for (const kind of ['object', 'object.md5', 'metadata.json']) {
    await fs.unlink(this.getResourcePath(bucket, key, kind)).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
};

const [directory, bucket, accessKeyId, secretAccessKey] = process.argv.slice(2);
// Only the test's own key pair signs in (the built-in one is revoked).
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false, configureBuckets: [{ name: bucket, configs: [] }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
