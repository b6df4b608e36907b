import type {
  Board,
  BoardSnapshot,
  Card,
  Column,
  CreateBoardBody,
  CreateColumnBody,
  CreateLaneBody,
  EventsPage,
  Lane,
  UpdateBoardBody,
  UpdateColumnBody,
  UpdateLaneBody,
} from '@opsboard/shared';
import { http } from './http';

const b = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const col = (columnId: string) => `/api/columns/${encodeURIComponent(columnId)}`;
const lane = (laneId: string) => `/api/lanes/${encodeURIComponent(laneId)}`;

export const boardsApi = {
  snapshot: (boardId: string, signal?: AbortSignal) => http.get<BoardSnapshot>(b(boardId), signal ? { signal } : {}),
  archivedCards: (boardId: string) => http.get<Card[]>(`${b(boardId)}/archived-cards`),
  /** Works for team streams too (a team id is a stream id). */
  events: (streamId: string, since: number, limit: number) => http.get<EventsPage>(`${b(streamId)}/events?since=${since}&limit=${limit}`),

  // Board settings (admin, po). Every mutation carries an Idempotency-Key.
  create: (teamId: string, body: CreateBoardBody, idempotencyKey: string) => http.post<Board>(`/api/teams/${encodeURIComponent(teamId)}/boards`, body, { idempotencyKey }),
  update: (boardId: string, body: UpdateBoardBody, idempotencyKey: string) => http.patch<Board>(b(boardId), body, { idempotencyKey }),
  /** Puts the board just after `afterId` among the team's boards (first when null). */
  position: (boardId: string, afterId: string | null, idempotencyKey: string) => http.post<Board>(`${b(boardId)}/position`, { afterId }, { idempotencyKey }),
  archive: (boardId: string, idempotencyKey: string) => http.post<Board>(`${b(boardId)}/archive`, {}, { idempotencyKey }),
  restore: (boardId: string, idempotencyKey: string) => http.post<Board>(`${b(boardId)}/restore`, {}, { idempotencyKey }),

  archivedColumns: (boardId: string) => http.get<Column[]>(`${b(boardId)}/archived-columns`),
  createColumn: (boardId: string, body: CreateColumnBody, idempotencyKey: string) => http.post<Column>(`${b(boardId)}/columns`, body, { idempotencyKey }),
  updateColumn: (columnId: string, body: UpdateColumnBody, idempotencyKey: string) => http.patch<Column>(col(columnId), body, { idempotencyKey }),
  positionColumn: (columnId: string, afterId: string | null, idempotencyKey: string) => http.post<Column>(`${col(columnId)}/position`, { afterId }, { idempotencyKey }),
  archiveColumn: (columnId: string, idempotencyKey: string) => http.post<Column>(`${col(columnId)}/archive`, {}, { idempotencyKey }),
  restoreColumn: (columnId: string, idempotencyKey: string) => http.post<Column>(`${col(columnId)}/restore`, {}, { idempotencyKey }),

  archivedLanes: (boardId: string) => http.get<Lane[]>(`${b(boardId)}/archived-lanes`),
  createLane: (boardId: string, body: CreateLaneBody, idempotencyKey: string) => http.post<Lane>(`${b(boardId)}/lanes`, body, { idempotencyKey }),
  updateLane: (laneId: string, body: UpdateLaneBody, idempotencyKey: string) => http.patch<Lane>(lane(laneId), body, { idempotencyKey }),
  positionLane: (laneId: string, afterId: string | null, idempotencyKey: string) => http.post<Lane>(`${lane(laneId)}/position`, { afterId }, { idempotencyKey }),
  archiveLane: (laneId: string, idempotencyKey: string) => http.post<Lane>(`${lane(laneId)}/archive`, {}, { idempotencyKey }),
  restoreLane: (laneId: string, idempotencyKey: string) => http.post<Lane>(`${lane(laneId)}/restore`, {}, { idempotencyKey }),
};
