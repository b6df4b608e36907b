/** The KPI endpoints: a team's KPIs with their weekly series, and their changes. */
import type { CreateKpiBody, Kpi, KpiRow, UpdateKpiBody } from '@opsboard/shared';
import { http } from './http';

export const kpiApi = {
  list: (teamId: string) => http.get<KpiRow[]>(`/api/teams/${encodeURIComponent(teamId)}/kpis`),
  create: (teamId: string, body: CreateKpiBody) => http.post<Kpi>(`/api/teams/${encodeURIComponent(teamId)}/kpis`, body),
  update: (id: string, body: UpdateKpiBody) => http.patch<Kpi>(`/api/kpis/${encodeURIComponent(id)}`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/kpis/${encodeURIComponent(id)}`),
  record: (id: string, week: string, value: number) => http.put<{ kpiId: string; week: string; value: number }>(`/api/kpis/${encodeURIComponent(id)}/entries/${week}`, { value }),
};
