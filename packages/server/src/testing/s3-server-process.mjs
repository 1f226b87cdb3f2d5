// The S3-compatible server of startS3Server (s3-server.ts), in a process of its own:
// node --openssl-legacy-provider s3-server-process.mjs <dir> <bucket> <access key id> <secret>
// Prints {"port":N} once it listens; stops on SIGTERM or when its parent closes stdin.
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';

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
