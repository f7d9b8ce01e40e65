/**
 * Where the window loads the renderer from.
 *
 * bot-service serves the renderer at `/console/`, so a console always matches the service it
 * talks to. When the service cannot be reached (not started yet, network down) the window
 * shows the renderer bundled with the app instead, which can then tell the user what is wrong
 * and let them change the address.
 */

export type ConsoleSource = { kind: 'service'; url: string } | { kind: 'bundled'; reason: string };

export const CONSOLE_PROBE_TIMEOUT_MS = 3000;

/**
 * Ask the service for its console page. A 2xx HTML answer within the timeout means "load it";
 * anything else (refused, timeout, 404 from a service without the console) means the bundled
 * renderer.
 */
export async function chooseConsoleSource(
  consoleUrl: string,
  options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {}
): Promise<ConsoleSource> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? CONSOLE_PROBE_TIMEOUT_MS;
  try {
    const response = await fetchImpl(consoleUrl, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Only the status and type matter; release the body.
    await response.body?.cancel();
    if (!response.ok) return { kind: 'bundled', reason: `service answered ${response.status} for the console` };
    const type = response.headers.get('content-type') ?? '';
    if (!type.toLowerCase().includes('text/html')) {
      return { kind: 'bundled', reason: `service answered ${type || 'no content type'} for the console` };
    }
    return { kind: 'service', url: consoleUrl };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'bundled', reason: `service not reachable: ${reason}` };
  }
}
