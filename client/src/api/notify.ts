import type { CreateHookBody, CreatedHook, HookDelivery, NotifyPreferencesBody, NotifyPreferencesView, OutgoingHook } from '@opsboard/shared';
import { http } from './http';

export const notifyApi = {
  preferences: () => http.get<NotifyPreferencesView>('/api/account/notify-preferences'),
  savePreferences: (body: NotifyPreferencesBody) => http.put<NotifyPreferencesView>('/api/account/notify-preferences', body),
};

export const hooksApi = {
  list: (teamId: string) => http.get<OutgoingHook[]>(`/api/teams/${teamId}/outgoing-hooks`),
  create: (teamId: string, body: CreateHookBody) => http.post<CreatedHook>(`/api/teams/${teamId}/outgoing-hooks`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/outgoing-hooks/${id}`),
  test: (id: string) => http.post<{ deliveryId: string }>(`/api/outgoing-hooks/${id}/test`),
  deliveries: (id: string) => http.get<HookDelivery[]>(`/api/outgoing-hooks/${id}/deliveries`),
};
