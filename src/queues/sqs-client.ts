// One way to build SQS clients from config, shared by the SQS source and destination.
import { SQSClient } from '@aws-sdk/client-sqs';

export interface SqsConnection {
  queueUrl: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * Non-AWS hosts (ElasticMQ, LocalStack) are reached at the queue URL's own origin; AWS queue URLs
 * use the regional endpoint the SDK derives. Credentials not given explicitly come from the SDK's
 * usual chain (environment, profile, instance role).
 */
export function sqsClient(connection: SqsConnection, options: { maxAttempts?: number } = {}): SQSClient {
  const url = new URL(connection.queueUrl);
  const endpoint = connection.endpoint ?? (url.hostname.endsWith('.amazonaws.com') ? undefined : url.origin);
  return new SQSClient({
    region: connection.region,
    ...(endpoint ? { endpoint } : {}),
    ...(connection.accessKeyId && connection.secretAccessKey
      ? { credentials: { accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey } }
      : {}),
    maxAttempts: options.maxAttempts ?? 3,
  });
}

/** SQS errors the caller can do nothing about by waiting: wrong queue, bad message, no permission. */
const PERMANENT_SQS_ERRORS = new Set([
  'QueueDoesNotExist',
  'AWS.SimpleQueueService.NonExistentQueue',
  'InvalidMessageContents',
  'InvalidParameterValue',
  'InvalidAttributeName',
  'InvalidAttributeValue',
  'MissingParameter',
  'UnsupportedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'InvalidAddress',
  'InvalidSecurity',
]);

/** Name of an error the AWS SDK raised (its code; plain "Error" for network failures), else undefined. */
export function awsErrorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && '$metadata' in err ? (err as { name?: string }).name : undefined;
}

export function isPermanentSqsError(err: unknown): boolean {
  const name = awsErrorName(err);
  return name !== undefined && PERMANENT_SQS_ERRORS.has(name);
}
