/** The follow-up question an action needs: whom to escalate to, where to convert, which original, what resolution. */
import type { Card, Member, TriageBody } from '@opsboard/shared';
import { CloseDialog } from './CloseDialog';
import { ConvertDialog } from './ConvertDialog';
import { DuplicateDialog } from './DuplicateDialog';
import { EscalateDialog } from './EscalateDialog';
import type { QueueItem } from './queue';

export interface Prompt {
  kind: 'escalate' | 'convert' | 'duplicate' | 'close';
  item: QueueItem;
}

interface Props {
  prompt: Prompt;
  members: readonly Member[];
  selfId: string;
  candidates: readonly Card[];
  onSubmit: (body: TriageBody, done: string) => void;
  onClose: () => void;
}

export function TriagePrompt({ prompt, members, selfId, candidates, onSubmit, onClose }: Props) {
  switch (prompt.kind) {
    case 'escalate':
      return <EscalateDialog item={prompt.item} members={members} selfId={selfId} onSubmit={onSubmit} onClose={onClose} />;
    case 'convert':
      return <ConvertDialog item={prompt.item} onSubmit={onSubmit} onClose={onClose} />;
    case 'duplicate':
      return <DuplicateDialog item={prompt.item} candidates={candidates} onSubmit={onSubmit} onClose={onClose} />;
    case 'close':
      return <CloseDialog item={prompt.item} onSubmit={onSubmit} onClose={onClose} />;
  }
}
