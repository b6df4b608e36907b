import type { NotifyPreferencesBody, NotifyPreferencesView } from '@opsboard/shared';
import { http } from './http';

export const notifyApi = {
  preferences: () => http.get<NotifyPreferencesView>('/api/account/notify-preferences'),
  savePreferences: (body: NotifyPreferencesBody) => http.put<NotifyPreferencesView>('/api/account/notify-preferences', body),
};
