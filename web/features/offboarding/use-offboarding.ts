import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MyTaskList,
  Task,
  TaskComplete,
  TaskList,
  Template,
  TemplateCreate,
  TemplateList,
  TemplatePatch,
} from '#common/offboarding';
import { api } from '#web/lib/api';

const TEMPLATES_KEY = ['offboarding', 'templates'] as const;
const tasksKey = (caseId: string) => ['offboarding', 'tasks', caseId] as const;
const MY_TASKS_KEY = ['offboarding', 'my-tasks'] as const;

export function useTemplates() {
  return useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: ({ signal }) => api<TemplateList>('/offboarding/templates', { signal }),
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: TemplateCreate | TemplatePatch }) =>
      id
        ? api<Template>(`/offboarding/templates/${id}`, { method: 'PATCH', body: input })
        : api<Template>('/offboarding/templates', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/offboarding/templates/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

export function useCaseTasks(caseId: string) {
  return useQuery({
    queryKey: tasksKey(caseId),
    queryFn: ({ signal }) => api<TaskList>(`/exit-cases/${caseId}/tasks`, { signal }),
  });
}

export function useMyTasks(enabled = true) {
  return useQuery({
    queryKey: MY_TASKS_KEY,
    queryFn: ({ signal }) => api<MyTaskList>('/me/tasks', { signal }),
    enabled,
  });
}

/** Complete (with the kind's answer) or reopen a task; refreshes the checklist and the case. */
export function useTaskAction(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      taskId,
      action,
      input,
    }: {
      taskId: string;
      action: 'complete' | 'reopen';
      input?: TaskComplete;
    }) => api<Task>(`/exit-cases/${caseId}/tasks/${taskId}/${action}`, { method: 'POST', body: input ?? {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tasksKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: MY_TASKS_KEY });
      // The case header (stage, counts) belongs to the exits feature.
      void queryClient.invalidateQueries({ queryKey: ['exit-cases'] });
      void queryClient.invalidateQueries({ queryKey: ['consents'] });
    },
  });
}
