import pino from 'pino';

/**
 * Paths that may carry secrets or personal data; pino replaces them before anything is written.
 * Tokens, secrets, passwords and signatures never reach a log line.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers["x-hub-signature-256"]',
  'req.headers.cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.appSecret',
  '*.verifyToken',
  'wa.appSecret',
  'wa.accessToken',
  'wa.verifyToken',
];

export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { svc: 'bot-service' } }, destination);
}
