/** The technology catalogue routes (issue 14), through the one HTTP client. */
import type {
  AssessmentSummary,
  AssessmentView,
  CardTechnologies,
  CreateTechnologyBody,
  OverrideLevelBody,
  Technology,
  TechnologyDetail,
  TechnologyRule,
  TechOverview,
  UpdateTechnologyBody,
  VectorScoresWithNotes,
} from '@opsboard/shared';
import { http } from './http';

const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const tech = (id: string) => `/api/technologies/${encodeURIComponent(id)}`;
const assessment = (id: string) => `/api/assessments/${encodeURIComponent(id)}`;

export const techApi = {
  list: (teamId: string) => http.get<Technology[]>(`${team(teamId)}/technologies`),
  archived: (teamId: string) => http.get<Technology[]>(`${team(teamId)}/technologies?archived=true`),
  overview: (teamId: string, weeks = 12) => http.get<TechOverview>(`${team(teamId)}/technologies/overview?weeks=${weeks}`),
  create: (teamId: string, body: CreateTechnologyBody, idempotencyKey: string) => http.post<Technology>(`${team(teamId)}/technologies`, body, { idempotencyKey }),
  detail: (id: string) => http.get<TechnologyDetail>(tech(id)),
  update: (id: string, body: UpdateTechnologyBody, idempotencyKey: string) => http.patch<Technology>(tech(id), body, { idempotencyKey }),
  override: (id: string, body: OverrideLevelBody, idempotencyKey: string) => http.post<Technology>(`${tech(id)}/override`, body, { idempotencyKey }),
  archive: (id: string) => http.post<Technology>(`${tech(id)}/archive`),
  restore: (id: string) => http.post<Technology>(`${tech(id)}/restore`),
  openAssessment: (id: string, assessedOn: string | undefined, idempotencyKey: string) =>
    http.post<AssessmentSummary>(`${tech(id)}/assessments`, assessedOn ? { assessedOn } : {}, { idempotencyKey }),
  assessment: (id: string) => http.get<AssessmentView>(assessment(id)),
  score: (id: string, scores: VectorScoresWithNotes, idempotencyKey: string) => http.put<AssessmentView>(`${assessment(id)}/scores`, { scores }, { idempotencyKey }),
  reveal: (id: string) => http.post<AssessmentView>(`${assessment(id)}/reveal`),
  settle: (id: string, scores: VectorScoresWithNotes, idempotencyKey: string) => http.post<AssessmentView>(`${assessment(id)}/settle`, { scores }, { idempotencyKey }),
  rules: (teamId: string) => http.get<TechnologyRule[]>(`${team(teamId)}/technology-rules`),
  addRule: (teamId: string, technologyId: string, matchers: string[], idempotencyKey: string) =>
    http.post<TechnologyRule>(`${team(teamId)}/technology-rules`, { technologyId, matchers }, { idempotencyKey }),
  removeRule: (id: string) => http.del<{ ok: true }>(`/api/technology-rules/${encodeURIComponent(id)}`),
  cardTechnologies: (cardId: string) => http.get<CardTechnologies>(`/api/cards/${encodeURIComponent(cardId)}/technologies`),
  setCardTechnologies: (cardId: string, technologyIds: string[], idempotencyKey: string) =>
    http.put<CardTechnologies>(`/api/cards/${encodeURIComponent(cardId)}/technologies`, { technologyIds }, { idempotencyKey }),
};
