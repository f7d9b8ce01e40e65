/** Runs the load client (load-client.ts) as its own process and hands back its result. */
import { fork } from 'node:child_process';
import type { LoadClientConfig, LoadClientResult } from './load-client.ts';

export type ClientProcess = { pid: number; go(): Promise<LoadClientResult> };

/** Forks the client, gives it the config and waits until its payloads are built. */
export async function startClient(config: LoadClientConfig): Promise<ClientProcess> {
  const child = fork(new URL('./load-client.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  const next = (type: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onMessage = (msg: { type: string; message?: string }) => {
        if (msg.type === type) {
          child.off('message', onMessage);
          resolve(msg as Record<string, unknown>);
        } else if (msg.type === 'error') {
          reject(new Error(`load client failed: ${msg.message}`));
        }
      };
      child.on('message', onMessage);
      void exited.then(code => reject(new Error(`load client exited with ${code} before "${type}"`)));
    });
  const ready = next('ready');
  child.send({ type: 'config', config });
  await ready;
  return {
    pid: child.pid!,
    async go() {
      const result = next('result');
      child.send({ type: 'go' });
      const msg = await result;
      await exited;
      return msg.result as LoadClientResult;
    },
  };
}
