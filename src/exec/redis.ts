/**
 * Redis connections for the queue executor and workers: a `redis://[user:pass@]host:port[/db]`
 * URL (or `rediss://` for TLS) turned into ioredis options that BullMQ accepts, and the names of
 * everything Lancaster keeps in Redis.
 */
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { codeHash } from './content-hash.ts';
import * as msg from '../spec/messages/exec.ts';

/**
 * ioredis options of a Redis URL; throws RangeError for anything else.
 *
 * @example
 * ```ts
 * redisOptions('redis://127.0.0.1:6379/2'); // { host: '127.0.0.1', port: 6379, db: 2, ... }
 * ```
 */
function redisOptions(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RangeError(msg.badRedisUrl(url));
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new RangeError(msg.badRedisScheme(url));
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new RangeError(msg.badRedisDb(url, u.pathname.slice(1)));
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ needs commands to wait for a reconnection rather than fail after a few retries.
    maxRetriesPerRequest: null,
    // Reconnect quickly after a Redis restart, at most every 2 s.
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
}

/** The same options typed for BullMQ (its own option type differs from ioredis 6's in details it ignores). */
export function bullConnection(url: string): ConnectionOptions {
  return redisOptions(url) as ConnectionOptions;
}

/** A plain client (results cache) on `url`. */
export function redisClient(url: string): Redis {
  return new Redis(redisOptions(url));
}

/** The URL without its password (for messages). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * The queue of this code version: `<base>-<first 12 hex digits of the code hash>`. Workers of
 * another code version listen on another queue, so they can never take a job of this one.
 */
export function queueName(base = 'lancaster'): string {
  return `${base}-${codeHash().slice(0, 12)}`;
}

/** Redis key of a cached result (v8-serialised bytes). */
export function resultKey(key: string): string {
  return `lancaster:result:${key}`;
}

/** BullMQ's key prefix for Lancaster queues. */
export const BULL_PREFIX = 'lancaster-bull';
