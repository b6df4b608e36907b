import type { CardTemplate, CreateRecurrenceBody, CreateTemplateBody, Recurrence, UpdateTemplateBody } from '@opsboard/shared';
import { newKey } from '../lib/ids';
import { http } from './http';

export const templatesApi = {
  list: (teamId: string) => http.get<CardTemplate[]>(`/api/teams/${encodeURIComponent(teamId)}/card-templates`),
  create: (teamId: string, body: CreateTemplateBody) => http.post<CardTemplate>(`/api/teams/${encodeURIComponent(teamId)}/card-templates`, body, { idempotencyKey: newKey('tpl') }),
  update: (id: string, body: UpdateTemplateBody) => http.patch<CardTemplate>(`/api/card-templates/${encodeURIComponent(id)}`, body, { idempotencyKey: newKey('tpl') }),
  remove: (id: string) => http.del<{ ok: true }>(`/api/card-templates/${encodeURIComponent(id)}`, { idempotencyKey: newKey('tpl') }),
};

export const recurrencesApi = {
  list: (teamId: string) => http.get<Recurrence[]>(`/api/teams/${encodeURIComponent(teamId)}/recurrences`),
  create: (teamId: string, body: CreateRecurrenceBody) => http.post<Recurrence>(`/api/teams/${encodeURIComponent(teamId)}/recurrences`, body, { idempotencyKey: newKey('rec') }),
  remove: (id: string) => http.del<{ ok: true }>(`/api/recurrences/${encodeURIComponent(id)}`, { idempotencyKey: newKey('rec') }),
};
