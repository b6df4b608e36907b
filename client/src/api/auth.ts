import type { ApiToken, CreatedToken, InstanceInfo, LoginBody, SessionInfo, SessionSummary, SignupBody } from '@opsboard/shared';
import { http } from './http';

export const authApi = {
  instance: () => http.get<InstanceInfo>('/api/instance'),
  session: () => http.get<SessionInfo>('/api/auth/session'),
  login: (body: LoginBody) => http.post<SessionInfo>('/api/auth/login', body),
  signup: (body: SignupBody) => http.post<SessionInfo>('/api/auth/signup', body),
  logout: () => http.post<{ ok: true }>('/api/auth/logout'),
  sessions: () => http.get<SessionSummary[]>('/api/auth/sessions'),
  revokeSession: (id: string) => http.del<{ ok: true }>(`/api/auth/sessions/${encodeURIComponent(id)}`),
  tokens: () => http.get<ApiToken[]>('/api/auth/tokens'),
  createToken: (name: string, expiresInDays?: number) =>
    http.post<CreatedToken>('/api/auth/tokens', expiresInDays === undefined ? { name } : { name, expiresInDays }),
  revokeToken: (id: string) => http.del<{ ok: true }>(`/api/auth/tokens/${encodeURIComponent(id)}`),
};
