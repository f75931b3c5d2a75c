import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger for the process; pretty on a terminal, JSON lines elsewhere. */
export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && process.env.CI === undefined;
  return pino({
    level,
    redact: ['req.headers.authorization', 'password', '*.password'],
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } } : {}),
  });
}
