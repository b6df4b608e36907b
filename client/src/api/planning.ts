/** The planning routes (features, pairs, iterations, velocity), through the one HTTP client. */
import type {
  CloseIterationBody,
  CreateFeatureBody,
  CreateIterationBody,
  Feature,
  FeatureDetail,
  FeatureSummary,
  Iteration,
  IterationDetail,
  PairingMatrix,
  SetPairsBody,
  StartIterationBody,
  UpdateFeatureBody,
  UpdateIterationBody,
  VelocityReport,
} from '@opsboard/shared';
import { http } from './http';

const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const feature = (id: string) => `/api/features/${encodeURIComponent(id)}`;
const iteration = (id: string) => `/api/iterations/${encodeURIComponent(id)}`;

export const planningApi = {
  features: (teamId: string) => http.get<FeatureSummary[]>(`${team(teamId)}/features`),
  createFeature: (teamId: string, body: CreateFeatureBody, idempotencyKey: string) => http.post<Feature>(`${team(teamId)}/features`, body, { idempotencyKey }),
  feature: (id: string) => http.get<FeatureDetail>(feature(id)),
  updateFeature: (id: string, body: UpdateFeatureBody, idempotencyKey: string) => http.patch<Feature>(feature(id), body, { idempotencyKey }),
  setPairs: (id: string, body: SetPairsBody, idempotencyKey: string) => http.put<FeatureDetail>(`${feature(id)}/pairs`, body, { idempotencyKey }),
  pairing: (teamId: string, last: number) => http.get<PairingMatrix>(`${team(teamId)}/pairing?last=${last}`),

  iterations: (teamId: string) => http.get<Iteration[]>(`${team(teamId)}/iterations`),
  createIteration: (teamId: string, body: CreateIterationBody, idempotencyKey: string) => http.post<Iteration>(`${team(teamId)}/iterations`, body, { idempotencyKey }),
  iteration: (id: string) => http.get<IterationDetail>(iteration(id)),
  updateIteration: (id: string, body: UpdateIterationBody, idempotencyKey: string) => http.patch<Iteration>(iteration(id), body, { idempotencyKey }),
  addCards: (id: string, cardIds: string[], idempotencyKey: string) => http.post<Iteration>(`${iteration(id)}/cards`, { cardIds }, { idempotencyKey }),
  removeCard: (id: string, cardId: string, idempotencyKey: string) => http.del<Iteration>(`${iteration(id)}/cards/${encodeURIComponent(cardId)}`, { idempotencyKey }),
  start: (id: string, body: StartIterationBody, idempotencyKey: string) => http.post<Iteration>(`${iteration(id)}/start`, body, { idempotencyKey }),
  close: (id: string, body: CloseIterationBody, idempotencyKey: string) => http.post<Iteration>(`${iteration(id)}/close`, body, { idempotencyKey }),
  velocity: (teamId: string, last: number) => http.get<VelocityReport>(`${team(teamId)}/velocity?last=${last}`),
};
