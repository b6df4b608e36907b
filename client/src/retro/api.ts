/** The retrospective and postmortem routes, through the one HTTP client. */
import type { CardPostmortem, CreateRetroBody, Postmortem, PostmortemActionBody, Retro, RetroActionBody, RetroFacts, RetroPhase, RetroQuadrant, RetroView, UpdatePostmortemBody } from '@opsboard/shared';
import { http } from '../api/http';
import { newKey } from '../lib/ids';

const retro = (id: string) => `/api/retros/${encodeURIComponent(id)}`;
const key = () => ({ idempotencyKey: newKey('r') });

export const retroApi = {
  list: (teamId: string) => http.get<Retro[]>(`/api/teams/${encodeURIComponent(teamId)}/retros`),
  published: () => http.get<Retro[]>('/api/retros/published'),
  create: (teamId: string, body: CreateRetroBody) => http.post<RetroView>(`/api/teams/${encodeURIComponent(teamId)}/retros`, body, key()),
  get: (id: string) => http.get<RetroView>(retro(id)),
  facts: (id: string) => http.get<RetroFacts>(`${retro(id)}/facts`),
  phase: (id: string, phase: RetroPhase) => http.post<RetroView>(`${retro(id)}/phase`, { phase }, key()),
  timer: (id: string, minutes: number | null) => http.post<RetroView>(`${retro(id)}/timer`, { minutes }, key()),
  checkin: (id: string, morale: number, mood: string | null) => http.put<RetroView>(`${retro(id)}/checkin`, { morale, mood }, key()),
  note: (id: string, quadrant: RetroQuadrant, text: string) => http.post<RetroView>(`${retro(id)}/notes`, { quadrant, text }, key()),
  deleteNote: (noteId: string) => http.del<RetroView>(`/api/retro-notes/${encodeURIComponent(noteId)}`, key()),
  theme: (id: string, title: string) => http.post<RetroView>(`${retro(id)}/themes`, { title }, key()),
  group: (noteId: string, themeId: string | null) => http.put<RetroView>(`/api/retro-notes/${encodeURIComponent(noteId)}/theme`, { themeId }, key()),
  vote: (id: string, themeId: string) => http.post<RetroView>(`${retro(id)}/votes`, { themeId }, key()),
  unvote: (id: string, themeId: string) => http.del<RetroView>(`${retro(id)}/votes/${encodeURIComponent(themeId)}`, key()),
  action: (id: string, body: RetroActionBody) => http.post<RetroView>(`${retro(id)}/actions`, body, key()),
  publish: (id: string) => http.post<RetroView>(`${retro(id)}/publish`, {}, key()),
};

const pm = (id: string) => `/api/postmortems/${encodeURIComponent(id)}`;

/** The blameless postmortem routes. */
export const postmortemApi = {
  list: (teamId: string) => http.get<Postmortem[]>(`/api/teams/${encodeURIComponent(teamId)}/postmortems`),
  published: () => http.get<Postmortem[]>('/api/postmortems/published'),
  ofCard: (cardId: string) => http.get<CardPostmortem>(`/api/cards/${encodeURIComponent(cardId)}/postmortem`),
  open: (cardId: string) => http.post<Postmortem>(`/api/cards/${encodeURIComponent(cardId)}/postmortem`, {}, key()),
  get: (id: string) => http.get<Postmortem>(pm(id)),
  update: (id: string, body: UpdatePostmortemBody) => http.patch<Postmortem>(pm(id), body, key()),
  action: (id: string, body: PostmortemActionBody) => http.post<Postmortem>(`${pm(id)}/actions`, body, key()),
  publish: (id: string) => http.post<Postmortem>(`${pm(id)}/publish`, {}, key()),
};
