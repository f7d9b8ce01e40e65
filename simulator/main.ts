/**
 * `npm run simulator`: the WhatsApp simulator as its own process.
 * Settings: WA_APP_SECRET, WA_ACCESS_TOKEN, WA_PHONE_NUMBER_ID (required),
 * WA_DISPLAY_PHONE_NUMBER, BOT_WEBHOOK_URL, SIM_HOST, SIM_PORT, SIM_READ_MODE.
 */
import { ConfigError, simulatorOptionsFromEnv, withDotEnv } from './config.ts';
import { startSimulator } from './server.ts';

async function main(): Promise<void> {
  let options;
  try {
    options = simulatorOptionsFromEnv(withDotEnv(process.env));
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`simulator: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const sim = await startSimulator(options);
  process.stdout.write(
    `simulator: phone page ${sim.url}/  |  WA_GRAPH_URL=${sim.graphUrl}  |  webhooks to ${options.botWebhookUrl}\n`
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(e => {
  process.stderr.write(`simulator: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
