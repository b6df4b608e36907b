/** The Person-of-the-Week endpoints: rotation, hand-off, intake, triage, figures, webhooks and notifications. */
import type {
  Card,
  Handoff,
  Interrupt,
  InterruptFigures,
  InterruptItem,
  InterruptStatus,
  Notification,
  OverrideBody,
  RaiseInterruptBody,
  RotationInfo,
  RotationSettings,
  Shift,
  TriageBody,
  TriageResult,
  Webhook,
} from '@opsboard/shared';
import { http } from './http';

/** What creating a webhook answers (the secret is shown once). shared/ exports only the schema of this one, not its type. */
export interface CreatedWebhook {
  webhook: Webhook;
  secret: string;
}

const t = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

export type FiguresBy = 'week' | 'iteration';

export const potwApi = {
  rotation: (teamId: string) => http.get<RotationInfo>(`${t(teamId)}/rotation`),
  setRotation: (teamId: string, settings: RotationSettings, idempotencyKey: string) => http.put<RotationInfo>(`${t(teamId)}/rotation`, settings, { idempotencyKey }),
  addOverride: (teamId: string, body: OverrideBody, idempotencyKey: string) => http.post<RotationInfo>(`${t(teamId)}/rotation/overrides`, body, { idempotencyKey }),
  removeOverride: (teamId: string, overrideId: string, idempotencyKey: string) =>
    http.del<RotationInfo>(`${t(teamId)}/rotation/overrides/${encodeURIComponent(overrideId)}`, { idempotencyKey }),
  potwAt: (teamId: string, at: string) => http.get<{ at: string; shift: Shift | null }>(`${t(teamId)}/potw?at=${encodeURIComponent(at)}`),

  handoff: (teamId: string) => http.get<Handoff>(`${t(teamId)}/handoff`),
  saveHandoff: (teamId: string, summary: string, idempotencyKey: string) => http.put<Handoff>(`${t(teamId)}/handoff`, { summary }, { idempotencyKey }),

  raise: (teamId: string, body: RaiseInterruptBody, idempotencyKey: string) => http.post<{ card: Card; interrupt: Interrupt }>(`${t(teamId)}/interrupts`, body, { idempotencyKey }),
  interrupts: (teamId: string, statuses: readonly InterruptStatus[] = []) =>
    http.get<InterruptItem[]>(`${t(teamId)}/interrupts${statuses.length > 0 ? `?${statuses.map((s) => `status=${s}`).join('&')}` : ''}`),
  triage: (cardId: string, body: TriageBody, idempotencyKey: string) => http.post<TriageResult>(`/api/interrupts/${encodeURIComponent(cardId)}/triage`, body, { idempotencyKey }),
  figures: (teamId: string, by: FiguresBy, weeks: number) => http.get<InterruptFigures[]>(`${t(teamId)}/interrupts/figures?by=${by}&weeks=${weeks}`),

  webhooks: (teamId: string) => http.get<Webhook[]>(`${t(teamId)}/webhooks`),
  createWebhook: (teamId: string, body: { name: string; kind: Webhook['kind'] }) => http.post<CreatedWebhook>(`${t(teamId)}/webhooks`, body),
  revokeWebhook: (teamId: string, webhookId: string) => http.del<{ ok: true }>(`${t(teamId)}/webhooks/${encodeURIComponent(webhookId)}`),
};

export const notificationsApi = {
  list: () => http.get<Notification[]>('/api/notifications'),
  read: (id: string) => http.post<{ marked: number }>(`/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => http.post<{ marked: number }>('/api/notifications/read'),
};
