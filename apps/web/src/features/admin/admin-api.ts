import type { DepartmentInput, PortalSettingsInput, SubjectInput } from '@atende/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export const adminKeys = {
  all: ['admin'] as const,
  portal: ['admin', 'portal-settings'] as const,
  departments: ['admin', 'departments'] as const,
  subjects: ['admin', 'subjects'] as const,
};

export function usePortalSettings() {
  return useQuery({ queryKey: adminKeys.portal, queryFn: async () => (await unwrap(api.admin['portal-settings'].$get())).settings });
}

export function useSavePortalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PortalSettingsInput) => unwrap(api.admin['portal-settings'].$put({ json: input })),
    onSuccess: (data) => queryClient.setQueryData(adminKeys.portal, data.settings),
  });
}

export function useDepartments() {
  return useQuery({ queryKey: adminKeys.departments, queryFn: async () => (await unwrap(api.admin.departments.$get())).departments });
}

export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: DepartmentInput }) =>
      id === null
        ? unwrap(api.admin.departments.$post({ json: input }))
        : unwrap(api.admin.departments[':id'].$put({ param: { id: String(id) }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useSubjects() {
  return useQuery({ queryKey: adminKeys.subjects, queryFn: async () => (await unwrap(api.admin.subjects.$get())).subjects });
}

export function useSaveSubject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: SubjectInput }) =>
      id === null
        ? unwrap(api.admin.subjects.$post({ json: input }))
        : unwrap(api.admin.subjects[':id'].$put({ param: { id: String(id) }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
