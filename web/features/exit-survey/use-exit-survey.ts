import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Survey,
  SurveyGroupBy,
  SurveyQuestion,
  SurveyQuestionCreate,
  SurveyQuestionPatch,
  SurveySummary,
} from '#common/exit-survey';
import { api } from '#web/lib/api';

type Answers = Record<string, number | string>;
const surveyKey = (caseId: string) => ['exit-cases', caseId, 'survey'] as const;
const QUESTIONS_KEY = ['exit-survey', 'questions'] as const;

export function useSurvey(caseId: string, enabled = true) {
  return useQuery({
    queryKey: surveyKey(caseId),
    queryFn: ({ signal }) => api<Survey>(`/exit-cases/${caseId}/survey`, { signal }),
    enabled,
  });
}

export function useSaveSurvey(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ answers, submit }: { answers: Answers; submit: boolean }) =>
      submit
        ? api<Survey>(`/exit-cases/${caseId}/survey/submit`, { method: 'POST', body: { answers } })
        : api<Survey>(`/exit-cases/${caseId}/survey`, { method: 'PUT', body: { answers } }),
    onSuccess: (survey) => queryClient.setQueryData(surveyKey(caseId), survey),
  });
}

export function useSurveyQuestions() {
  return useQuery({
    queryKey: QUESTIONS_KEY,
    queryFn: ({ signal }) => api<{ items: SurveyQuestion[] }>('/exit-survey/questions', { signal }),
  });
}

export function useCreateQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<SurveyQuestionCreate>) =>
      api<SurveyQuestion>('/exit-survey/questions', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['exit-survey'] }),
  });
}

export function useUpdateQuestion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyQuestionPatch) =>
      api<SurveyQuestion>(`/exit-survey/questions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['exit-survey'] }),
  });
}

export function useSurveySummary(groupBy: SurveyGroupBy) {
  return useQuery({
    queryKey: ['exit-survey', 'summary', groupBy],
    queryFn: ({ signal }) => api<SurveySummary>(`/exit-survey/summary?groupBy=${groupBy}`, { signal }),
  });
}
