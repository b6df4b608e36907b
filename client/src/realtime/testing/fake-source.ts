/** A stream source for sync tests: records subscribe requests (their since-seq) and lets the test push messages. */
import type { StreamSource } from '../../board/store/board-sync';
import type { StreamMessage } from '../socket';

type Handler = Parameters<StreamSource['subscribe']>[1];

export class FakeSource implements StreamSource {
  subscriptions: number[] = [];
  handler: Handler | null = null;
  subscribe(_streamId: string, handler: Handler) {
    this.handler = handler;
    this.subscriptions.push(handler.sinceSeq() ?? -1);
    return () => {
      this.handler = null;
    };
  }
  resubscribe() {
    this.subscriptions.push(this.handler?.sinceSeq() ?? -1);
  }
  push(message: StreamMessage) {
    this.handler!.onMessage(message);
  }
}
