/** The live stream's messages, from the service's contract (types only). */
export type {
  StreamClientMessage,
  StreamServerMessage,
  /** One event as the console receives it: ids and codes, never texts. */
  StreamEventMessage as StreamEvent,
} from '../../../bot-service/contract/stream.ts';
