/** The metrics endpoints: flow charts per team or board, forecasts, DORA. */
import type { DoraReport, ForecastAnswer, MetricsReport } from '@opsboard/shared';
import { http } from './http';

const t = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const query = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export interface MetricsFilters {
  from?: string;
  to?: string;
  boardKind?: string;
  featureId?: string;
  cardType?: string;
  personId?: string;
  label?: string;
}

export const metricsApi = {
  team: (teamId: string, f: MetricsFilters) => http.get<MetricsReport>(`${t(teamId)}/metrics?${query({ ...f })}`),
  board: (boardId: string, f: MetricsFilters) => http.get<MetricsReport>(`/api/boards/${encodeURIComponent(boardId)}/metrics?${query({ ...f, boardKind: undefined })}`),
  dora: (teamId: string, f: MetricsFilters) => http.get<DoraReport>(`${t(teamId)}/metrics/dora?${query({ from: f.from, to: f.to })}`),
  forecast: (teamId: string, q: { items?: number; date?: string; featureId?: string; untilCardId?: string }) => http.get<ForecastAnswer>(`${t(teamId)}/metrics/forecast?${query(q)}`),
};
